package org.meseta.console.core;

import org.meseta.console.core.model.ClusterChange;

/**
 * Told what changed in the cluster a {@link ClusterClient} follows.
 *
 * <p>Called on the client's own thread, never on a UI thread, at most once per
 * {@link ClientSettings#coalesceInterval()}: a UI hands the change over to its UI thread itself, and may merge
 * changes that arrive while it is busy (the {@link ClusterChange#state()} of the latest one is always complete).
 * Calls for one client are sequential and in order. The listener must return quickly and must not block; an
 * exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ClusterChangeListener {

    /** The cluster changed as {@code change} says (never {@code null}). */
    void clusterChanged(ClusterChange change);
}
