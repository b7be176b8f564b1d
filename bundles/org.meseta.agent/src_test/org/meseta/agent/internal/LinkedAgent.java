package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Eventually;
import org.meseta.testing.Ports;

/**
 * A real agent (real processes in real sandboxes, real HTTP) registered with a {@link FakeLinkMaster} that the test
 * drives as the master would: it hands the agent tasks, kills and shutdowns, reads the status updates they cause
 * and acknowledges them. Its work_dir is {@code <workDir>/agent}.
 */
final class LinkedAgent implements AutoCloseable {

    static final String FRAMEWORK_ID = "framework-1";
    /** A task's command that writes its pid to {@code task.pid} in its sandbox, then runs until killed. */
    static final String SLEEPER = "echo $$ > task.pid; exec sleep 1000";
    static final AgentID AGENT_ID = AgentID.newBuilder().setValue(FakeLinkMaster.AGENT_ID).build();
    /** A custom executor's process: saves its environment, then exits with the status written to the fifo. */
    private static final String EXECUTOR_SCRIPT = "mkfifo control && env > env.tmp && mv env.tmp executor.env"
            + " && read code < control; exit ${code:-1}";

    private final FakeLinkMaster master;
    private TestCluster cluster;
    private final Path workDir;
    private final int port;
    private final AgentTimings timings;
    private final List<String> flags;
    /** The uuids of the updates {@link #nextUpdate} returned, so that it skips their resends. */
    private final Set<ByteString> seen = ConcurrentHashMap.newKeySet();

    private LinkedAgent(FakeLinkMaster master, TestCluster cluster, Path workDir, int port, AgentTimings timings,
            List<String> flags) {
        this.master = master;
        this.cluster = cluster;
        this.workDir = workDir;
        this.port = port;
        this.timings = timings;
        this.flags = flags;
    }

    /** Starts an agent with {@code flags} and waits until its link is open. */
    static LinkedAgent start(Path workDir, AgentTimings timings, String... flags) throws Exception {
        FakeLinkMaster master = FakeLinkMaster.accepting();
        TestCluster cluster = new TestCluster(workDir);
        int port = Ports.free();
        List<String> all = new ArrayList<>(List.of(flags));
        all.add("--work_dir=" + workDir.resolve("agent"));
        cluster.startAgent(master.port(), port, timings, all.toArray(String[]::new));
        awaitRegistration(master);
        return new LinkedAgent(master, cluster, workDir.resolve("agent"), port, timings, all);
    }

    private static void awaitRegistration(FakeLinkMaster master) throws InterruptedException {
        master.nextLink();
        // The agent answers the PING that follows REGISTERED: once it has, it has taken its registration.
        master.next(AgentCall.Pong.class, pong -> true);
    }

    /**
     * Stops the agent as a terminated agent stops (tasks of checkpointing frameworks go on running) and starts it
     * again on the same work_dir and port with its flags and {@code moreFlags}; returns the subscription it
     * re-registers with, once registered.
     */
    AgentSubscribe restart(String... moreFlags) throws Exception {
        Daemon.Running started = stopAndStart(moreFlags);
        assertNotNull(started);
        AgentSubscribe subscription = master.nextSubscription();
        awaitRegistration(master);
        return subscription;
    }

    /** Stops the agent and starts it again with {@code moreFlags}, without waiting for anything. */
    Daemon.Running stopAndStart(String... moreFlags) throws Exception {
        cluster.close();
        master.forgetSubscriptions();
        cluster = new TestCluster(workDir.getParent());
        List<String> all = new ArrayList<>(flags);
        all.addAll(List.of(moreFlags));
        return cluster.startAgent(master.port(), port, timings, all.toArray(String[]::new));
    }

    /** Stops the agent as a terminated agent stops: tasks of checkpointing frameworks go on running. */
    void stop() {
        cluster.close();
    }

    static LinkedAgent start(Path workDir, String... flags) throws Exception {
        return start(workDir, AgentTimings.MESOS, flags);
    }

