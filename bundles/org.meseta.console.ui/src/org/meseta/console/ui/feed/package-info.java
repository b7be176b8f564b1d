/**
 * The console's API for views, its own and those of plugin bundles: how a view follows the cluster on the UI thread.
 * A plugin view uses this package, {@link org.meseta.console.core} (the client), {@link org.meseta.console.core.model}
 * (the model it reads) and, to act on the cluster, {@code org.meseta.console.core.calls}; every other package of the
 * console is internal to it.
 *
 * <p><b>What a view gets.</b> A view is an e4 part contributed by a model fragment into the part stack
 * {@code org.meseta.console.ui.partstack.views} (see {@code docs/plugin-guide.md}). The console puts into the
 * application context, for injection into any part: the session's {@link org.meseta.console.core.ClusterClient},
 * connected to the master the user chose (and switched by File › Connect…, which the client reports as a
 * {@code Connecting} state and a reset change); its {@code CallClient}, which sends operator calls to the leader the
 * client follows; and e4's {@code UISynchronize}. The part must not close, connect or disconnect the client: the
 * session owns it.
 *
 * <p><b>Threads.</b> The client calls its listeners on its own thread; {@link org.meseta.console.ui.feed.UiClusterFeed}
 * carries what it tells to the UI thread, where a {@link org.meseta.console.ui.feed.ClusterView} is called, one
 * delivery at a time, changes merged while the UI thread is busy. The model's values are immutable and may be read
 * on any thread. A view draws in its {@code @PostConstruct} method (on the UI thread) and attaches its feed there:
 *
 * <pre>
 *  client thread                       UI thread
 *  ClusterListener.stateChanged ──┐
 *                                 ├──► UiClusterFeed ──asyncExec──► ClusterView.connectionChanged
 *  ClusterChangeListener          │    (one delivery queued,        ClusterView.clusterChanged
 *   .clusterChanged (≤ 10/s) ─────┘     the rest merged into it)
 * </pre>
 *
 * <p><b>Lifetime.</b> Attached with the composite the view draws in as owner,
 * {@link org.meseta.console.ui.feed.UiClusterFeed#attach(org.meseta.console.core.ClusterClient,
 * org.eclipse.e4.ui.di.UISynchronize, ClusterView, org.eclipse.swt.widgets.Widget)} closes the feed when the part's
 * widgets are disposed, so the view is never called with disposed widgets. A view attached without an owner closes
 * its feed itself and checks its widgets, since e4 disposes them before it calls {@code @PreDestroy}.
 *
 * <p>{@link org.meseta.console.ui.feed.StatusText} gives a view the status line the console's views show, and
 * {@link org.meseta.console.ui.feed.AgentOrder} the order they list agents in.
 */
package org.meseta.console.ui.feed;
