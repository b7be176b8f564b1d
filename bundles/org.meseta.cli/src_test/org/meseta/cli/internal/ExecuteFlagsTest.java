package org.meseta.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.flags.FlagException;
import org.meseta.api.flags.FlagParser;
import org.meseta.daemon.DaemonException;

/** The command line: mesos-execute's defaults, what each flag becomes, and one clear line for every mistake. */
class ExecuteFlagsTest {

    private static final String MASTER = "--master=127.0.0.1:5050";
    private static final String GROUP = "--task_group={\"tasks\":[{\"name\":\"a\",\"task_id\":{\"value\":\"a\"}}]}";

    @TempDir
    Path directory;

    @Test
    void theDefaultsAreMesosExecutes() throws Exception {
        ExecuteOptions options = options("--name=hello", "--command=echo hi");

        assertEquals(new MasterLocation.Fixed(new MasterAddress("127.0.0.1", 5050)), options.master());
        assertEquals(ContentType.PROTOBUF, options.contentType());
        assertEquals(SchedulerEvents.parse("cpus:1;mem:128"), options.resources());
        assertEquals(Optional.empty(), options.killAfter());
        FrameworkInfo framework = options.framework();
        assertEquals("meseta-execute instance", framework.getName());
        assertEquals(System.getProperty("user.name"), framework.getUser());
        assertEquals("*", role(framework));
        assertEquals(0, framework.getRolesCount());
        assertFalse(framework.getCheckpoint());
        assertEquals(0, framework.getCapabilitiesCount(), "no capability unless asked for");
        assertFalse(framework.hasFailoverTimeout(), "the master removes the framework when this process goes");
        TaskInfo task = options.tasks().getFirst();
        assertEquals("hello", task.getName());
        assertEquals("hello", task.getTaskId().getValue());
        assertEquals(CommandInfo.newBuilder().setShell(true).setValue("echo hi").build(), task.getCommand());
        assertFalse(task.hasAgentId());
    }

    @Test
    void everyFlagEndsUpInTheFrameworkOrTheTask() throws Exception {
        ExecuteOptions options = options("--name=job", "--command=/bin/date", "--no-shell", "--env={\"A\":\"1\"}",
                "--resources=cpus:0.5;mem:64", "--checkpoint", "--role=analytics", "--kill_after=2mins",
                "--framework_capabilities=TASK_KILLING_STATE,PARTITION_AWARE", "--content_type=json",
                "--principal=ops", "--framework_name=nightly");

        assertEquals(CommandInfo.newBuilder().setShell(false).setValue("/bin/date").addArguments("/bin/date")
                .setEnvironment(environment("A", "1")).build(), options.tasks().getFirst().getCommand());
        assertEquals(SchedulerEvents.parse("cpus:0.5;mem:64"), options.resources());
        assertEquals(Optional.of(Duration.ofMinutes(2)), options.killAfter());
        assertEquals(ContentType.JSON, options.contentType());
        FrameworkInfo framework = options.framework();
        assertTrue(framework.getCheckpoint());
        assertEquals("analytics", role(framework));
        assertEquals("ops", framework.getPrincipal());
        assertEquals("nightly", framework.getName());
        assertEquals(List.of(Capability.Type.TASK_KILLING_STATE, Capability.Type.PARTITION_AWARE),
                framework.getCapabilitiesList().stream().map(Capability::getType).toList());
    }

    @Test
    void multiRoleFrameworksSubscribeWithRoles() throws Exception {
        FrameworkInfo framework = options("--name=a", "--command=true", "--role=web",
                "--framework_capabilities=MULTI_ROLE").framework();

        assertEquals(List.of("web"), framework.getRolesList());
        assertFalse(framework.hasRole());
    }

    @Test
    void theTaskMayComeAsJsonInlineOrFromAFile() throws Exception {
        String json = """
                {"name": "from-json", "task_id": {"value": "t-1"},
                 "resources": [{"name": "cpus", "type": "SCALAR", "scalar": {"value": 0.25}}],
                 "command": {"value": "sleep 1"}}""";
        Path file = Files.writeString(directory.resolve("task.json"), json, StandardCharsets.UTF_8);

        for (String value : List.of(json, file.toString(), "file://" + file)) {
            ExecuteOptions options = options("--task=" + value);

            assertEquals("from-json", options.tasks().getFirst().getName());
            assertEquals("t-1", options.tasks().getFirst().getTaskId().getValue());
            assertEquals("sleep 1", options.tasks().getFirst().getCommand().getValue());
            assertEquals(SchedulerEvents.parse("cpus:0.25"), options.resources());
        }
    }

