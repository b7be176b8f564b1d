/**
 * How a console view follows the cluster: {@link org.meseta.console.ui.feed.UiClusterFeed} attaches a
 * {@link org.meseta.console.ui.feed.ClusterView} to the session's {@link org.meseta.console.core.ClusterClient} and
 * tells it, on the UI thread, the connection state and the merged model changes.
 */
package org.meseta.console.ui.feed;
