/**
 * The console's UI-free model of a Meseta (or Mesos) cluster.
 *
 * <p>A {@link org.meseta.console.core.ClusterClient} follows one master through its v1 operator
 * API and reports {@link org.meseta.console.core.ConnectionState}s, immutable values that carry
 * the latest {@link org.meseta.console.core.ClusterSnapshot}. Address parsing, the recent-masters
 * list and value formatting live here too, so they are tested without a display. Nothing in this
 * package touches SWT, JFace or e4.
 */
package org.meseta.console.core;
