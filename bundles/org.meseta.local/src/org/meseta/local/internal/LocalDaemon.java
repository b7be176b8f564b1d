package org.meseta.local.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.FlagException;
import org.meseta.api.flags.FlagParser;
import org.meseta.api.flags.Flags;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Instances;
import org.meseta.daemon.Teardown;
import org.meseta.zk.ZkUrl;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code local} daemon, like {@code mesos-local}: a master on {@code --port} and {@code --num_agents}
 * agents on the following ports, all in this process, each with its own directory under {@code --work_dir}.
 * It composes the master's and the agent's own command lines, so their flags mean exactly what they mean
 * for the separate daemons.
 *
 * <p>With {@code --masters=N} above 1 it runs N masters on consecutive ports from {@code --port}, which elect their
 * leader through a single-node ZooKeeper embedded in this process ({@link LocalZooKeeper}, on 127.0.0.1:
 * {@code --zk_port}); the agents follow the leader through ZooKeeper, {@link LocalMasters} starts a master that
 * lost its leadership again, and {@code kill -USR2} stops the leader ({@link StopLeaderSignal}) so that failover
 * can be watched on one machine.
 */
@Component(property = Daemon.NAME_PROPERTY + "=local")
public final class LocalDaemon implements Daemon {

    private static final System.Logger LOG = System.getLogger(LocalDaemon.class.getName());

    static final Flag<String> IP = Flag.string("ip", "IP address the master and agents listen on", "127.0.0.1");
    static final Flag<Integer> PORT = Flag.port("port",
            "Port of the first master; the others follow it, then agent n listens on the next port + n - 1", 5050);
    static final Flag<Integer> NUM_AGENTS = Flag.integer("num_agents", "Number of agents to start", 1);
    static final Flag<Integer> MASTERS = Flag.integer("masters",
            "Number of masters; with more than one they elect their leader through a ZooKeeper embedded in this"
                    + " process and the agents follow it (docs/high-availability.md)", 1);
    static final Flag<Integer> ZK_PORT = Flag.port("zk_port",
            "Port of the embedded ZooKeeper on 127.0.0.1, with --masters above 1", 2181);
    static final Flag<Path> WORK_DIR = Flag.path("work_dir",
            "Directory holding master/ and agents/<n>/ (default: meseta-local-<user> in the temporary directory,"
                    + " one per user)", defaultWorkDir(System.getProperty("java.io.tmpdir"),
                            System.getProperty("user.name")));
    static final Flag<String> RESOURCES = Flag.string("resources",
            "Resources of each agent, as for meseta-agent (default: detected from this machine)");
    static final Flag<String> ATTRIBUTES = Flag.string("attributes", "Attributes of each agent, e.g. 'rack:r1'");
    static final Flag<String> ISOLATION = Flag.string("isolation",
            "Isolators of each agent, as for meseta-agent (default: the agent's, posix/cpu,posix/mem)");
    static final List<Flag<?>> FLAGS = List.of(IP, PORT, NUM_AGENTS, MASTERS, ZK_PORT, WORK_DIR, RESOURCES,
            ATTRIBUTES, ISOLATION);

    /** The znode masters contend under: Mesos's usual one, so Mesos-aware tools find the leader there too. */
    static final String GROUP = "/mesos";

    /** Agents of a local cluster retry registration quickly; the master is in the same process. */
    private static final String FAST_REGISTRATION = "--registration_backoff_factor=100ms";

    @Reference(target = "(" + NAME_PROPERTY + "=master)")
    private Daemon master;

    @Reference(target = "(" + NAME_PROPERTY + "=agent)")
    private Daemon agent;

    private final Instances instances = new Instances();

    @Override
    public String summary() {
        return "Runs a Meseta master and N agents in one process, for trying Meseta on one machine.";
    }

    @Override
    public List<Flag<?>> flags() {
        return FLAGS;
    }

