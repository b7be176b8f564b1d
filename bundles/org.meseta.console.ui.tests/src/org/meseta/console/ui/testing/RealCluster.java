package org.meseta.console.ui.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.meseta.api.flags.FlagParser;
import org.meseta.console.core.MasterAddress;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Ports;
import org.meseta.testing.ServiceLease;

/**
 * A real master, real agents and real frameworks in this test runtime, started through their OSGi daemon services
 * ({@code meseta.daemon=master|agent|execute}) as local mode starts them, on 127.0.0.1. The master marks an agent
 * whose connection broke unreachable after two pings of a second, so a view sees an agent leave within seconds
 * (shorter pings make agents on a busy machine drop their links now and then). Everything started is closed by
 * {@link #close()}, newest first.
 */
public final class RealCluster implements AutoCloseable {

    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(10);

    private final Path workDir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private int masterPort;
    private int agents;

    public RealCluster(Path workDir) {
        this.workDir = workDir;
    }

    /** Starts the master on a free port. */
    public Daemon.Running startMaster() throws Exception {
        masterPort = Ports.free();
        return start("master", "org.meseta.master", "--ip=127.0.0.1", "--port=" + masterPort,
                "--work_dir=" + workDir.resolve("master"), "--agent_ping_timeout=1secs",
                "--max_agent_ping_timeouts=2");
    }

    /** Where the master listens. */
    public MasterAddress master() {
        return new MasterAddress("127.0.0.1", masterPort);
    }

    /** Starts an agent with {@code resources} and {@code attributes} (Mesos text forms; {@code ""} for none). */
    public Daemon.Running startAgent(String hostname, String resources, String attributes) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master=" + master(), "--ip=127.0.0.1",
                "--port=" + Ports.free(), "--work_dir=" + workDir.resolve("agent-" + ++agents),
                "--hostname=" + hostname, "--resources=" + resources, "--registration_backoff_factor=50ms"));
        if (!attributes.isEmpty()) {
            args.add("--attributes=" + attributes);
        }
        return start("agent", "org.meseta.agent", args.toArray(String[]::new));
    }

    /**
     * Runs {@code command} as a task named {@code name} of a framework of its own ({@code meseta-execute}) with
     * {@code resources} and further {@code meseta-execute} {@code flags} ({@code --role=prod}); the task is killed and
     * the framework torn down when the returned instance is closed.
     */
    public Daemon.Running launch(String name, String command, String resources, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master=" + master(), "--name=" + name,
                "--command=" + command, "--resources=" + resources, "--framework_name=console test " + name));
        args.addAll(List.of(flags));
        return start("execute", "org.meseta.cli", args.toArray(String[]::new));
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
