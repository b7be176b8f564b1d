package org.meseta.master.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Endpoint;

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
    static final Flag<String> CLUSTER = Flag.string("cluster", "Human readable name of the cluster, shown in the console");
    static final Flag<Duration> AGENT_PING_TIMEOUT = Flag.duration("agent_ping_timeout",
            "How long the master waits for an agent to answer a ping; pings are sent this often",
            Duration.ofSeconds(15));
    static final Flag<Integer> MAX_AGENT_PING_TIMEOUTS = Flag.integer("max_agent_ping_timeouts",
            "Unanswered pings in a row after which an agent is considered gone and shown inactive", 5);

    static final List<Flag<?>> ALL = List.of(IP, PORT, ADVERTISE_IP, ADVERTISE_PORT, WORK_DIR, HOSTNAME,
            HOSTNAME_LOOKUP, CLUSTER, AGENT_PING_TIMEOUT, MAX_AGENT_PING_TIMEOUTS);

    private MasterFlags() {}

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
        Endpoint endpoint = Endpoint.resolve(flags.find(IP), flags.get(PORT), flags.find(ADVERTISE_IP),
                flags.find(ADVERTISE_PORT), flags.find(HOSTNAME), flags.get(HOSTNAME_LOOKUP));
        return new MasterConfig(endpoint, flags.get(WORK_DIR), flags.find(CLUSTER), pingTimeout, maxTimeouts,
                flags.effectiveValues());
    }
}