    @Test
    void aTaskGroupRunsUnderMesosExecutesDefaultExecutorAndItsTasksMayLeaveOutTheirAgent() throws Exception {
        String json = """
                {"tasks": [
                  {"name": "a", "task_id": {"value": "a"}, "command": {"value": "sleep 1"},
                   "resources": [{"name": "cpus", "type": "SCALAR", "scalar": {"value": 0.25}}]},
                  {"name": "b", "task_id": {"value": "b"}, "command": {"value": "sleep 2"},
                   "resources": [{"name": "mem", "type": "SCALAR", "scalar": {"value": 64}}]}]}""";
        Path file = Files.writeString(directory.resolve("group.json"), json, StandardCharsets.UTF_8);

        for (String value : List.of(json, file.toString())) {
            ExecuteOptions options = options("--task_group=" + value);

            assertEquals(List.of("a", "b"), options.tasks().stream().map(TaskInfo::getName).toList());
            assertFalse(options.tasks().getFirst().hasAgentId());
            assertEquals(List.of(SchedulerEvents.parse("cpus:0.25"), SchedulerEvents.parse("mem:64"),
                    SchedulerEvents.parse("cpus:0.1;mem:32;disk:32")), options.needs());
            ExecutorInfo executor = options.executor().orElseThrow();
            assertEquals(ExecutorInfo.Type.DEFAULT, executor.getType());
            assertEquals("default", executor.getExecutorId().getValue());
        }
    }

    @Test
    void theEnvironmentMayComeFromAFile() throws Exception {
        Path file = Files.writeString(directory.resolve("env.json"), "{\"PATH\": \"/bin\", \"LANG\": \"C\"}");

        ExecuteOptions options = options("--name=a", "--command=env", "--env=file://" + file);

        assertEquals(environment("PATH", "/bin", "LANG", "C"),
                options.tasks().getFirst().getCommand().getEnvironment());
    }

    @TestFactory
    Stream<DynamicTest> aBadFlagValueIsOneLineNamingTheFlag() {
        return Stream.of(
                new String[] {"--framework_capabilities=TASK_KILLING_STATE,FLYING",
                    "Invalid value 'TASK_KILLING_STATE,FLYING' for flag '--framework_capabilities': unknown"
                            + " capability 'FLYING'; known capabilities: REVOCABLE_RESOURCES,"},
                new String[] {"--framework_capabilities=UNKNOWN", "unknown capability 'UNKNOWN'"},
                new String[] {"--content_type=xml", "Invalid value 'xml' for flag '--content_type': expected json"
                        + " or protobuf"},
                new String[] {"--master=zk://10.0.0.1/mesos", "Invalid ZooKeeper URL 'zk://10.0.0.1/mesos':"
                        + " '10.0.0.1' is not host:port"},
                new String[] {"--master=localhost", "Invalid value 'localhost' for flag '--master': expected"
                        + " host:port"},
                new String[] {"--master=10.0.0.1:70000", "port 70000 is out of range"},
                new String[] {"--resources=cpus:lots", "Invalid value 'cpus:lots' for flag '--resources'"},
                new String[] {"--resources=cpus(web):1", "give the resources without a role"},
                new String[] {"--role=a b", "Invalid value 'a b' for flag '--role'"},
                new String[] {"--env=[1]", "expected a JSON object of names and string values"},
                new String[] {"--env={\"A\": 1}", "the value of 'A' must be a string"},
                new String[] {"--env={\"A\"", "Malformed JSON"},
                new String[] {"--task={\"name\": \"x\"}", "not a TaskInfo: Missing required fields: task_id"},
                new String[] {"--task=/no/such/task.json", "no such file: /no/such/task.json"},
                new String[] {"--task_group={\"tasks\": []}", "the task group has no tasks"},
                new String[] {"--task_group={\"tasks\": [{\"name\": \"a\"}]}",
                    "not a TaskGroupInfo: task 0 misses task_id"},
                new String[] {"--task_group=[]", "not a TaskGroupInfo: expected a JSON object"},
                new String[] {"--kill_after=soon", "Invalid value 'soon' for flag '--kill_after'"},
                new String[] {"--shell=maybe", "Invalid value 'maybe' for flag '--shell'"},
                new String[] {"--no-such-flag=1", "Unknown flag '--no-such-flag'"})
                .map(row -> dynamicTest(row[0], () -> {
                    List<String> args = new ArrayList<>(List.of("--name=a", "--command=true", row[0]));
                    if (!row[0].startsWith("--master")) {
                        args.add(MASTER);
                    }
                    FlagException error = assertThrows(FlagException.class,
                            () -> FlagParser.parse(ExecuteFlags.ALL, args));
                    assertOneLineContaining(row[1], error.getMessage());
                }));
    }

