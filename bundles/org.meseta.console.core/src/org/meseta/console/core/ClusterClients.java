package org.meseta.console.core;

import org.meseta.console.core.internal.PollingClusterClient;

/** Creates {@link ClusterClient}s that talk to a master's v1 operator API over HTTP. */
public final class ClusterClients {

    private ClusterClients() {
    }

    /** A disconnected client with {@link PollSettings#DEFAULT}. */
    public static ClusterClient create() {
        return create(PollSettings.DEFAULT);
    }

    /** A disconnected client polling as {@code settings} say (tests use short intervals). */
    public static ClusterClient create(PollSettings settings) {
        return new PollingClusterClient(settings);
    }
}