    FakeLinkMaster master() {
        return master;
    }

    int port() {
        return port;
    }

    URI uri(String target) {
        return URI.create("http://127.0.0.1:" + port + target);
    }

    Map<String, Object> state() throws Exception {
        return TestCluster.getJson(port, "/slave(1)/state");
    }

    /** The framework {@value #FRAMEWORK_ID}, run by the agent's own user, with {@code capabilities}. */
    static FrameworkInfo framework(FrameworkInfo.Capability.Type... capabilities) {
        return framework(System.getProperty("user.name"), capabilities);
    }

    static FrameworkInfo framework(String user, FrameworkInfo.Capability.Type... capabilities) {
        FrameworkInfo.Builder info = FrameworkInfo.newBuilder().setId(frameworkId()).setName("test").setUser(user);
        for (FrameworkInfo.Capability.Type type : capabilities) {
            info.addCapabilities(FrameworkInfo.Capability.newBuilder().setType(type));
        }
        return info.build();
    }

    static FrameworkID frameworkId() {
        return FrameworkID.newBuilder().setValue(FRAMEWORK_ID).build();
    }

    /** A task running {@code shellCommand} with the command executor, using 0.1 cpus of role {@code *}. */
    static TaskInfo.Builder commandTask(String taskId, String shellCommand) {
        return task(taskId).setCommand(CommandInfo.newBuilder().setValue(shellCommand));
    }

