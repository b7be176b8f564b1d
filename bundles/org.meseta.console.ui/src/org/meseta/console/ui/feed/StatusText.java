package org.meseta.console.ui.feed;

import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.model.ClusterState;

/** The status line of a view: where the connection stands and, while it is live, how big the cluster is. */
public final class StatusText {

    /** The CSS id of a view's status line (see css/console.css). */
    public static final String CSS_ID = "org-meseta-console-ui-status";

    private StatusText() {
    }

    /** For example {@code Connected to 127.0.0.1:5050 · 2 agents}, or the state's own description. */
    public static String of(ConnectionState state, ClusterState cluster) {
        if (!state.isConnected()) {
            return state.describe();
        }
        int agents = cluster.agents().size();
        return state.describe() + " · " + agents + (agents == 1 ? " agent" : " agents");
    }
}
