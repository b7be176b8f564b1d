package org.meseta.master.internal.election;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.curator.framework.CuratorFramework;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Teardown;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.MasterConfig;
import org.meseta.registry.RegistryStore;
import org.meseta.registry.ZkRegistryStore;
import org.meseta.zk.MasterDetector;
import org.meseta.zk.ZkClients;

/**
 * How this master becomes the leader, and what it does when it stops being it. Without {@code --zk} it leads as it
 * starts, as a Mesos master without ZooKeeper does. With {@code --zk} it stands by and contends in Mesos's znode
 * layout ({@link Candidacy}), follows the leader for redirects ({@link MasterDetector}), recovers and leads once
 * elected, and once it loses its leadership it stops acting at once ({@link Master#close()}: no more offers,
 * launches or writes) and reports {@link #LOST_LEADERSHIP_STATUS} through {@link #exitStatus()}, so that the
 * process exits and its supervisor starts it again, as a fresh follower.
 */
public final class Election implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Election.class.getName());

    /** The exit status of a master that lost its leadership, as Mesos's. */
    public static final int LOST_LEADERSHIP_STATUS = 1;
    /** The registry's znode, a child of the group that {@code json.info_} members ignore. */
    static final String REGISTRY_NODE = "registry";

    private final Leadership leadership;
    private final Master master;
    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    private final Teardown owned = new Teardown();

    private Election(Leadership leadership, Master master) {
        this.leadership = leadership;
        this.master = master;
    }

    /**
     * Leads at once, with its registry in {@code store}: {@code master} has recovered and leads when this returns.
     *
     * @throws DaemonException if the registry cannot be recovered, in one line
     */
    public static Election standalone(Leadership leadership, Master master, RegistryStore store)
            throws DaemonException {
        Election election = new Election(leadership, master);
        leadership.elected();
        try {
            master.lead(store, () -> true, reason -> election.stop(reason)).join();
        } catch (CompletionException e) {
            throw new DaemonException("Cannot recover the registry: " + e.getCause().getMessage(), e.getCause());
        }
        leadership.recovered();
        return election;
    }

    /**
     * Connects to {@code zooKeeper}'s ensemble and contends; returns at once, with this master standing by. The
     * connection is made in the background: a ZooKeeper that is not reachable yet delays the election, it does not
     * fail the start.
     */
    public static Election contend(MasterConfig.ZooKeeper zooKeeper, Leadership leadership, Master master) {
        Election election = new Election(leadership, master);
        CuratorFramework client = ZkClients.newClient(zooKeeper.url(), zooKeeper.sessionTimeout());
        String group = zooKeeper.url().path();
        Candidacy candidacy = new Candidacy(client, group, master.info(), election.new Outcome(client, group,
                zooKeeper.sessionTimeout()));
        MasterDetector detector = new MasterDetector(client, group, election::detected);
        // Closed in reverse: the candidacy stops reacting, the detector stops following, the session ends (and this
        // master's node with it, at once), and only then the candidacy's contender goes, finding nothing to do.
        election.owned.own(candidacy);
        election.owned.own(client);
        election.owned.own(detector);
        election.owned.own(candidacy::withdraw);
        client.start();
        detector.start();
        candidacy.start();
        LOG.log(System.Logger.Level.INFO, "Contending for leadership in {0}", zooKeeper.url());
        return election;
    }

    /**
     * Completes with {@link #LOST_LEADERSHIP_STATUS} once this master has lost its leadership and stopped acting;
     * never completes otherwise.
     */
    public CompletionStage<Integer> exitStatus() {
        return exitStatus.minimalCompletionStage();
    }

    private void detected(Optional<MasterInfo> leader) {
        leadership.detected(leader);
        LOG.log(System.Logger.Level.INFO, leader.map(info -> "The leading master is " + info.getPid() + " ("
                + info.getHostname() + ")").orElse("No leading master is known"));
    }

    /** What the candidacy tells, on its thread. */
    private final class Outcome implements Candidacy.Listener {

        private final CuratorFramework client;
        private final String registryPath;
        private final Duration sessionTimeout;

        Outcome(CuratorFramework client, String group, Duration sessionTimeout) {
            this.client = client;
            this.registryPath = (group.endsWith("/") ? group : group + "/") + REGISTRY_NODE;
            this.sessionTimeout = sessionTimeout;
        }

        @Override
        public void elected(String znode) {
            if (!leadership.elected()) {
                return;
            }
            LOG.log(System.Logger.Level.INFO, "Elected as the leading master ({0}); recovering", znode);
            // Its registry writes are fenced by its own znode: once that is gone, they fail.
            RegistryStore registry = new ZkRegistryStore(client, registryPath, () -> Optional.of(znode));
            LeaderLease lease = owned.own(LeaderLease.start(client, znode, negotiated()));
            // Not on the master's thread: losing the leadership closes the master, which waits for that thread.
            CompletableFuture.supplyAsync(() -> master.lead(registry, lease::held, this::lost))
                    .thenCompose(lead -> lead)
                    .whenCompleteAsync((recovered, failure) -> {
                        if (failure != null) {
                            lost("recovery failed: " + failure.getMessage());
                        } else if (leadership.recovered()) {
                            LOG.log(System.Logger.Level.INFO, "Recovered: this master leads");
                        }
                    });
        }

        @Override
        public void lost(String reason) {
            stop(reason);
        }

        /** The session timeout the servers granted, when known (it may be shorter than the one asked for). */
        private Duration negotiated() {
            try {
                int granted = client.getZookeeperClient().getZooKeeper().getSessionTimeout();
                return granted > 0 && granted < sessionTimeout.toMillis() ? Duration.ofMillis(granted) : sessionTimeout;
            } catch (Exception e) {
                return sessionTimeout;
            }
        }
    }

    /**
     * This master may no longer act (it lost its leadership, or its registry cannot be written): it stops at once
     * and reports {@link #LOST_LEADERSHIP_STATUS}. Once only.
     */
    private void stop(String reason) {
        if (leadership.end() == Leadership.Phase.ENDED) {
            return;
        }
        LOG.log(System.Logger.Level.ERROR, "Lost leadership ({0}): this master stops acting now and exits with"
                + " status {1}, so that its supervisor starts it again as a follower", reason,
                LOST_LEADERSHIP_STATUS);
        master.close();
        exitStatus.complete(LOST_LEADERSHIP_STATUS);
    }

    /**
     * Stops the master first, so that it never acts once another master may lead, then withdraws from the election
     * (its node goes with its session) and disconnects from ZooKeeper. A stop is not a lost leadership: it reports no
     * exit status. Idempotent.
     */
    @Override
    public void close() {
        leadership.end();
        master.close();
        owned.close();
    }
}