    @TestFactory
    Stream<DynamicTest> flagsThatDoNotGoTogetherAreOneLine() {
        return Stream.of(
                new String[] {"--name=a", "Give the task to run with --command or --task, or a task group with"
                        + " --task_group"},
                new String[] {"--command=true", "Missing required flag '--name'"},
                new String[] {"--name= --command=true", "--name must not be empty"},
                new String[] {"--task={\"name\":\"a\",\"task_id\":{\"value\":\"a\"}} --command=true",
                    "--command cannot be combined with --task"},
                new String[] {"--task={\"name\":\"a\",\"task_id\":{\"value\":\"a\"}} --no-shell",
                    "--shell cannot be combined with --task"},
                new String[] {"--task={\"name\":\"a\",\"task_id\":{\"value\":\"a\"},\"resources\":[{\"name\":\"cpus\","
                        + "\"type\":\"SCALAR\",\"scalar\":{\"value\":-1}}]}", "Invalid --task: "},
                new String[] {GROUP + " --command=true",
                    "--command cannot be combined with --task_group, which gives the whole task group"},
                new String[] {GROUP + " --task={\"name\":\"a\",\"task_id\":{\"value\":\"a\"}}",
                    "--task cannot be combined with --task_group"})
                .map(row -> dynamicTest(row[0], () -> {
                    List<String> args = new ArrayList<>(List.of(row[0].split(" ")));
                    args.add(MASTER);
                    DaemonException error = assertThrows(DaemonException.class, () -> options(args));
                    assertOneLineContaining(row[1], error.getMessage());
                }));
    }

    @Test
    void theMasterIsRequired() {
        FlagException error = assertThrows(FlagException.class,
                () -> FlagParser.parse(ExecuteFlags.ALL, List.of("--name=a", "--command=true")));
        assertEquals("Missing required flag '--master'", error.getMessage());
    }

    @Test
    void theMasterMayBeAnHttpUrl() throws Exception {
        assertEquals(new MasterLocation.Fixed(new MasterAddress("master.example", 5050)),
                options("--name=a", "--command=true", "--master=http://master.example:5050").master());
    }

    @Test
    void theMasterMayBeAZooKeeperGroup() throws Exception {
        MasterLocation master = options("--name=a", "--command=true",
                "--master=zk://alice:secret@10.0.0.1:2181,10.0.0.2:2181/mesos").master();

        MasterLocation.ZooKeeper group = assertInstanceOf(MasterLocation.ZooKeeper.class, master);
        assertEquals("/mesos", group.url().path());
        assertEquals("zk://alice:***@10.0.0.1:2181,10.0.0.2:2181/mesos", master.toString());
    }

    @Test
    void helpListsEveryFlagWithItsDefault() {
        String usage = FlagParser.usage(Execution.PROGRAM, "summary", ExecuteFlags.ALL);

        for (String expected : List.of("--master=VALUE", "--[no-]shell", "--task=VALUE", "--env=VALUE",
                "(default: cpus:1; mem:128)", "(default: meseta-execute instance)", "(default: protobuf)",
                "(default: *)", "--kill_after=VALUE", "--framework_capabilities=VALUE", "--principal=VALUE")) {
            assertTrue(usage.contains(expected), expected + " in\n" + usage);
        }
    }

    private static void assertOneLineContaining(String expected, String message) {
        assertTrue(message.contains(expected), message);
        assertEquals(1, message.lines().count(), message);
    }

    private static ExecuteOptions options(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(arg -> arg.startsWith("--master"))) {
            all.add(MASTER);
        }
        return options(all);
    }

    private static ExecuteOptions options(List<String> args) throws FlagException, DaemonException {
        return ExecuteOptions.from(FlagParser.parse(ExecuteFlags.ALL, args));
    }

    private static Environment environment(String... namesAndValues) {
        Environment.Builder environment = Environment.newBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            environment.addVariablesBuilder().setName(namesAndValues[i]).setValue(namesAndValues[i + 1]);
        }
        return environment.build();
    }

    @SuppressWarnings("deprecation") // The single role of a framework without MULTI_ROLE.
    private static String role(FrameworkInfo framework) {
        return framework.getRole();
    }
}
