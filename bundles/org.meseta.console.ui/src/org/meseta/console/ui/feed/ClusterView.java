package org.meseta.console.ui.feed;

import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.model.ClusterChange;

/**
 * A view of the cluster fed by a {@link UiClusterFeed}: told, on the UI thread, where the connection stands and
 * what changed in the model.
 */
public interface ClusterView {

    /** The connection is now {@code state}; only the latest state is told when several came meanwhile. */
    void connectionChanged(ConnectionState state);

    /**
     * The model changed as {@code change} says; changes that came while the UI thread was busy are merged into one
     * ({@link ClusterChange#then}), so a view never falls behind by more than one delivery.
     */
    void clusterChanged(ClusterChange change);
}