    /** A task with id, name, agent and resources but neither command nor executor. */
    static TaskInfo.Builder task(String taskId) {
        Resource cpus = Resource.newBuilder().setName("cpus").setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(0.1))
                .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole("*")).build();
        return TaskInfo.newBuilder().setName("task " + taskId).setTaskId(taskId(taskId)).setAgentId(AGENT_ID)
                .addResources(cpus);
    }

    /**
     * A custom executor whose process saves its environment in {@code executor.env} in its sandbox and then waits
     * for its exit status to be written to the fifo {@code control} there ({@link #exitExecutor}); the test speaks
     * the executor API for it ({@link ExecutorSession}).
     */
    static ExecutorInfo.Builder executor(String id) {
        return ExecutorInfo.newBuilder().setExecutorId(ExecutorID.newBuilder().setValue(id))
                .setCommand(CommandInfo.newBuilder().setValue(EXECUTOR_SCRIPT));
    }

    /** Waits for the process of an {@link #executor} to have saved its environment, and returns that. */
    Map<String, String> executorEnvironment(String executorId) throws Exception {
        Path saved = sandbox(executorId).resolve("executor.env");
        Eventually.await("executor " + executorId + " runs", () -> Files.exists(saved));
        return environment(saved);
    }

    /** The pid a task writes to {@code file} ({@code echo $$ > task.pid}), once it has written it. */
    static long awaitPid(Path file) throws Exception {
        Eventually.await(file.getFileName() + " is written", () -> Files.exists(file)
                && !Files.readString(file).isBlank());
        return Long.parseLong(Files.readString(file).strip());
    }

    /** Makes the process of an {@link #executor} exit with {@code status}. */
    void exitExecutor(String executorId, int status) throws IOException {
        Files.writeString(sandbox(executorId).resolve("control"), status + "\n");
    }

    /** The variables of a file written by {@code env}. */
    static Map<String, String> environment(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (first, second) -> second));
    }

    static TaskID taskId(String id) {
        return TaskID.newBuilder().setValue(id).build();
    }

    static KillPolicy gracePeriod(Duration grace) {
        return KillPolicy.newBuilder().setGracePeriod(DurationInfo.newBuilder().setNanoseconds(grace.toNanos()))
                .build();
    }

    void run(FrameworkInfo framework, TaskInfo.Builder task) {
        master.send(new AgentEvent.RunTask(framework, task.build()));
    }

    /** The default executor {@code id} of {@value #FRAMEWORK_ID}, with Mesos's usual executor resources. */
    static ExecutorInfo defaultExecutor(String id) {
        return ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.DEFAULT)
                .setExecutorId(ExecutorID.newBuilder().setValue(id)).setFrameworkId(frameworkId())
                .addResources(scalar("cpus", 0.1)).addResources(scalar("mem", 32)).addResources(scalar("disk", 32))
                .build();
    }

    private static Resource scalar(String name, double value) {
        return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value))
                .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole("*")).build();
    }

    /** Runs the tasks as one task group under {@code executor}, each task carrying the executor as the master sends. */
    void runGroup(FrameworkInfo framework, ExecutorInfo executor, TaskInfo.Builder... tasks) {
        TaskGroupInfo.Builder group = TaskGroupInfo.newBuilder();
        for (TaskInfo.Builder task : tasks) {
            group.addTasks(task.setExecutor(executor));
        }
        master.send(new AgentEvent.RunTaskGroup(framework, executor, group.build()));
    }

    void kill(String taskId, Optional<KillPolicy> policy) {
        Call.Kill.Builder kill = Call.Kill.newBuilder().setTaskId(taskId(taskId)).setAgentId(AGENT_ID);
        policy.ifPresent(kill::setKillPolicy);
        master.send(new AgentEvent.KillTask(frameworkId(), kill.build()));
    }

    void shutdownExecutor(String executorId) {
        master.send(new AgentEvent.ShutdownExecutor(frameworkId(), Call.Shutdown.newBuilder().setAgentId(AGENT_ID)
                .setExecutorId(ExecutorID.newBuilder().setValue(executorId)).build()));
    }

    /** The next update of {@code taskId} that is not a resend of one returned before. */
    AgentCall.Update nextUpdate(String taskId) throws InterruptedException {
        AgentCall.Update update = master.next(AgentCall.Update.class,
                call -> call.status().getTaskId().getValue().equals(taskId) && !seen.contains(call.status().getUuid()));
        seen.add(update.status().getUuid());
        return update;
    }

    void acknowledge(TaskStatus status) {
        master.send(new AgentEvent.Acknowledge(frameworkId(), Call.Acknowledge.newBuilder().setAgentId(AGENT_ID)
                .setTaskId(status.getTaskId()).setUuid(status.getUuid()).build()));
    }

    /** Takes and acknowledges the task's updates, which must have {@code states}; returns the last update. */
    TaskStatus acknowledgeStates(String taskId, TaskState... states) throws InterruptedException {
        List<TaskState> received = new ArrayList<>();
        TaskStatus last = null;
        for (int i = 0; i < states.length; i++) {
            last = nextUpdate(taskId).status();
            received.add(last.getState());
            acknowledge(last);
        }
        assertEquals(List.of(states), received, "updates of task " + taskId + ", the last: " + last);
        return last;
    }

    /** The sandbox of task {@code taskId} of a group run by {@code executorId}: its {@code tasks} link. */
    Path taskSandbox(String executorId, String taskId) {
        return sandbox(executorId).resolve("tasks").resolve(taskId);
    }

    /** Where the agent keeps the newest run of {@code executorId} of {@value #FRAMEWORK_ID}: its {@code latest} link. */
    Path sandbox(String executorId) {
        return workDir.resolve("slaves").resolve(FakeLinkMaster.AGENT_ID).resolve("frameworks").resolve(FRAMEWORK_ID)
                .resolve("executors").resolve(executorId).resolve("runs").resolve("latest");
    }

    /**
     * Stops the agent and the master, and kills what tasks of checkpointing frameworks left running (processes
     * working in the agent's work_dir), so that no test leaves processes behind.
     */
    @Override
    public void close() {
        cluster.close();
        master.close();
        ProcessHandle.allProcesses().filter(this::worksHere).forEach(ProcessHandle::destroyForcibly);
    }

    private boolean worksHere(ProcessHandle process) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
                    .startsWith(workDir.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            return false; // ended, or not ours to read
        }
    }
}
