package org.meseta.console.ui.feed;

import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.model.ClusterChange;

/**
 * A view of the cluster fed by a {@link UiClusterFeed}: told, on the UI thread, where the connection stands and
 * what changed in the model.
 *
 * <p>Both methods are called on the UI thread only, one call at a time, never after the feed is closed. The first
 * calls after {@link UiClusterFeed#attach} tell the client's current state and a {@link ClusterChange#reset() reset}
 * change holding the whole model, so a view needs no query of its own to start. A view must return quickly (the
 * console's other views wait meanwhile) and must not block on the network: a view that asks the master for more
 * does so off the UI thread (the console's {@code CallClient} does) and comes back through {@code UISynchronize}.
 * What a view throws goes to the UI thread's error handling (the console logs it) and does not stop the feed.
 */
public interface ClusterView {

    /** The connection is now {@code state}; only the latest state is told when several came meanwhile. */
    void connectionChanged(ConnectionState state);

    /**
     * The model changed as {@code change} says; changes that came while the UI thread was busy are merged into one
     * ({@link ClusterChange#then}), so a view never falls behind by more than one delivery.
     * {@link ClusterChange#state()} is always the complete, immutable model after the change; a view may keep it.
     */
    void clusterChanged(ClusterChange change);
}
