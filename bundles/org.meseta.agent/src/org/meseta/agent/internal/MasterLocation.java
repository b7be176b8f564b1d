package org.meseta.agent.internal;

import java.time.Duration;
import org.meseta.daemon.DaemonException;
import org.meseta.zk.ZkUrl;

/**
 * Where the agent finds its master ({@code --master}): one master at a fixed address, or the leading master of a
 * ZooKeeper group in Mesos's layout, which it follows as the leadership moves. {@link #toString()} hides a password.
 */
public sealed interface MasterLocation {

    /** One master at {@code host:port}. */
    record Fixed(MasterAddress address) implements MasterLocation {

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /**
     * The leader of the group at {@code url}.
     *
     * @param sessionTimeout the agent's ZooKeeper session timeout ({@code --zk_session_timeout})
     */
    record ZooKeeper(ZkUrl url, Duration sessionTimeout) implements MasterLocation {

        @Override
        public String toString() {
            return url.toString();
        }
    }

    /**
     * Reads {@code --master}: {@code host:port} or {@code zk://[user:pass@]host:port[,host:port...]/path}.
     *
     * @throws DaemonException saying what is wrong with the value (a password hidden)
     */
    static MasterLocation parse(String text, Duration sessionTimeout) throws DaemonException {
        if (!text.strip().startsWith(ZkUrl.SCHEME)) {
            return new Fixed(MasterAddress.parse(text));
        }
        try {
            return new ZooKeeper(ZkUrl.parse(text), sessionTimeout);
        } catch (IllegalArgumentException e) {
            throw new DaemonException("Error parsing ZooKeeper URL (--master): " + e.getMessage());
        }
    }
}
