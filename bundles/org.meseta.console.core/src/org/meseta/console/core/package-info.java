/**
 * The console's UI-free client of a Meseta (or Mesos) master.
 *
 * <p>A {@link org.meseta.console.core.ClusterClient} follows one master through its operator event stream and
 * Meseta's offer stream, reports {@link org.meseta.console.core.ConnectionState}s and publishes the cluster model
 * of {@link org.meseta.console.core.model} as coalesced changes. Address parsing, the recent-masters list and value
 * formatting live here too, so they are tested without a display. Nothing in this package touches SWT, JFace or
 * e4.
 */
package org.meseta.console.core;
