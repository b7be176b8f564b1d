package org.meseta.tests.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * Masters as real processes ({@code daemons/bin/meseta-master}) on 127.0.0.1, electing their leader in the group
 * {@code /mesos} of a ZooKeeper, with a short session timeout ({@link #SESSION_TIMEOUT}) so that the failover after a
 * leader's crash takes seconds. The test finds the leader as clients do, through {@code /redirect}. Masters are
 * numbered from 0 in the order they were started.
 */
final class Masters implements AutoCloseable {

    /** The masters' (and the agents') ZooKeeper session timeout. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String zk;
    private final Path workDir;
    private final List<String> flags;
    private final int firstPort;
    private final List<MesetaProcess> processes = new ArrayList<>();

    private Masters(String name, String zk, Path workDir, List<String> flags, int firstPort) {
        this.name = name;
        this.zk = zk;
        this.workDir = workDir;
        this.flags = flags;
        this.firstPort = firstPort;
    }

    /**
     * Starts {@code count} masters contending in {@code zk} ({@code zk://host:port/mesos}), each with these extra
     * flags; their logs are {@code <name>-master-<n>}.
     */
    static Masters start(String name, String zk, int count, Path workDir, String... flags) {
        Masters masters = new Masters(name, zk, workDir, List.of(flags), Cluster.freePorts(count));
        for (int i = 0; i < count; i++) {
            masters.processes.add(masters.launch(i, name + "-master-" + i));
        }
        return masters;
    }

    private MesetaProcess launch(int index, String logName) {
        List<String> args = new ArrayList<>(List.of("--ip=127.0.0.1", "--port=" + (firstPort + index),
                "--work_dir=" + workDir.resolve("master-" + index), "--zk=" + zk, "--quorum=2",
                "--zk_session_timeout=" + SESSION_TIMEOUT.toMillis() + "ms"));
        args.addAll(flags);
        return MesetaProcess.start(logName, "daemons/bin/meseta-master", args.toArray(String[]::new));
    }

    /** Starts master {@code index} again, as its supervisor would after it exited; its log gets {@code suffix}. */
    void restart(int index, String suffix) {
        processes.set(index, launch(index, name + "-master-" + index + "-" + suffix));
    }

    /** {@code 127.0.0.1:<port>} of master {@code index}. */
    String address(int index) {
        return "127.0.0.1:" + (firstPort + index);
    }

    MesetaProcess process(int index) {
        return processes.get(index);
    }

    /**
     * The index of the master that leads and serves, not one of {@code excluded}: it redirects {@code /redirect} to
     * itself and answers {@code /master/state}. Polls until {@code deadline}, then fails.
     */
    int awaitLeader(Instant deadline, Set<Integer> excluded) {
        while (Instant.now().isBefore(deadline)) {
            for (int i = 0; i < processes.size(); i++) {
                if (!excluded.contains(i) && processes.get(i).isAlive() && leads(i)) {
                    return i;
                }
            }
            Cluster.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("No master other than " + excluded + " led by " + deadline);
    }

    private boolean leads(int index) {
        int port = firstPort + index;
        return redirect(index).filter(location -> location.endsWith(":" + port)).isPresent()
                && Cluster.getJson(address(index), "/master/state").isPresent();
    }

    /** Waits until master {@code index} redirects to master {@code leader}, as a standby does; fails at the deadline. */
    void awaitFollowing(int index, int leader, Instant deadline) {
        String location = ":" + (firstPort + leader);
        while (Instant.now().isBefore(deadline)) {
            if (redirect(index).filter(found -> found.endsWith(location)).isPresent()) {
                return;
            }
            Cluster.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("Master " + index + " did not follow master " + leader + " by " + deadline);
    }

    /** The {@code Location} of master {@code index}'s answer to {@code /redirect}, if it redirects. */
    Optional<String> redirect(int index) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address(index)
                    + "/redirect")).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 307 ? response.headers().firstValue("Location") : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Subscribes {@code info} to master {@code index}, trying again while it does not serve yet (it recovers, or
     * does not know it leads yet) until {@code deadline}; then fails with the last refusal.
     */
    SchedulerClient subscribe(int index, Wire wire, FrameworkInfo info, Instant deadline) throws Exception {
        while (true) {
            try {
                return SchedulerClient.subscribe(address(index), wire, info);
            } catch (AssertionError | IOException refused) {
                if (!Instant.now().isBefore(deadline)) {
                    throw new AssertionError("Master " + index + " did not take the subscription of " + info.getName()
                            + " by " + deadline, refused);
                }
                Cluster.sleep(Duration.ofMillis(100));
            }
        }
    }

    /** Stops every master still running. */
    @Override
    public void close() {
        processes.forEach(MesetaProcess::close);
    }
}
