package org.meseta.master.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.api.resources.Roles;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Endpoint;
import org.meseta.master.internal.allocation.MinAllocatable;
import org.meseta.master.internal.allocation.Weights;
import org.meseta.master.internal.core.RemovalLimit;
import org.meseta.master.internal.core.RemovalRate;
import org.meseta.zk.ZkClients;
import org.meseta.zk.ZkUrl;

/** The master's command-line flags: Mesos's names and defaults (docs/operator-guide.md lists them). */
final class MasterFlags {

    static final Flag<String> IP = Flag.string("ip",
            "IP address to listen on (default: all interfaces; the address the hostname resolves to is advertised)");
    static final Flag<Integer> PORT = Flag.port("port", "Port to listen on", 5050);
    static final Flag<String> ADVERTISE_IP = Flag.string("advertise_ip",
            "IP address advertised to agents, frameworks and tools, when it differs from --ip (e.g. behind NAT)");
    static final Flag<Integer> ADVERTISE_PORT = Flag.port("advertise_port",
            "Port advertised to agents, frameworks and tools, when it differs from --port");
    static final Flag<Path> WORK_DIR = Flag.path("work_dir",
            "Directory for the master's persistent state (the registry); avoid directories cleaned on reboot")
            .required();
    static final Flag<String> HOSTNAME = Flag.string("hostname",
            "Hostname the master advertises (default: the machine's hostname, or its IP with --no-hostname_lookup)");
    static final Flag<Boolean> HOSTNAME_LOOKUP = Flag.bool("hostname_lookup",
            "Look up the hostname when --hostname is not given; otherwise advertise the IP address", true);
    static final Flag<Path> LOG_DIR = Flag.path("log_dir",
            "Directory to write the log to as " + MasterDaemon.LOG_FILE + ", besides stderr; served as /master/log"
                    + " by /files (default: stderr only)");
    static final Flag<String> CLUSTER = Flag.string("cluster", "Human readable name of the cluster, shown in the console");
    static final Flag<Duration> AGENT_PING_TIMEOUT = Flag.duration("agent_ping_timeout",
            "How long the master waits for an agent to answer a ping; pings are sent this often",
            Duration.ofSeconds(15));
    static final Flag<Integer> MAX_AGENT_PING_TIMEOUTS = Flag.integer("max_agent_ping_timeouts",
            "Unanswered pings in a row after which an agent is marked unreachable", 5);
    static final Flag<RemovalRate> AGENT_REMOVAL_RATE_LIMIT = Flag.custom("agent_removal_rate_limit",
            "The most agents marked unreachable for failing their health checks per duration, e.g. 1/10mins or"
                    + " 2/3hrs; further ones wait their turn, and one that answers meanwhile stays (default: no limit)",
            RemovalRate::parse, RemovalRate::toString);
    static final Flag<Double> RECOVERY_AGENT_REMOVAL_LIMIT = Flag.<Double>custom("recovery_agent_removal_limit",
            "The most agents recovered from the registry that may fail to re-register in time, as a percentage of"
                    + " them; beyond it the new leader exits instead of marking them unreachable",
            MasterFlags::parsePercentage, RemovalLimit::format).withDefault(1.0);
    static final Flag<Duration> AGENT_REREGISTER_TIMEOUT = Flag.duration("agent_reregister_timeout",
            "How long agents the registry lists have to re-register with a newly elected master before they are"
                    + " marked unreachable", Duration.ofMinutes(10));

