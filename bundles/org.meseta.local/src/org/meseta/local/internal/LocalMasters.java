package org.meseta.local.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.flags.FlagException;
import org.meseta.api.flags.FlagParser;
import org.meseta.daemon.Actor;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.meseta.zk.MasterDetector;
import org.meseta.zk.MasterInfos;
import org.meseta.zk.ZkClients;
import org.meseta.zk.ZkUrl;

/**
 * The masters of a local cluster that elects its leader through ZooKeeper, kept running as a supervisor keeps
 * masters running in production: a master that ends by itself (it lost its leadership) is started again, as a
 * standby, after {@link #RESTART_DELAY}. {@link #stopLeader()} stops the leading master as if its process had died,
 * so an operator can watch another master take over. Follows the leader with a {@link MasterDetector} and logs
 * every change. State is owned by one actor thread.
 */
final class LocalMasters implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalMasters.class.getName());

    /** How long a stopped master stays down before it is started again. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(1);

    private final Daemon daemon;
    private final List<List<String>> commandLines;
    private final Actor actor = new Actor("local-masters");
    private final CuratorFramework client;
    private final MasterDetector detector;

    // Owned by the actor thread.
    private final List<Daemon.Running> running = new ArrayList<>();
    private Optional<MasterInfo> leader = Optional.empty();
    private boolean closed;

    private LocalMasters(Daemon daemon, List<List<String>> commandLines, ZkUrl group) {
        this.daemon = daemon;
        this.commandLines = List.copyOf(commandLines);
        this.client = ZkClients.newClient(group, Duration.ofSeconds(10));
        this.detector = new MasterDetector(client, group.path(), detected -> actor.run(() -> detected(detected)));
    }

    /**
     * Starts one master per command line (in order, all contending in {@code group}) and follows their leader.
     *
     * @throws DaemonException naming the master that could not start; none is left running then
     */
    static LocalMasters start(Daemon daemon, List<List<String>> commandLines, ZkUrl group) throws DaemonException {
        LocalMasters masters = new LocalMasters(daemon, commandLines, group);
        Optional<DaemonException> failure = masters.actor.call(masters::startAll).join();
        if (failure.isPresent()) {
            masters.close();
            throw failure.get();
        }
        masters.client.start();
        masters.detector.start();
        return masters;
    }

    /** Stops the leading master as if its process had died; it is started again as a standby. */
    void stopLeader() {
        actor.run(() -> {
            Optional<Integer> index = leader.flatMap(this::indexOf);
            if (index.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "No master leads now: there is no leader to stop");
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "Stopping the leading master {0} as if its process had died",
                    running.get(index.get()).endpoint());
            restart(index.get());
        });
    }

    private Optional<DaemonException> startAll() {
        try {
            for (int n = 0; n < commandLines.size(); n++) {
                running.add(startMaster(n));
            }
            return Optional.empty();
        } catch (DaemonException e) {
            return Optional.of(e);
        }
    }

    private Daemon.Running startMaster(int index) throws DaemonException {
        Daemon.Running master;
        try {
            master = daemon.start(FlagParser.parse(daemon.flags(), commandLines.get(index)));
        } catch (FlagException | DaemonException e) {
            throw new DaemonException("master " + (index + 1) + ": " + e.getMessage(), e);
        }
        master.exitStatus().thenAccept(status -> actor.run(() -> ended(index, master, status)));
        return master;
    }

    /** Master {@code index} ended by itself; unless it was replaced already, it is started again. */
    private void ended(int index, Daemon.Running master, int status) {
        if (!closed && running.get(index) == master) {
            LOG.log(System.Logger.Level.WARNING, "Master {0} ended with status {1}; starting it again as a"
                    + " supervisor would", master.endpoint(), status);
            restart(index);
        }
    }

    private void restart(int index) {
        Daemon.Running stopped = running.get(index);
        stopped.close();
        actor.schedule(RESTART_DELAY, () -> {
            if (closed || running.get(index) != stopped) {
                return;
            }
            try {
                running.set(index, startMaster(index));
            } catch (DaemonException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not start {0} again: {1}", stopped.endpoint(),
                        e.getMessage());
            }
        });
    }

    private Optional<Integer> indexOf(MasterInfo info) {
        String endpoint = MasterInfos.ip(info) + ":" + MasterInfos.port(info);
        for (int n = 0; n < running.size(); n++) {
            if (running.get(n).endpoint().equals(endpoint)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private void detected(Optional<MasterInfo> detected) {
        leader = detected;
        LOG.log(System.Logger.Level.INFO, detected.map(info -> "The leading master is now " + MasterInfos.ip(info)
                + ":" + MasterInfos.port(info)).orElse("No master leads now"));
    }

    /** Stops every master and stops following them. */
    @Override
    public void close() {
        actor.call(() -> {
            closed = true;
            return null;
        }).exceptionally(closedBefore -> null).join();
        detector.close();
        client.close();
        actor.call(() -> {
            running.reversed().forEach(Daemon.Running::close);
            return null;
        }).exceptionally(closedBefore -> null).join();
        actor.close();
    }
}
