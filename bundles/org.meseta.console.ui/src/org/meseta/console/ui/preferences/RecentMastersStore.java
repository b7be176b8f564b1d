package org.meseta.console.ui.preferences;

import org.meseta.console.core.ClusterListener;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterLocation;
import org.meseta.console.core.RecentMasters;
import org.osgi.service.prefs.Preferences;

/**
 * Keeps the recently used masters in a preference node and, as a {@link ClusterListener}, adds a
 * master each time a connection to it succeeds.
 *
 * <p>Thread-safe (preference nodes are). Listener calls arrive on the cluster client's thread, so
 * the preference file is written there, never on the UI thread. A failure to write is logged and
 * otherwise ignored: losing the list is not worth interrupting the user.
 */
public final class RecentMastersStore implements ClusterListener {

    /** The preference key holding {@link RecentMasters#encode()}. */
    public static final String KEY = "recentMasters";

    private final Preferences node;

    public RecentMastersStore(Preferences node) {
        this.node = node;
    }

    /** The store in the console's instance-scope preferences (the workspace of the running product). */
    public static RecentMastersStore inInstanceScope() {
        return new RecentMastersStore(PreferenceNodes.console());
    }

    /** The stored list; empty if nothing (valid) is stored. */
    public RecentMasters load() {
        return RecentMasters.decode(node.get(KEY, ""));
    }

    /** Moves {@code master} to the front of the stored list and writes it out if that changed anything. */
    public synchronized void remember(MasterLocation master) {
        RecentMasters before = load();
        RecentMasters after = before.remember(master);
        if (after.equals(before)) {
            return;
        }
        node.put(KEY, after.encode());
        PreferenceNodes.flush(node, "the recent masters list");
    }

    @Override
    public void stateChanged(ConnectionState state) {
        if (state instanceof ConnectionState.Connected connected) {
            remember(connected.master());
        }
    }
}
