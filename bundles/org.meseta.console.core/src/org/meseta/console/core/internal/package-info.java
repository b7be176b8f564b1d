/**
 * The streaming implementation of {@link org.meseta.console.core.ClusterClient}: the JDK HTTP client, RecordIO
 * streams, redirects, back-off, and the pure event-applying model {@link
 * org.meseta.console.core.internal.LiveCluster}; the actions' HTTP calls; and the console's framework
 * ({@link org.meseta.console.core.internal.FrameworkSession}, its subscription and its steps). Not exported.
 */
package org.meseta.console.core.internal;
