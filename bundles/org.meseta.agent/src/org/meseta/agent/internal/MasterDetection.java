package org.meseta.agent.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.zk.LeaderFollower;
import org.meseta.zk.MasterInfos;

/**
 * Tells the agent which master to link to. For a fixed {@code --master}, that master, once, before
 * {@link #start} returns; for a ZooKeeper group, the leading master whenever it changes (empty while none is known)
 * as {@link LeaderFollower} reports it, on its thread, at the address the leader announced (its IP, so the agent
 * needs no name resolution for it).
 */
final class MasterDetection implements AutoCloseable {

    private final Optional<LeaderFollower> follower;

    private MasterDetection(Optional<LeaderFollower> follower) {
        this.follower = follower;
    }

    /** Starts detecting where {@code location} says; {@code listener} is told the master to link to. */
    static MasterDetection start(MasterLocation location, Consumer<Optional<MasterAddress>> listener) {
        return switch (location) {
            case MasterLocation.Fixed fixed -> {
                listener.accept(Optional.of(fixed.address()));
                yield new MasterDetection(Optional.empty());
            }
            case MasterLocation.ZooKeeper group -> new MasterDetection(Optional.of(LeaderFollower.start(group.url(),
                    group.sessionTimeout(), leader -> listener.accept(leader.map(MasterDetection::address)))));
        };
    }

    private static MasterAddress address(MasterInfo leader) {
        return new MasterAddress(MasterInfos.ip(leader), MasterInfos.port(leader));
    }

    /** Stops detecting; nothing more is reported once this returns. Idempotent. */
    @Override
    public void close() {
        follower.ifPresent(LeaderFollower::close);
    }
}
