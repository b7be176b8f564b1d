package org.meseta.console.core.calls;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.meseta.console.core.model.AgentView;

/**
 * Where the console reaches an agent's own HTTP API (its isolation settings): the address in the agent's pid,
 * {@code slave(1)@10.0.0.7:5051}, which is where it listens; else its advertised hostname and port.
 *
 * @param host a host name or IP address
 * @param port the agent's HTTP port
 */
public record AgentEndpoint(String host, int port) {

    private static final Pattern PID = Pattern.compile("[^@]+@(.+):([0-9]{1,5})");
    private static final int MESOS_AGENT_PORT = 5051;

    /** @throws IllegalArgumentException if the host is blank or the port out of range */
    public AgentEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("An agent endpoint needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is out of range (1-65535)");
        }
    }

    /** The endpoint of {@code agent}, or empty when the master has not described it (recovered from its registry). */
    public static Optional<AgentEndpoint> of(AgentView agent) {
        return agent.details().map(AgentEndpoint::of);
    }

    /** The endpoint of the agent the master describes. */
    public static AgentEndpoint of(GetAgents.Agent agent) {
        Matcher pid = PID.matcher(agent.getPid());
        if (pid.matches()) {
            int port = Integer.parseInt(pid.group(2));
            if (port >= 1 && port <= 65535) {
                return new AgentEndpoint(pid.group(1), port);
            }
        }
        int port = agent.getAgentInfo().hasPort() ? agent.getAgentInfo().getPort() : MESOS_AGENT_PORT;
        return new AgentEndpoint(agent.getAgentInfo().getHostname(), port);
    }

    /** {@code http://HOST:PORT} followed by {@code path} (which starts with {@code /}). */
    public URI uri(String path) {
        String literal = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port + path);
    }

    /** {@code HOST:PORT}. */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