    @Override
    public Running start(Flags flags) throws DaemonException {
        int agents = flags.get(NUM_AGENTS);
        int masters = flags.get(MASTERS);
        int port = flags.get(PORT);
        if (masters < 1) {
            throw new DaemonException("--masters must be at least 1, got " + masters);
        }
        if (port + masters - 1 > 65535) {
            throw new DaemonException("--masters must be at most " + (65536 - port) + " with --port=" + port
                    + ", got " + masters);
        }
        int firstAgentPort = port + masters;
        if (agents < 0 || firstAgentPort - 1 + agents > 65535) {
            throw new DaemonException("--num_agents must be between 0 and " + (65536 - firstAgentPort) + ", got "
                    + agents);
        }
        String ip = flags.get(IP);
        Path workDir = flags.get(WORK_DIR);
        try (Teardown teardown = new Teardown()) {
            String agentsMaster;
            if (masters == 1) {
                teardown.own(startPart(master, "master", List.of("--ip=" + ip, "--port=" + port,
                        "--work_dir=" + workDir.resolve("master"))));
                agentsMaster = ip + ":" + port;
            } else {
                agentsMaster = startMasters(flags, teardown);
            }
            for (int n = 1; n <= agents; n++) {
                int agentPort = firstAgentPort - 1 + n;
                List<String> args = new ArrayList<>(List.of("--master=" + agentsMaster, "--ip=" + ip,
                        "--port=" + agentPort, "--work_dir=" + workDir.resolve("agents").resolve(String.valueOf(n)),
                        FAST_REGISTRATION));
                flags.find(RESOURCES).ifPresent(value -> args.add("--resources=" + value));
                flags.find(ATTRIBUTES).ifPresent(value -> args.add("--attributes=" + value));
                flags.find(ISOLATION).ifPresent(value -> args.add("--isolation=" + value));
                // An agent destroys the cgroups it finds under its root when it starts: one root per agent.
                args.add("--cgroups_root=meseta-local/" + agentPort);
                teardown.own(startPart(agent, "agent " + n, args));
            }
            LOG.log(System.Logger.Level.INFO, "Local cluster up: {0} master(s) from {1}:{2} with {3} agent(s);"
                    + " work_dir {4}", masters, ip, String.valueOf(port), agents, workDir);
            if (masters > 1) {
                System.out.println(FailoverInstructions.text(ip, port, masters, agentsMaster,
                        ProcessHandle.current().pid()));
                System.out.flush();
            }
            return instances.adopt(ip + ":" + port, "Local cluster at " + ip + ":" + port, teardown);
        }
    }

    /**
     * Starts the embedded ZooKeeper and {@code --masters} masters contending through it, with the signal that
     * stops the leader; returns the {@code zk://} URL agents find the leader at.
     */
    private String startMasters(Flags flags, Teardown teardown) throws DaemonException {
        int masters = flags.get(MASTERS);
        Path workDir = flags.get(WORK_DIR);
        LocalZooKeeper zooKeeper = teardown.own(LocalZooKeeper.start(workDir.resolve("zookeeper"),
                flags.get(ZK_PORT)));
        String group = zooKeeper.url(GROUP);
        List<List<String>> commandLines = new ArrayList<>();
        for (int n = 1; n <= masters; n++) {
            commandLines.add(List.of("--ip=" + flags.get(IP), "--port=" + (flags.get(PORT) + n - 1),
                    "--work_dir=" + workDir.resolve("masters").resolve(String.valueOf(n)), "--zk=" + group,
                    "--quorum=" + (masters / 2 + 1)));
        }
        LocalMasters running = teardown.own(LocalMasters.start(master, commandLines, ZkUrl.parse(group)));
        teardown.own(StopLeaderSignal.install(running::stopLeader));
        return group;
    }

    @Deactivate
    void deactivate() {
        instances.closeAll();
    }

    /**
     * {@code <tmp>/meseta-local-<user>}: the temporary directory is shared by every user of the machine, and a
     * second user could not write to the first one's directory. Characters that do not belong in a file name are
     * replaced.
     */
    static Path defaultWorkDir(String tmpDir, String user) {
        String safeUser = user == null || user.isBlank() ? "unknown" : user.replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(tmpDir, "meseta-local-" + safeUser);
    }

    /** Starts one member; a failure names it ("agent 2: Failed to bind ..."). */
    private static Running startPart(Daemon daemon, String role, List<String> args) throws DaemonException {
        try {
            return daemon.start(FlagParser.parse(daemon.flags(), args));
        } catch (FlagException | DaemonException e) {
            throw new DaemonException(role + ": " + e.getMessage(), e);
        }
    }
}
