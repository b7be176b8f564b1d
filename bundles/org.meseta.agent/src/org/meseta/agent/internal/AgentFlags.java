package org.meseta.agent.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.meseta.agent.internal.containerizer.Isolation;
import org.meseta.agent.internal.containerizer.IsolationSettings;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Endpoint;
import org.meseta.zk.ZkClients;

/** The agent's command-line flags: Mesos's names and defaults (docs/operator-guide.md lists them). */
final class AgentFlags {

    static final Flag<String> MASTER = Flag.string("master", "The master to register with, as host:port, or"
            + " zk://[user:password@]host:port[,host:port...]/path to follow the leading master through ZooKeeper")
            .required();
    static final Flag<String> IP = Flag.string("ip",
            "IP address to listen on (default: all interfaces; the address the hostname resolves to is advertised)");
    static final Flag<Integer> PORT = Flag.port("port", "Port to listen on", 5051);
    static final Flag<String> ADVERTISE_IP = Flag.string("advertise_ip",
            "IP address advertised to the master and tools, when it differs from --ip (e.g. behind NAT)");
    static final Flag<Integer> ADVERTISE_PORT = Flag.port("advertise_port",
            "Port advertised to the master and tools, when it differs from --port");
    static final Flag<Path> WORK_DIR = Flag.path("work_dir",
            "Directory for sandboxes and checkpointed state; avoid directories cleaned on reboot").required();
    static final Flag<Path> LOG_DIR = Flag.path("log_dir",
            "Directory to write the log to as " + AgentDaemon.LOG_FILE + ", besides stderr; served as /slave/log"
                    + " by /files (default: stderr only)");
    static final Flag<String> RESOURCES = Flag.string("resources",
            "Resources this agent offers, e.g. 'cpus:2;mem:1024;disk:4096;ports:[31000-32000];gpus(role):1' or a"
                    + " JSON array of Resource objects; cpus, mem, disk and ports not given are detected");
    static final Flag<String> ATTRIBUTES = Flag.string("attributes",
            "Attributes of this machine for frameworks to match on, e.g. 'rack:r1;zone:a'");
    static final Flag<String> HOSTNAME = Flag.string("hostname",
            "Hostname the agent advertises (default: the machine's hostname, or its IP with --no-hostname_lookup)");
    static final Flag<Boolean> HOSTNAME_LOOKUP = Flag.bool("hostname_lookup",
            "Look up the hostname when --hostname is not given; otherwise advertise the IP address", true);
    static final Flag<Duration> REGISTRATION_BACKOFF_FACTOR = Flag.duration("registration_backoff_factor",
            "Registration retries wait a random time in [0, factor * 2^attempt], capped at 1mins",
            Duration.ofSeconds(1));
    static final Flag<Duration> ZK_SESSION_TIMEOUT = Flag.duration("zk_session_timeout",
            "ZooKeeper session timeout, with --master=zk://...", ZkClients.DEFAULT_SESSION_TIMEOUT);

    static final Flag<Duration> EXECUTOR_REGISTRATION_TIMEOUT = Flag.duration("executor_registration_timeout",
            "How long an executor has to subscribe before it is killed and its tasks fail", Duration.ofMinutes(1));
    static final Flag<Duration> EXECUTOR_SHUTDOWN_GRACE_PERIOD = Flag.duration("executor_shutdown_grace_period",
            "How long an executor told to shut down has before it is killed (unless its ExecutorInfo says)",
            Duration.ofSeconds(5));
    static final Flag<Boolean> SWITCH_USER = Flag.bool("switch_user",
            "When the agent runs as root, run each task as the user its framework asks for", true);
    static final Flag<Path> FRAMEWORKS_HOME = Flag.path("frameworks_home",
            "Directory the fetcher takes URIs given as relative paths from");
    static final Flag<Path> SANDBOX_DIRECTORY = Flag.path("sandbox_directory",
            "Where a container with an image of its own sees its sandbox (its MESOS_SANDBOX); this agent runs tasks"
                    + " without images, so their MESOS_SANDBOX is the sandbox's path on the agent",
            Path.of("/mnt/mesos/sandbox"));
    static final Flag<Duration> RECOVERY_TIMEOUT = Flag.duration("recovery_timeout",
            "Told to executors of checkpointing frameworks as MESOS_RECOVERY_TIMEOUT", Duration.ofMinutes(15));
    static final Flag<Duration> EXECUTOR_REREGISTRATION_TIMEOUT = Flag.duration("executor_reregistration_timeout",
            "How long a restarted agent waits for the executors of checkpointing frameworks to subscribe again before"
                    + " it kills them", Duration.ofSeconds(2));
    static final Flag<String> RECOVER = Flag.string("recover", "What a restarted agent does with the executors it"
            + " left running: 'reconnect' takes back those of checkpointing frameworks and kills the others; 'cleanup'"
            + " kills them all, forgets the agent's id and exits", "reconnect");

