package org.meseta.agent.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.daemon.Teardown;
import org.meseta.zk.MasterDetector;
import org.meseta.zk.MasterInfos;
import org.meseta.zk.ZkClients;

/**
 * Tells the agent which master to link to. For a fixed {@code --master}, that master, once, before
 * {@link #start} returns; for a ZooKeeper group, the leading master whenever it changes (empty while none is known)
 * as {@link MasterDetector} reports it, on the detector's thread, at the address the leader announced (its IP, so
 * the agent needs no name resolution for it).
 */
final class MasterDetection implements AutoCloseable {

    private final Teardown owned;

    private MasterDetection(Teardown owned) {
        this.owned = owned;
    }

    /** Starts detecting where {@code location} says; {@code listener} is told the master to link to. */
    static MasterDetection start(MasterLocation location, Consumer<Optional<MasterAddress>> listener) {
        Teardown owned = new Teardown();
        switch (location) {
            case MasterLocation.Fixed fixed -> listener.accept(Optional.of(fixed.address()));
            case MasterLocation.ZooKeeper group -> {
                try {
                    CuratorFramework client = owned.own(ZkClients.newClient(group.url(), group.sessionTimeout()));
                    client.start();
                    owned.own(new MasterDetector(client, group.url().path(),
                            leader -> listener.accept(leader.map(MasterDetection::address)))).start();
                } catch (RuntimeException e) {
                    owned.close();
                    throw e;
                }
            }
        }
        return new MasterDetection(owned);
    }

    private static MasterAddress address(MasterInfo leader) {
        return new MasterAddress(MasterInfos.ip(leader), MasterInfos.port(leader));
    }

    /** Stops detecting; nothing more is reported once this returns. Idempotent. */
    @Override
    public void close() {
        owned.close();
    }
}
