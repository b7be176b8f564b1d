/**
 * Launching tasks from the console: the {@link org.meseta.console.core.launch.Palette} of
 * {@link org.meseta.console.core.launch.TaskDefinition}s the administrator edits, checked per field before use
 * ({@link org.meseta.console.core.launch.CheckedDefinition}), and the console's own framework
 * ({@link org.meseta.console.core.launch.ConsoleFramework}) that launches, moves and kills tasks over the v1
 * scheduler API. Nothing here touches SWT, JFace or e4.
 */
package org.meseta.console.core.launch;