    static final Flag<String> ISOLATION = Flag.string("isolation",
            "Isolators every container runs with, comma-separated, e.g. 'posix/cpu,posix/mem'; plugins may add more"
                    + " (docs/isolation.md)", Isolation.DEFAULT);
    static final Flag<Path> CGROUPS_HIERARCHY = Flag.path("cgroups_hierarchy",
            "Where the cgroup file systems are mounted: v1 hierarchies (one per controller) or one v2 hierarchy",
            CgroupsOptions.DEFAULT.hierarchy());
    static final Flag<String> CGROUPS_ROOT = Flag.string("cgroups_root",
            "The cgroup below which each container of the cgroups isolators gets its own, relative to each"
                    + " hierarchy's root", CgroupsOptions.DEFAULT.root());
    static final Flag<Boolean> CGROUPS_ENABLE_CFS = Flag.bool("cgroups_enable_cfs",
            "With cgroups/cpu, cap each container at its cpus with the CFS bandwidth quota, not only weigh it",
            CgroupsOptions.DEFAULT.enableCfs());
    static final Flag<OptionalLong> CGROUPS_PIDS_MAX = Flag.<OptionalLong>custom("cgroups_pids_max",
            "With cgroups/pids, the most processes and threads a container may have, or 'max' for no limit",
            AgentFlags::parsePidsMax, max -> max.isPresent() ? Long.toString(max.getAsLong()) : "max")
            .withDefault(CgroupsOptions.DEFAULT.pidsMax());

    static final List<Flag<?>> ALL = List.of(MASTER, IP, PORT, ADVERTISE_IP, ADVERTISE_PORT, WORK_DIR, LOG_DIR,
            RESOURCES, ATTRIBUTES, HOSTNAME, HOSTNAME_LOOKUP, REGISTRATION_BACKOFF_FACTOR, ZK_SESSION_TIMEOUT,
            EXECUTOR_REGISTRATION_TIMEOUT, EXECUTOR_SHUTDOWN_GRACE_PERIOD, SWITCH_USER, FRAMEWORKS_HOME,
            SANDBOX_DIRECTORY, RECOVERY_TIMEOUT, EXECUTOR_REREGISTRATION_TIMEOUT, RECOVER, ISOLATION, CGROUPS_HIERARCHY,
            CGROUPS_ROOT, CGROUPS_ENABLE_CFS, CGROUPS_PIDS_MAX);

    private AgentFlags() {}

    static AgentConfig config(Flags flags) throws DaemonException {
        MasterLocation master = master(flags);
        Endpoint endpoint = Endpoint.resolve(flags.find(IP), flags.get(PORT), flags.find(ADVERTISE_IP),
                flags.find(ADVERTISE_PORT), flags.find(HOSTNAME), flags.get(HOSTNAME_LOOKUP));
        Duration backoff = flags.get(REGISTRATION_BACKOFF_FACTOR);
        if (backoff.isNegative()) {
            throw new DaemonException("--registration_backoff_factor must not be negative");
        }
        return new AgentConfig(master, endpoint, flags.get(WORK_DIR), flags.find(LOG_DIR), flags.find(RESOURCES),
                flags.find(ATTRIBUTES), backoff, flags.get(EXECUTOR_REGISTRATION_TIMEOUT),
                flags.get(EXECUTOR_SHUTDOWN_GRACE_PERIOD), flags.get(SWITCH_USER),
                flags.find(FRAMEWORKS_HOME).map(Path::toAbsolutePath), flags.get(RECOVERY_TIMEOUT),
                flags.get(EXECUTOR_REREGISTRATION_TIMEOUT), Isolation.names(flags.get(ISOLATION)), cgroups(flags),
                recover(flags.get(RECOVER)), shown(flags.effectiveValues(), master));
    }

    private static AgentConfig.Recover recover(String value) throws DaemonException {
        for (AgentConfig.Recover mode : AgentConfig.Recover.values()) {
            if (mode.flagValue().equals(value)) {
                return mode;
            }
        }
        throw new DaemonException("Unknown option for 'recover' flag " + value + ". Please run the agent with"
                + " '--help' to see the valid options");
    }

    /** {@code --master} with {@code --zk_session_timeout}. */
    private static MasterLocation master(Flags flags) throws DaemonException {
        Duration sessionTimeout = flags.get(ZK_SESSION_TIMEOUT);
        Optional<String> problem = ZkClients.sessionTimeoutProblem(sessionTimeout);
        if (problem.isPresent()) {
            throw new DaemonException("--zk_session_timeout " + problem.get() + ", got "
                    + flags.effectiveValues().get(ZK_SESSION_TIMEOUT.name()));
        }
        return MasterLocation.parse(flags.get(MASTER), sessionTimeout);
    }

    /** The flags as /flags and /state show them: with the password of a {@code zk://} master hidden. */
    private static SortedMap<String, String> shown(SortedMap<String, String> values, MasterLocation master) {
        SortedMap<String, String> shown = new TreeMap<>(values);
        shown.put(MASTER.name(), master.toString());
        return Collections.unmodifiableSortedMap(shown);
    }

    private static CgroupsOptions cgroups(Flags flags) throws DaemonException {
        String root = flags.get(CGROUPS_ROOT);
        if (!IsolationSettings.validRoot(root)) {
            throw new DaemonException("Invalid --cgroups_root '" + root + "': expected cgroup names separated by"
                    + " '/', e.g. 'mesos', without '.' or '..'");
        }
        return new CgroupsOptions(flags.get(CGROUPS_HIERARCHY).toAbsolutePath(), root, flags.get(CGROUPS_ENABLE_CFS),
                flags.get(CGROUPS_PIDS_MAX));
    }

    private static OptionalLong parsePidsMax(String text) {
        try {
            return IsolationSettings.pidsLimit(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a positive integer or 'max'", e);
        }
    }
}
