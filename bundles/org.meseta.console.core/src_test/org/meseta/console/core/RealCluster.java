package org.meseta.console.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.meseta.api.flags.FlagParser;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Ports;
import org.meseta.testing.ServiceLease;

/**
 * A real master, real agents and real frameworks in this test runtime, started through their OSGi daemon services
 * ({@code meseta.daemon=master|agent|execute}) as local mode starts them, on 127.0.0.1. The master marks an agent
 * whose connection broke unreachable after two pings of {@value #PING_TIMEOUT}, so a test sees an agent leave within
 * seconds (shorter pings make agents on a busy machine drop their links now and then).
 * Everything started is closed by {@link #close()}, newest first.
 */
public final class RealCluster implements AutoCloseable {

    static final String PING_TIMEOUT = "1secs";
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(10);

    private final Path workDir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private int masterPort;
    private int agents;

    public RealCluster(Path workDir) {
        this.workDir = workDir;
    }

    /** Starts a master on a free port (or the previous master's port, after it was stopped). */
    public Daemon.Running startMaster() throws Exception {
        if (masterPort == 0) {
            masterPort = Ports.free();
        }
        return start("master", "org.meseta.master", "--ip=127.0.0.1", "--port=" + masterPort,
                "--work_dir=" + workDir.resolve("master"), "--agent_ping_timeout=" + PING_TIMEOUT,
                "--max_agent_ping_timeouts=2");
    }

    /** A master of a ZooKeeper group, as {@link #startMasterIn} started it. */
    public record GroupMaster(MasterAddress address, Daemon.Running running) {
    }

    /**
     * Starts a master on a free port that elects its leader in the ZooKeeper group {@code zk} ({@code --quorum=1})
     * with the masters started before; stop it by closing its {@link GroupMaster#running()}.
     */
    public GroupMaster startMasterIn(String zk) throws Exception {
        int port = Ports.free();
        Daemon.Running running = start("master", "org.meseta.master", "--ip=127.0.0.1", "--port=" + port,
                "--work_dir=" + workDir.resolve("master-" + port), "--zk=" + zk, "--quorum=1",
                "--agent_ping_timeout=" + PING_TIMEOUT, "--max_agent_ping_timeouts=2");
        return new GroupMaster(new MasterAddress("127.0.0.1", port), running);
    }

    /** Where the master listens. */
    public MasterAddress master() {
        return new MasterAddress("127.0.0.1", masterPort);
    }

    /** Starts an agent of the master with {@code resources} and {@code attributes} (Mesos text forms). */
    public Daemon.Running startAgent(String hostname, String resources, String attributes) throws Exception {
        return startAgentOf(master().toString(), hostname, resources, attributes);
    }

    /** Starts an agent of {@code master} (its {@code --master} flag: an address or a {@code zk://} group). */
    public Daemon.Running startAgentOf(String master, String hostname, String resources, String attributes)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--master=" + master, "--ip=127.0.0.1",
                "--port=" + Ports.free(), "--work_dir=" + workDir.resolve("agent-" + ++agents),
                "--hostname=" + hostname, "--resources=" + resources, "--registration_backoff_factor=50ms"));
        if (!attributes.isEmpty()) {
            args.add("--attributes=" + attributes);
        }
        return start("agent", "org.meseta.agent", args.toArray(String[]::new));
    }

    /**
     * Runs {@code command} as a task named {@code name} of a framework of its own ({@code meseta-execute}), with
     * {@code resources}; the task is killed and the framework torn down when the returned instance is closed.
     */
    public Daemon.Running launch(String name, String command, String resources) throws Exception {
        return start("execute", "org.meseta.cli", "--master=" + master(), "--name=" + name, "--command=" + command,
                "--resources=" + resources, "--framework_name=console test " + name);
    }

    private Daemon.Running start(String daemonName, String bundle, String... args) throws Exception {
        ServiceLease<Daemon> daemon = ServiceLease.await(getClass(), Daemon.class,
                "(" + Daemon.NAME_PROPERTY + "=" + daemonName + ")", bundle, SERVICE_TIMEOUT);
        started.push(daemon);
        Daemon.Running running = daemon.service().start(FlagParser.parse(daemon.service().flags(), List.of(args)));
        started.push(running);
        return running;
    }

    @Override
    public void close() throws Exception {
        while (!started.isEmpty()) {
            started.pop().close();
        }
    }
}
