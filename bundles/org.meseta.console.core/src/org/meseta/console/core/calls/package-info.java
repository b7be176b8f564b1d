/**
 * The console's actions: a {@link org.meseta.console.core.calls.CallClient} sends operator calls
 * ({@link org.meseta.console.core.calls.OperatorCalls}) to the leading master and reads and changes an agent's
 * isolation settings, off the caller's thread, cancellable, with progress, and with every outcome a
 * {@link org.meseta.console.core.calls.CallResult} value. {@link org.meseta.console.core.calls.RoleEdits} checks
 * weight and quota edits by the master's rules before they are sent. Nothing here touches SWT, JFace or e4.
 */
package org.meseta.console.core.calls;
