/**
 * The streaming implementation of {@link org.meseta.console.core.ClusterClient}: the JDK HTTP client, RecordIO
 * streams, redirects, back-off, and the pure event-applying model {@link
 * org.meseta.console.core.internal.LiveCluster}. Not exported.
 */
package org.meseta.console.core.internal;
