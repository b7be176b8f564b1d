package org.meseta.cli.internal;

import org.meseta.zk.ZkUrl;

/**
 * The {@code --master} flag: one master's address, or the ZooKeeper group whose leader the run finds and follows
 * through a failover. {@link #toString()} hides a password.
 */
sealed interface MasterLocation {

    /** One master at {@code address}; a non-leading master's redirect is followed. */
    record Fixed(MasterAddress address) implements MasterLocation {

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /** The leader of the group at {@code url}. */
    record ZooKeeper(ZkUrl url) implements MasterLocation {

        @Override
        public String toString() {
            return url.toString();
        }
    }

    /**
     * Parses the flag value: {@code host:port}, {@code http://host:port} or
     * {@code zk://[user:pass@]host:port[,host:port...]/path}.
     *
     * @throws IllegalArgumentException saying what is expected (the flag parser's contract)
     */
    static MasterLocation parse(String text) {
        return text.strip().startsWith(ZkUrl.SCHEME) ? new ZooKeeper(ZkUrl.parse(text))
                : new Fixed(MasterAddress.parse(text));
    }
}
