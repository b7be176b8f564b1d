package org.meseta.console.core;

import org.meseta.console.core.internal.StreamingClusterClient;

/** Creates {@link ClusterClient}s that follow a master's event streams over HTTP. */
public final class ClusterClients {

    private ClusterClients() {
    }

    /** A disconnected client with {@link ClientSettings#DEFAULT}. */
    public static ClusterClient create() {
        return create(ClientSettings.DEFAULT);
    }

    /** A disconnected client paced as {@code settings} say (tests use short intervals). */
    public static ClusterClient create(ClientSettings settings) {
        return new StreamingClusterClient(settings);
    }
}
