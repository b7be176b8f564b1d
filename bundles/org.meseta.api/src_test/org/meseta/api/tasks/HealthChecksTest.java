package org.meseta.api.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.HealthCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class HealthChecksTest {

    private record Row(String name, HealthCheck.Builder check, Optional<String> problem) {}

    private static HealthCheck.Builder http(HealthCheck.HTTPCheckInfo.Builder http) {
        return HealthCheck.newBuilder().setType(HealthCheck.Type.HTTP).setHttp(http);
    }

    private static HealthCheck.Builder command(CommandInfo.Builder command) {
        return HealthCheck.newBuilder().setType(HealthCheck.Type.COMMAND).setCommand(command);
    }

    @TestFactory
    Stream<DynamicTest> checksAreValidatedWithMesossTexts() {
        HealthCheck.Builder tcp = HealthCheck.newBuilder().setType(HealthCheck.Type.TCP)
                .setTcp(HealthCheck.TCPCheckInfo.newBuilder().setPort(8080));
        Environment.Variable noValue = Environment.Variable.newBuilder().setName("X").build();
        return Stream.of(
                new Row("valid TCP", tcp.clone(), Optional.empty()),
                new Row("valid HTTP", http(HealthCheck.HTTPCheckInfo.newBuilder().setPort(80).setPath("/ok")),
                        Optional.empty()),
                new Row("valid command", command(CommandInfo.newBuilder().setValue("true")), Optional.empty()),
                new Row("no type", HealthCheck.newBuilder(), Optional.of("HealthCheck must specify 'type'")),
                new Row("unknown type", HealthCheck.newBuilder().setType(HealthCheck.Type.UNKNOWN),
                        Optional.of("'UNKNOWN' is not a valid health check type")),
                new Row("TCP without tcp", HealthCheck.newBuilder().setType(HealthCheck.Type.TCP),
                        Optional.of("Expecting 'tcp' to be set for TCP health check")),
                new Row("HTTP without http", HealthCheck.newBuilder().setType(HealthCheck.Type.HTTP),
                        Optional.of("Expecting 'http' to be set for HTTP health check")),
                new Row("COMMAND without command", HealthCheck.newBuilder().setType(HealthCheck.Type.COMMAND),
                        Optional.of("Expecting 'command' to be set for COMMAND health check")),
                new Row("shell command without value", command(CommandInfo.newBuilder()),
                        Optional.of("Command health check must contain 'shell command'")),
                new Row("executable without value", command(CommandInfo.newBuilder().setShell(false)),
                        Optional.of("Command health check must contain 'executable path'")),
                new Row("variable without value", command(CommandInfo.newBuilder().setValue("true")
                        .setEnvironment(Environment.newBuilder().addVariables(noValue))),
                        Optional.of("Health check's `CommandInfo` is invalid: Environment variable 'X' of type"
                                + " 'VALUE' must have a value set")),
                new Row("ftp scheme", http(HealthCheck.HTTPCheckInfo.newBuilder().setPort(80).setScheme("ftp")),
                        Optional.of("Unsupported HTTP health check scheme: 'ftp'")),
                new Row("relative path", http(HealthCheck.HTTPCheckInfo.newBuilder().setPort(80).setPath("ok")),
                        Optional.of("The path 'ok' of HTTP health check must start with '/'")),
                new Row("negative delay", tcp.clone().setDelaySeconds(-1),
                        Optional.of("Expecting 'delay_seconds' to be non-negative")),
                new Row("negative grace period", tcp.clone().setGracePeriodSeconds(-1),
                        Optional.of("Expecting 'grace_period_seconds' to be non-negative")),
                new Row("negative interval", tcp.clone().setIntervalSeconds(-1),
                        Optional.of("Expecting 'interval_seconds' to be non-negative")),
                new Row("negative timeout", tcp.clone().setTimeoutSeconds(-1),
                        Optional.of("Expecting 'timeout_seconds' to be non-negative")))
                .map(row -> DynamicTest.dynamicTest(row.name(),
                        () -> assertEquals(row.problem(), HealthChecks.problem(row.check().build()))));
    }
}
