package org.meseta.console.core;

import org.meseta.zk.ZkUrl;

/**
 * Where the console finds the master it follows: one master's address, or a ZooKeeper group whose leading master
 * it follows across failovers (Mesos's {@code --master} forms). Immutable; {@link #parse(String)} reads user input
 * and explains what is wrong with input it refuses.
 */
public sealed interface MasterLocation {

    /** The text of this location as the user sees it and the recent masters list keeps it (no password). */
    String text();

    /** One master, {@code HOST:PORT}; a standby redirects the console to the leader. */
    record Direct(MasterAddress address) implements MasterLocation {
        @Override
        public String text() {
            return address.toString();
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * The masters electing their leader in a ZooKeeper group ({@code zk://host:port[,host:port…]/path}); the console
     * watches the group and follows whichever master leads.
     *
     * @param url the ensemble and group; its digest credentials, if any, authenticate with ZooKeeper
     */
    record ZooKeeper(ZkUrl url) implements MasterLocation {
        /** The URL without its credentials: ZooKeeper passwords are neither shown nor remembered. */
        @Override
        public String text() {
            return ZkUrl.SCHEME + url.connectString() + ("/".equals(url.path()) ? "" : url.path());
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** The location of one master. */
    static MasterLocation of(MasterAddress address) {
        return new Direct(address);
    }

    /**
     * Parses {@code zk://…} as a ZooKeeper group and anything else as a master address
     * ({@link MasterAddress#parse}); surrounding white space is ignored.
     *
     * @throws IllegalArgumentException with a message meant for the user
     */
    static MasterLocation parse(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("Enter the master as HOST:PORT (for example 127.0.0.1:5050) or as the "
                    + "ZooKeeper group of its masters (for example zk://10.0.0.1:2181/mesos).");
        }
        if (stripped.regionMatches(true, 0, ZkUrl.SCHEME, 0, ZkUrl.SCHEME.length())) {
            return new ZooKeeper(ZkUrl.parse(ZkUrl.SCHEME + stripped.substring(ZkUrl.SCHEME.length())));
        }
        return new Direct(MasterAddress.parse(stripped));
    }
}
