package org.meseta.console.core.launch;

import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.internal.FrameworkSession;

/** Creates the console's {@link ConsoleFramework}. */
public final class ConsoleFrameworks {

    private ConsoleFrameworks() {
    }

    /**
     * A framework that subscribes with the master {@code cluster} follows (with its credentials), as {@code settings}
     * say, keeping its id and its tasks' definitions in {@code memory}. It subscribes at its first action.
     */
    public static ConsoleFramework create(ClusterClient cluster, FrameworkMemory memory, FrameworkSettings settings) {
        return new FrameworkSession(cluster, memory, settings);
    }
}
