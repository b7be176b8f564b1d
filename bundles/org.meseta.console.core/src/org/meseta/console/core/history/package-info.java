/**
 * What views keep of the cluster's past while the console watches it, {@link
 * org.meseta.console.core.history.OfferHistory} (what happened to offers) and {@link
 * org.meseta.console.core.history.MetricHistory} (figures sampled over time, for charts). Fed the client's {@link
 * org.meseta.console.core.model.ClusterChange}s and not thread-safe: a view keeps its own on its UI thread. Nothing
 * here touches the network, SWT, JFace or e4.
 */
package org.meseta.console.core.history;
