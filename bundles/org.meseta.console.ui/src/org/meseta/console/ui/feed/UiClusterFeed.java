package org.meseta.console.ui.feed;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Widget;
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
 * <p>On {@link #attach} the client tells the current state and a reset change at once (delivered a moment later, on
 * the UI thread), so the view starts complete. After {@link #close()} the view is told nothing more. Thread-safe.
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

    /**
     * Starts feeding {@code view} from {@code client} through {@code ui}, until {@link #close()} is called. May be
     * called on any thread; the caller closes the feed when the view goes (a part in its {@code @PreDestroy}).
     */
    public static UiClusterFeed attach(ClusterClient client, UISynchronize ui, ClusterView view) {
        UiClusterFeed feed = new UiClusterFeed(client, ui, view);
        client.addListener(feed.stateListener);
        client.addChangeListener(feed.changeListener);
        return feed;
    }

    /**
     * Starts feeding {@code view} from {@code client} through {@code ui} for as long as {@code owner} lives: the feed
     * closes itself when {@code owner} is disposed, so the view is never told anything once its widgets are gone (e4
     * disposes a part's widgets before it calls the part's {@code @PreDestroy}) and needs no clean-up of its own.
     * Pass the composite the view draws in. Must be called on the UI thread ({@code owner}'s display).
     *
     * @since 0.1.1
     */
    public static UiClusterFeed attach(ClusterClient client, UISynchronize ui, ClusterView view, Widget owner) {
        UiClusterFeed feed = attach(client, ui, view);
        owner.addDisposeListener(disposed -> feed.close());
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
        try {
            if (state != null) {
                view.connectionChanged(state);
            }
        } finally {
            // A view that failed on the state still gets the change, so it does not lose the names of what changed.
            if (change != null) {
                view.clusterChanged(change);
            }
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
