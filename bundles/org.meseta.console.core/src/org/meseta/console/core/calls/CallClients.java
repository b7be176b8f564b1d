package org.meseta.console.core.calls;

import java.util.Optional;
import java.util.function.Supplier;

import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.internal.HttpCallClient;

/** Creates {@link CallClient}s. */
public final class CallClients {

    private CallClients() {
    }

    /** A client that sends operator calls to the leader {@code cluster} follows, with {@link CallSettings#DEFAULT}. */
    public static CallClient following(ClusterClient cluster) {
        return following(cluster, CallSettings.DEFAULT);
    }

    /**
     * A client that sends operator calls to the leader {@code cluster} follows, with the credentials of its
     * connection, as {@code settings} say.
     */
    public static CallClient following(ClusterClient cluster, CallSettings settings) {
        return new HttpCallClient(cluster::leader, cluster::credentials, settings);
    }

    /**
     * A client that sends each operator call to the master {@code leader} names when the call is made (none: the
     * call fails as not connected), without credentials, as {@code settings} say.
     */
    public static CallClient following(Supplier<Optional<MasterAddress>> leader, CallSettings settings) {
        return new HttpCallClient(leader, Optional::empty, settings);
    }
}