    static final Flag<String> ALLOCATOR = Flag.string("allocator",
            "Allocation policy, by name; plugins may add others", "hierarchical");
    static final Flag<Duration> ALLOCATION_INTERVAL = Flag.duration("allocation_interval",
            "How often the allocator offers resources that events did not offer (e.g. after offer filters expire)",
            Duration.ofSeconds(1));
    static final Flag<List<Map<String, Double>>> MIN_ALLOCATABLE_RESOURCES = Flag.custom("min_allocatable_resources",
            "Resources are offered only in amounts that meet one of these alternatives in full: quantities"
                    + " name:amount separated by ';', alternatives by '|'", MinAllocatable::parse,
            MinAllocatable::format).withDefault(MinAllocatable.parse("cpus:0.01|mem:32"));
    static final Flag<String> ROLE_SORTER = Flag.string("role_sorter",
            "How roles are ordered for offers: 'drf' (weighted dominant resource fairness) or 'random'", "drf");
    static final Flag<String> FRAMEWORK_SORTER = Flag.string("framework_sorter",
            "How the frameworks of a role are ordered for offers: 'drf' or 'random'", "drf");
    static final Flag<String> FAIR_SHARING_EXCLUDED_RESOURCE_NAMES = Flag.string(
            "fair_sharing_excluded_resource_names",
            "Comma-separated resource names that do not count towards fair shares, e.g. gpus");
    static final Flag<Map<String, Double>> WEIGHTS = Flag.custom("weights",
            "Role weights, role=weight separated by ',' (e.g. eng=2.5,ops=3); a role's fair share is divided by its"
                    + " weight, 1.0 for roles not named. Applied at every start; UPDATE_WEIGHTS changes last only"
                    + " until the master restarts", Weights::parse, Weights::format);
    static final Flag<Integer> MAX_COMPLETED_FRAMEWORKS = Flag.integer("max_completed_frameworks",
            "Removed frameworks kept for the endpoints", 50);
    static final Flag<Integer> MAX_COMPLETED_TASKS_PER_FRAMEWORK = Flag.integer("max_completed_tasks_per_framework",
            "Completed tasks kept per framework for the endpoints (also unreachable tasks kept)", 1000);
    static final Flag<Integer> MAX_OPERATOR_EVENT_STREAM_SUBSCRIBERS = Flag.integer(
            "max_operator_event_stream_subscribers", "Operator event stream (SUBSCRIBE) subscribers kept at once;"
                    + " a new subscriber beyond this closes the oldest one's stream", 1000);
    static final Flag<Duration> OFFER_TIMEOUT = Flag.duration("offer_timeout",
            "How long an offer may stay neither used nor declined; then it is rescinded and its resources are"
                    + " offered again (default: offers never time out)");
    static final Flag<String> ROLES = Flag.string("roles",
            "Deprecated, as in Mesos: comma-separated roles frameworks may subscribe with, besides '*' (default: any"
                    + " role)");

    static final Flag<String> ZK = Flag.string("zk",
            "ZooKeeper URL for leader election among masters, zk://host:port[,host:port...]/path or"
                    + " zk://user:password@host:port[,host:port...]/path (e.g."
                    + " zk://zk1:2181,zk2:2181,zk3:2181/mesos); without it this master leads on its own");
    static final Flag<Integer> QUORUM = Flag.integer("quorum",
            "The number of masters that make a majority, e.g. 2 of 3; required with --zk, as in Mesos");
    static final Flag<Duration> ZK_SESSION_TIMEOUT = Flag.duration("zk_session_timeout",
            "ZooKeeper session timeout; a leader whose connection to ZooKeeper is lost stops leading and exits",
            ZkClients.DEFAULT_SESSION_TIMEOUT);

    static final List<Flag<?>> ALL = List.of(IP, PORT, ADVERTISE_IP, ADVERTISE_PORT, WORK_DIR, LOG_DIR, HOSTNAME,
            HOSTNAME_LOOKUP, CLUSTER, AGENT_PING_TIMEOUT, MAX_AGENT_PING_TIMEOUTS,
            AGENT_REMOVAL_RATE_LIMIT, AGENT_REREGISTER_TIMEOUT, RECOVERY_AGENT_REMOVAL_LIMIT, ALLOCATOR, ALLOCATION_INTERVAL,
            MIN_ALLOCATABLE_RESOURCES, ROLE_SORTER, FRAMEWORK_SORTER, FAIR_SHARING_EXCLUDED_RESOURCE_NAMES, WEIGHTS,
            MAX_COMPLETED_FRAMEWORKS, MAX_COMPLETED_TASKS_PER_FRAMEWORK, MAX_OPERATOR_EVENT_STREAM_SUBSCRIBERS,
            OFFER_TIMEOUT, ROLES, ZK, QUORUM, ZK_SESSION_TIMEOUT);

