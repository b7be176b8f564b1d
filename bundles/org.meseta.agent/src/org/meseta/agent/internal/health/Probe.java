package org.meseta.agent.internal.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.HealthCheck;
import org.apache.mesos.v1.Protos.NetworkInfo;
import org.meseta.agent.internal.executor.CommandLine;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.RunAs;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.api.tasks.HealthChecks;

/**
 * One kind of health check, run once per {@link #check}: a command in the task's sandbox, an HTTP GET or a TCP
 * connect to the task's port on the loopback address. Implementations are immutable and thread-safe; {@code check}
 * blocks (it is called off the agent's actor thread) for at most about the timeout.
 */
sealed interface Probe permits CommandProbe, HttpProbe, TcpProbe {

    /**
     * Checks the task once.
     *
     * @param timeout how long the check may take; empty for no limit (a {@code timeout_seconds} of 0)
     * @return why the task is unhealthy, or empty if it is healthy
     */
    Optional<String> check(Optional<Duration> timeout);

    /**
     * The probe for {@code check} of a task running in {@code sandbox} as {@code runAs} with {@code environment}
     * (which a command check gets too, with its own variables on top).
     *
     * @throws LaunchException if the check is invalid (the master refuses such tasks) or its command cannot run
     */
    static Probe of(HealthCheck check, ContainerLauncher launcher, Sandbox sandbox, Map<String, String> environment,
            Optional<RunAs> runAs) throws LaunchException {
        Optional<String> problem = HealthChecks.problem(check);
        if (problem.isPresent()) {
            throw new LaunchException(problem.get());
        }
        return switch (check.getType()) {
            case COMMAND -> new CommandProbe(launcher, CommandLine.argv(check.getCommand()),
                    withVariables(environment, check.getCommand().getEnvironment()), sandbox, runAs);
            case HTTP -> HttpProbe.of(check.getHttp());
            case TCP -> new TcpProbe(loopback(check.getTcp().getProtocol()), check.getTcp().getPort());
            case UNKNOWN -> throw new LaunchException("'UNKNOWN' is not a valid health check type");
        };
    }

    /** A timeout as sockets and URL connections take it: milliseconds (at least 1), 0 for none. */
    static int millis(Optional<Duration> timeout) {
        return timeout.map(t -> Math.clamp(t.toMillis(), 1, Integer.MAX_VALUE)).orElse(0);
    }

    /** Where checks connect: the loopback address of the check's protocol, as Mesos does. */
    static String loopback(NetworkInfo.Protocol protocol) {
        return protocol == NetworkInfo.Protocol.IPv6 ? "::1" : "127.0.0.1";
    }

    private static Map<String, String> withVariables(Map<String, String> environment, Environment variables) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        variables.getVariablesList().stream().filter(v -> v.getType() == Environment.Variable.Type.VALUE)
                .forEach(v -> merged.put(v.getName(), v.getValue()));
        return merged;
    }
}
