/**
 * The console's model of a cluster: immutable values ({@link org.meseta.console.core.model.ClusterState} and
 * what it holds) that a {@link org.meseta.console.core.ClusterClient} publishes as
 * {@link org.meseta.console.core.model.ClusterChange}s while it follows a master's operator event stream and
 * Meseta's offer stream. Views read these values on any thread and redraw what a change names. Nothing here
 * touches the network, SWT, JFace or e4.
 */
package org.meseta.console.core.model;
