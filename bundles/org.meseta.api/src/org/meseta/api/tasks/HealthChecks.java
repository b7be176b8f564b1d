package org.meseta.api.tasks;

import java.util.Optional;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.HealthCheck;

/**
 * Validates a task's {@link HealthCheck} as Mesos does, with Mesos's texts: the master refuses a task whose check
 * fails this, and the agent does not run such a check. Stateless.
 */
public final class HealthChecks {

    private HealthChecks() {}

    /** What is wrong with {@code check}, if anything; the master prefixes it with "Task uses invalid health check: ". */
    public static Optional<String> problem(HealthCheck check) {
        if (!check.hasType()) {
            return Optional.of("HealthCheck must specify 'type'");
        }
        Optional<String> problem = switch (check.getType()) {
            case COMMAND -> commandProblem(check);
            case HTTP -> httpProblem(check);
            case TCP -> check.hasTcp() ? Optional.empty()
                    : Optional.of("Expecting 'tcp' to be set for TCP health check");
            case UNKNOWN -> Optional.of("'UNKNOWN' is not a valid health check type");
        };
        if (problem.isPresent()) {
            return problem;
        }
        if (check.hasDelaySeconds() && check.getDelaySeconds() < 0) {
            return Optional.of("Expecting 'delay_seconds' to be non-negative");
        }
        if (check.hasGracePeriodSeconds() && check.getGracePeriodSeconds() < 0) {
            return Optional.of("Expecting 'grace_period_seconds' to be non-negative");
        }
        if (check.hasIntervalSeconds() && check.getIntervalSeconds() < 0) {
            return Optional.of("Expecting 'interval_seconds' to be non-negative");
        }
        if (check.hasTimeoutSeconds() && check.getTimeoutSeconds() < 0) {
            return Optional.of("Expecting 'timeout_seconds' to be non-negative");
        }
        return Optional.empty();
    }

    private static Optional<String> commandProblem(HealthCheck check) {
        if (!check.hasCommand()) {
            return Optional.of("Expecting 'command' to be set for COMMAND health check");
        }
        CommandInfo command = check.getCommand();
        if (!command.hasValue()) {
            return Optional.of("Command health check must contain "
                    + (command.getShell() ? "'shell command'" : "'executable path'"));
        }
        return environmentProblem(command.getEnvironment())
                .map(problem -> "Health check's `CommandInfo` is invalid: " + problem);
    }

    private static Optional<String> httpProblem(HealthCheck check) {
        if (!check.hasHttp()) {
            return Optional.of("Expecting 'http' to be set for HTTP health check");
        }
        HealthCheck.HTTPCheckInfo http = check.getHttp();
        if (http.hasScheme() && !http.getScheme().equals("http") && !http.getScheme().equals("https")) {
            return Optional.of("Unsupported HTTP health check scheme: '" + http.getScheme() + "'");
        }
        if (http.hasPath() && !http.getPath().startsWith("/")) {
            return Optional.of("The path '" + http.getPath() + "' of HTTP health check must start with '/'");
        }
        return Optional.empty();
    }

    /** Each variable has what its type asks for (a value, or a secret) and not the other. */
    private static Optional<String> environmentProblem(Environment environment) {
        for (Environment.Variable variable : environment.getVariablesList()) {
            String name = "Environment variable '" + variable.getName() + "'";
            Optional<String> problem = switch (variable.getType()) {
                case VALUE -> !variable.hasValue() ? Optional.of(name + " of type 'VALUE' must have a value set")
                        : variable.hasSecret() ? Optional.of(name + " of type 'VALUE' must not have a secret set")
                        : Optional.empty();
                case SECRET -> !variable.hasSecret() ? Optional.of(name + " of type 'SECRET' must have a secret set")
                        : variable.hasValue() ? Optional.of(name + " of type 'SECRET' must not have a value set")
                        : Optional.empty();
                case UNKNOWN -> Optional.of("Environment variable of type 'UNKNOWN' is not allowed");
            };
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
