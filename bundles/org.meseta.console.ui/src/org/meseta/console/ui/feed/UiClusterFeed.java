package org.meseta.console.ui.feed;

import org.eclipse.e4.ui.di.UISynchronize;
import org.meseta.console.core.ClusterChangeListener;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterListener;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.model.ClusterChange;

/**
 * Carries what a {@link ClusterClient} tells, on its own thread, over to a {@link ClusterView} on the UI thread.
 * At most one delivery is queued on the UI thread at any time: what arrives meanwhile is merged into it (the latest
 * connection state; the changes joined with {@link ClusterChange#then}). So a burst of changes costs the UI thread
 * one delivery however busy it is, and the client's thread never waits for the UI.
 *
 * <p>On {@link #attach} the client tells the current state and a reset change at once, so the view starts complete.
 * After {@link #close()} the view is told nothing more. Thread-safe.
 */
public final class UiClusterFeed implements AutoCloseable {

    private final ClusterClient client;
    private final UISynchronize ui;
    private final ClusterView view;
    private final ClusterListener stateListener = this::stateArrived;
    private final ClusterChangeListener changeListener = this::changeArrived;
    private ConnectionState pendingState;
    private ClusterChange pendingChange;
    private boolean scheduled;
    private volatile boolean closed;

    private UiClusterFeed(ClusterClient client, UISynchronize ui, ClusterView view) {
        this.client = client;
        this.ui = ui;
        this.view = view;
    }

    /** Starts feeding {@code view} from {@code client} through {@code ui}. */
    public static UiClusterFeed attach(ClusterClient client, UISynchronize ui, ClusterView view) {
        UiClusterFeed feed = new UiClusterFeed(client, ui, view);
        client.addListener(feed.stateListener);
        client.addChangeListener(feed.changeListener);
        return feed;
    }

    private synchronized void stateArrived(ConnectionState state) {
        pendingState = state;
        schedule();
    }

    private synchronized void changeArrived(ClusterChange change) {
        pendingChange = pendingChange == null ? change : pendingChange.then(change);
        schedule();
    }

    private void schedule() {
        if (!scheduled && !closed) {
            scheduled = true;
            ui.asyncExec(this::deliver);
        }
    }

    private void deliver() {
        ConnectionState state;
        ClusterChange change;
        synchronized (this) {
            state = pendingState;
            change = pendingChange;
            pendingState = null;
            pendingChange = null;
            scheduled = false;
        }
        if (closed) {
            return;
        }
        if (state != null) {
            view.connectionChanged(state);
        }
        if (change != null) {
            view.clusterChanged(change);
        }
    }

    /** Stops feeding the view; a delivery already queued does nothing. Idempotent. */
    @Override
    public void close() {
        closed = true;
        client.removeListener(stateListener);
        client.removeChangeListener(changeListener);
    }
}
