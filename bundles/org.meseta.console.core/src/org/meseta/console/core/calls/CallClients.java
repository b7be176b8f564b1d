package org.meseta.console.core.calls;

import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.internal.HttpCallClient;

/** Creates {@link CallClient}s. */
public final class CallClients {

    private CallClients() {
    }

    /** A client that sends operator calls to the leader {@code cluster} follows, with {@link CallSettings#DEFAULT}. */
    public static CallClient following(ClusterClient cluster) {
        return following(cluster, CallSettings.DEFAULT);
    }

    /** A client that sends operator calls to the leader {@code cluster} follows, as {@code settings} say. */
    public static CallClient following(ClusterClient cluster, CallSettings settings) {
        return new HttpCallClient(cluster::leader, settings);
    }
}
