package org.meseta.agent.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meseta.api.flags.FlagParser;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.ServiceLease;

/**
 * Masters and agents in this process, on 127.0.0.1 and free ports, each started from its own command line.
 * The master is found as the OSGi service {@code meseta.daemon=master}, as local mode finds it, so these tests
 * use nothing of the master but its command line and its HTTP API. Everything started is closed by
 * {@link #close()}, newest first.
 */
final class TestCluster implements AutoCloseable {

    static final String MASTER_HOSTNAME = "meseta-master.test";
    static final String RESOURCES = "cpus:2;mem:1024;disk:2048;ports:[31000-31099]";
    static final String ATTRIBUTES = "rack:r1";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Path workDir;
    private final Deque<Daemon.Running> started = new ArrayDeque<>();
    private int agents;
    private ServiceLease<Daemon> masterDaemon;

    TestCluster(Path workDir) {
        this.workDir = workDir;
    }

    /** Starts a master on {@code port} with the given extra flags. */
    Daemon.Running startMaster(int port, String... flags) throws Exception {
        Daemon master = masterDaemon();
        List<String> args = new ArrayList<>(List.of("--ip=127.0.0.1", "--port=" + port,
                "--work_dir=" + workDir.resolve("master-" + port), "--hostname=" + MASTER_HOSTNAME));
        args.addAll(List.of(flags));
        return track(master.start(FlagParser.parse(master.flags(), args)));
    }

    /**
     * Starts an agent of {@code masterPort} on {@code port}; it retries registration every few dozen ms. Unless
     * {@code flags} say otherwise it offers {@value #RESOURCES}, has the attribute {@value #ATTRIBUTES} and a
     * work_dir of its own.
     */
    Daemon.Running startAgent(int masterPort, int port, String... flags) throws Exception {
        return startAgent(masterPort, port, AgentTimings.MESOS, flags);
    }

    /** {@link #startAgent(int, int, String...)} with other timings, e.g. fast status update retries. */
    Daemon.Running startAgent(int masterPort, int port, AgentTimings timings, String... flags) throws Exception {
        return startAgent("127.0.0.1:" + masterPort, port, timings, flags);
    }

    /** {@link #startAgent(int, int, String...)} with {@code --master=master}, e.g. a {@code zk://} URL. */
    Daemon.Running startAgent(String master, int port, AgentTimings timings, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master=" + master, "--ip=127.0.0.1",
                "--port=" + port, "--hostname=agent-" + port + ".test", "--registration_backoff_factor=50ms"));
        args.addAll(List.of(flags));
        addUnlessGiven(args, "--resources=" + RESOURCES);
        addUnlessGiven(args, "--attributes=" + ATTRIBUTES);
        if (args.stream().noneMatch(arg -> arg.startsWith("--work_dir="))) {
            args.add("--work_dir=" + workDir.resolve("agent-" + ++agents));
        }
        return track(new AgentDaemon().start(FlagParser.parse(AgentFlags.ALL, args), timings));
    }

    private static void addUnlessGiven(List<String> args, String flag) {
        String name = flag.substring(0, flag.indexOf('=') + 1);
        if (args.stream().noneMatch(arg -> arg.startsWith(name))) {
            args.add(flag);
        }
    }

    private Daemon.Running track(Daemon.Running running) {
        started.push(running);
        return running;
    }

    /** GET of {@code target} on {@code port}, which must answer 200; the parsed JSON body. */
    static Map<String, Object> getJson(int port, String target) throws Exception {
        return Http.getJson(uri(port, target));
    }

    static HttpResponse<byte[]> get(int port, String target) throws IOException, InterruptedException {
        return Http.get(uri(port, target));
    }

    private static URI uri(int port, String target) {
        return URI.create("http://127.0.0.1:" + port + target);
    }

    /** The master's {@code slaves[]} entry for {@code agentId}, if it lists one. */
    static Optional<Map<String, Object>> slave(int masterPort, String agentId) throws Exception {
        return JsonTree.objects(getJson(masterPort, "/master/state"), "slaves").stream()
                .filter(slave -> agentId.equals(slave.get("id")))
                .findFirst();
    }

    static boolean isActiveInMaster(int masterPort, String agentId) throws Exception {
        return slave(masterPort, agentId).map(slave -> JsonTree.bool(slave, "active")).orElse(false);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            started.pop().close();
        }
        if (masterDaemon != null) {
            masterDaemon.close();
        }
    }

    /**
     * The master daemon service, held until {@link #close()}: releasing the last use of a delayed DS component
     * deactivates it, which would stop every master it started.
     */
    private Daemon masterDaemon() throws Exception {
        if (masterDaemon == null) {
            masterDaemon = ServiceLease.await(TestCluster.class, Daemon.class, "(" + Daemon.NAME_PROPERTY + "=master)",
                    "org.meseta.master", TIMEOUT);
        }
        return masterDaemon.service();
    }
}
