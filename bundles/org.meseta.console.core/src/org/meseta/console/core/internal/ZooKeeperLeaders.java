package org.meseta.console.core.internal;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.console.core.MasterAddress;
import org.meseta.zk.LeaderFollower;
import org.meseta.zk.MasterInfos;
import org.meseta.zk.ZkClients;
import org.meseta.zk.ZkUrl;

/**
 * The real {@link LeaderDetector}: a {@link LeaderFollower} (a ZooKeeper session of its own, Mesos's znode layout)
 * per watch. The leader is reached at the IP address and port of its {@code MasterInfo}, as agents reach it.
 */
final class ZooKeeperLeaders implements LeaderDetector {

    private static final System.Logger LOG = System.getLogger(ZooKeeperLeaders.class.getName());

    @Override
    public Watch watch(ZkUrl url, Consumer<Optional<MasterAddress>> listener) {
        LeaderFollower follower = LeaderFollower.start(url, ZkClients.DEFAULT_SESSION_TIMEOUT,
                info -> listener.accept(info.flatMap(ZooKeeperLeaders::address)));
        return follower::close;
    }

    private static Optional<MasterAddress> address(MasterInfo info) {
        try {
            return Optional.of(new MasterAddress(MasterInfos.ip(info), MasterInfos.port(info)));
        } catch (IllegalArgumentException unusable) {
            LOG.log(Level.WARNING, "The leading master's MasterInfo gives no usable address: {0}",
                    unusable.getMessage());
            return Optional.empty();
        }
    }
}