    private MasterFlags() {}

    /** {@code NN%} with NN from 0 to 100, as a fraction. */
    private static double parsePercentage(String text) {
        if (!text.endsWith("%")) {
            throw new IllegalArgumentException("expected a percentage such as '50%'");
        }
        double percent;
        try {
            percent = Double.parseDouble(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a percentage such as '50%'", e);
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("expected a percentage from 0% to 100%");
        }
        return percent / 100;
    }

    /** Checks what the flag types cannot: ranges and combinations. */
    static MasterConfig config(Flags flags) throws DaemonException {
        Duration pingTimeout = flags.get(AGENT_PING_TIMEOUT);
        if (pingTimeout.isNegative() || pingTimeout.isZero()) {
            throw new DaemonException("--agent_ping_timeout must be positive, got " + flags.effectiveValues()
                    .get(AGENT_PING_TIMEOUT.name()));
        }
        int maxTimeouts = flags.get(MAX_AGENT_PING_TIMEOUTS);
        if (maxTimeouts < 1) {
            throw new DaemonException("--max_agent_ping_timeouts must be at least 1, got " + maxTimeouts);
        }
        Duration reregisterTimeout = flags.get(AGENT_REREGISTER_TIMEOUT);
        if (reregisterTimeout.isNegative() || reregisterTimeout.isZero()) {
            throw new DaemonException("--agent_reregister_timeout must be positive, got " + flags.effectiveValues()
                    .get(AGENT_REREGISTER_TIMEOUT.name()));
        }
        Duration allocationInterval = flags.get(ALLOCATION_INTERVAL);
        if (allocationInterval.isNegative() || allocationInterval.isZero()) {
            throw new DaemonException("--allocation_interval must be positive, got " + flags.effectiveValues()
                    .get(ALLOCATION_INTERVAL.name()));
        }
        for (Flag<Integer> limit : List.of(MAX_COMPLETED_FRAMEWORKS, MAX_COMPLETED_TASKS_PER_FRAMEWORK)) {
            if (flags.get(limit) < 0) {
                throw new DaemonException("--" + limit.name() + " must not be negative, got " + flags.get(limit));
            }
        }
        if (flags.get(MAX_OPERATOR_EVENT_STREAM_SUBSCRIBERS) < 1) {
            throw new DaemonException("--" + MAX_OPERATOR_EVENT_STREAM_SUBSCRIBERS.name() + " must be at least 1, got "
                    + flags.get(MAX_OPERATOR_EVENT_STREAM_SUBSCRIBERS));
        }
        Optional<Duration> offerTimeout = flags.find(OFFER_TIMEOUT);
        if (offerTimeout.isPresent() && (offerTimeout.get().isNegative() || offerTimeout.get().isZero())) {
            throw new DaemonException("--offer_timeout must be positive, got " + flags.effectiveValues()
                    .get(OFFER_TIMEOUT.name()));
        }
        Optional<Set<String>> roleWhitelist = flags.find(ROLES).isEmpty() ? Optional.empty()
                : Optional.of(roleWhitelist(flags.get(ROLES)));
        Map<String, Double> weights = flags.find(WEIGHTS).orElse(Map.of());
        if (roleWhitelist.isPresent()) {
            for (String role : new TreeSet<>(weights.keySet())) {
                if (!roleWhitelist.get().contains(role)) {
                    throw new DaemonException("Invalid --weights: role '" + role + "' is not in --roles");
                }
            }
        }
        Optional<MasterConfig.ZooKeeper> zooKeeper = zooKeeper(flags);
        Endpoint endpoint = Endpoint.resolve(flags.find(IP), flags.get(PORT), flags.find(ADVERTISE_IP),
                flags.find(ADVERTISE_PORT), flags.find(HOSTNAME), flags.get(HOSTNAME_LOOKUP));
        Set<String> excluded = new TreeSet<>();
        flags.find(FAIR_SHARING_EXCLUDED_RESOURCE_NAMES).ifPresent(names -> Arrays.stream(names.split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).forEach(excluded::add));
        MasterConfig.Allocation allocation = new MasterConfig.Allocation(flags.get(ALLOCATOR), allocationInterval,
                flags.get(MIN_ALLOCATABLE_RESOURCES), flags.get(ROLE_SORTER), flags.get(FRAMEWORK_SORTER), excluded,
                weights);
        return new MasterConfig(endpoint, flags.get(WORK_DIR), flags.find(LOG_DIR), flags.find(CLUSTER), pingTimeout,
                maxTimeouts, flags.find(AGENT_REMOVAL_RATE_LIMIT), reregisterTimeout, flags.get(RECOVERY_AGENT_REMOVAL_LIMIT), allocation,
                flags.get(MAX_COMPLETED_FRAMEWORKS), flags.get(MAX_COMPLETED_TASKS_PER_FRAMEWORK), flags.get(MAX_OPERATOR_EVENT_STREAM_SUBSCRIBERS),
                offerTimeout, roleWhitelist, zooKeeper, shown(flags.effectiveValues(), zooKeeper));
    }

    /** {@code --zk}, {@code --quorum} and {@code --zk_session_timeout}; empty without {@code --zk}. */
    private static Optional<MasterConfig.ZooKeeper> zooKeeper(Flags flags) throws DaemonException {
        Duration sessionTimeout = flags.get(ZK_SESSION_TIMEOUT);
        Optional<String> problem = ZkClients.sessionTimeoutProblem(sessionTimeout);
        if (problem.isPresent()) {
            throw new DaemonException("--zk_session_timeout " + problem.get() + ", got "
                    + flags.effectiveValues().get(ZK_SESSION_TIMEOUT.name()));
        }
        Optional<Integer> quorum = flags.find(QUORUM);
        if (quorum.isPresent() && quorum.get() < 1) {
            throw new DaemonException("--quorum must be at least 1, got " + quorum.get());
        }
        if (flags.find(ZK).isEmpty()) {
            return Optional.empty();
        }
        ZkUrl url;
        try {
            url = ZkUrl.parse(flags.get(ZK));
        } catch (IllegalArgumentException e) {
            throw new DaemonException("Error parsing ZooKeeper URL (--zk): " + e.getMessage());
        }
        if (quorum.isEmpty()) {
            throw new DaemonException("Need to specify --quorum when using ZooKeeper (--zk)");
        }
        return Optional.of(new MasterConfig.ZooKeeper(url, quorum.get(), sessionTimeout));
    }

    /** The flags as /flags and /state show them: with the password of {@code --zk} hidden. */
    private static SortedMap<String, String> shown(SortedMap<String, String> values,
            Optional<MasterConfig.ZooKeeper> zooKeeper) {
        if (zooKeeper.isEmpty()) {
            return values;
        }
        SortedMap<String, String> shown = new TreeMap<>(values);
        shown.put(ZK.name(), zooKeeper.get().url().toString());
        return Collections.unmodifiableSortedMap(shown);
    }

    /**
     * {@code --roles}: role names separated by ',' (empty items skipped, as Mesos tokenizes); the default role is
     * always allowed, as in Mesos.
     */
    private static Set<String> roleWhitelist(String value) throws DaemonException {
        Set<String> roles = new TreeSet<>();
        for (String role : value.split(",")) {
            if (role.isEmpty()) {
                continue;
            }
            Optional<String> problem = Roles.problem(role);
            if (problem.isPresent()) {
                throw new DaemonException("Invalid --roles '" + value + "': " + problem.get());
            }
            roles.add(role);
        }
        roles.add(Roles.DEFAULT_ROLE);
        return roles;
    }
}
