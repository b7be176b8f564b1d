package org.meseta.agent.internal.tasks;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.agent.internal.checkpoint.RunCheckpoint;
import org.meseta.agent.internal.containerizer.Limits;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.RunAs;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.agent.internal.fetcher.FetchException;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLaunchInfo;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Limitation;

/**
 * One run of an executor on this agent: its sandbox, its container, its tasks. {@link #start()} fills the sandbox
 * (fetching the command's URIs and handing the sandbox to the task's user, off the actor thread) and then starts the
 * process held between the isolators' {@code prepare} and {@code isolate}, releasing it once isolated; when the
 * process ends, its leftover processes are killed, the isolators clean up and its unfinished tasks fail. When an isolator reports a limitation the
 * container is killed and its unfinished tasks fail with the limitation's reason and message. Tasks stay here
 * until the framework acknowledged their terminal update, then join a bounded list of completed tasks; the run is
 * {@link #isDone()} once it ended and holds no live task.
 *
 * <p>Confined to the agent's actor thread. The three kinds, the agent's own command executor, its default executor (for
 * task groups) and a framework's custom executor, differ in what they run and how they hear of kills; the rest is
 * here.
 */
abstract sealed class ExecutorRun permits CommandExecutor, CustomExecutor, DefaultExecutor {

    private static final System.Logger LOG = System.getLogger(ExecutorRun.class.getName());
    private static final int MAX_COMPLETED_TASKS = 200;
    /** Mesos's executors wait this long between SIGTERM and SIGKILL when no kill policy says otherwise. */
    static final Duration DEFAULT_KILL_GRACE_PERIOD = Duration.ofSeconds(3);

    final ExecutorContext context;
    final ExecutorInfo info;
    final ContainerID containerId;
    final Sandbox sandbox;
    /** What survives an agent restart of this run. */
    final RunCheckpoint checkpoint;
    FrameworkInfo framework;
    ExecutorState state = ExecutorState.LAUNCHING;
    /** Set once the process started. */
    Container container;
    /** How the container's first process was started through the isolators' wrappers, once it was. */
    ContainerLaunchInfo launchInfo = ContainerLaunchInfo.NONE;
    /** The user the process runs as (empty for the agent's), known once the sandbox is filled. */
    Optional<RunAs> runAs = Optional.empty();
    /** Live tasks: not yet given to the executor, running, or ended but not yet acknowledged; in launch order. */
    final Map<TaskID, TaskEntry> tasks = new LinkedHashMap<>();
    private final Deque<TaskEntry> completed = new ArrayDeque<>();
    private final Consumer<ExecutorRun> changed;
    /** Its framework is being shut down here: nobody acknowledges updates any more. */
    private boolean frameworkTerminating;
    /** Set when an isolator reported a limitation: why the run ends. */
    private Optional<Termination> limitation = Optional.empty();

    /** @param changed told whenever the run may have become {@link #isDone()} */
    ExecutorRun(ExecutorContext context, FrameworkInfo framework, ExecutorInfo info, Sandbox sandbox,
            ContainerID containerId, RunCheckpoint checkpoint, Consumer<ExecutorRun> changed) {
        this.context = context;
        this.framework = framework;
        this.info = info;
        this.sandbox = sandbox;
        this.containerId = containerId;
        this.checkpoint = checkpoint;
        this.changed = changed;
    }

    ExecutorID id() {
        return info.getExecutorId();
    }

    FrameworkID frameworkId() {
        return framework.getId();
    }

    /**
     * Lets {@code /files} serve the sandbox under its real path, its {@code latest} link and
     * {@code /frameworks/<framework>/executors/<executor>/runs/latest}, the latter two now meaning this run.
     */
    final void attachSandbox() {
        for (String virtualPath : virtualPaths()) {
            context.files().attach(virtualPath, sandbox.directory());
        }
    }

    /** Stops serving the sandbox, unless a newer run of the executor took over a path. */
    final void detachSandbox() {
        for (String virtualPath : virtualPaths()) {
            context.files().detach(virtualPath, sandbox.directory());
        }
    }

    private List<String> virtualPaths() {
        return List.of(sandbox.directory().toString(), sandbox.latest().toString(), "/frameworks/"
                + frameworkId().getValue() + "/executors/" + id().getValue() + "/runs/" + Sandbox.LATEST);
    }

    /** Gives the executor a task: delivered at once if it can take it now, else when it can. */
    abstract void run(TaskEntry task);

    /** Kills one of its tasks; {@code policy}, when given, overrides the task's own kill policy. */
    abstract void kill(TaskID taskId, Optional<KillPolicy> policy);

    /** Asks the executor to end, then makes sure it does. Idempotent. */
    abstract void shutdown();

    /** The command whose URIs fill the sandbox and whose user runs the process. */
    abstract CommandInfo command();

    /** What to run and with which extra environment; called on the actor thread just before the process starts. */
    abstract List<String> argv() throws LaunchException;

    abstract Map<String, String> environment() throws LaunchException;

    /** Called just before the process starts. */
    void launching() {}

    /** Called once the process started. */
    abstract void launched();

    /** Called once a run recovered after an agent restart watches its process again. */
    abstract void resumed();

    /**
     * Where the first process's supervisor writes its exit status, for a run whose process runs under a supervisor
     * ({@link org.meseta.agent.internal.executor.ContainerLauncher#launchHeld}); empty for none. The agent's own
     * executors of a checkpointing framework run supervised, so that a restarted agent learns how they ended.
     */
    Optional<Path> supervision() {
        return checkpoint.statusFile();
    }

    /** Called when the process ended, before unfinished tasks fail. */
    abstract void exitedWith(ExitStatus status);

    /** Called once the run ended, its tasks' final updates given; {@code status} is empty if nothing ran. */
    abstract void terminated(Optional<ExitStatus> status);

    /** The {@code ContainerInfo} the framework gave the executor, which its isolators get. */
    Optional<ContainerInfo> containerInfo() {
        return info.hasContainer() ? Optional.of(info.getContainer()) : Optional.empty();
    }

    /** The user the framework asked for: the command's, else the framework's. */
    Optional<String> user() {
        CommandInfo command = command();
        if (command.hasUser()) {
            return Optional.of(command.getUser());
        }
        return framework.hasUser() ? Optional.of(framework.getUser()) : Optional.empty();
    }

    /** Fills the sandbox off the actor thread, then starts the process back on it. */
    final void start() {
        CommandInfo command = command();
        Optional<String> user = user();
        CompletableFuture.supplyAsync(() -> prepare(command, user), context.blocking())
                .whenComplete((runAs, failure) -> context.actor().run(() -> prepared(runAs, failure)));
    }

    private Optional<RunAs> prepare(CommandInfo command, Optional<String> user) {
        try {
            context.fetcher().fetch(command.getUrisList(), sandbox.directory());
            Optional<RunAs> runAs = context.users().resolve(user);
            if (runAs.isPresent()) {
                runAs.get().chown(sandbox.directory());
            }
            return runAs;
        } catch (FetchException | LaunchException e) {
            throw new CompletionException(e);
        } catch (IOException e) {
            throw new CompletionException(new LaunchException("Failed to give the sandbox to user '"
                    + user.orElse("") + "': " + e.getMessage(), e));
        }
    }

    private void prepared(Optional<RunAs> resolved, Throwable failure) {
        if (state != ExecutorState.LAUNCHING) {
            terminate(Termination.EXECUTOR_TERMINATED, Optional.empty()); // shut down while its sandbox was filled
            return;
        }
        if (failure != null) {
            terminate(Termination.launchFailed(causeOf(failure).getMessage()), Optional.empty());
            return;
        }
        runAs = resolved;
        List<String> argv;
        Map<String, String> environment;
        try {
            argv = argv();
            environment = environment();
        } catch (LaunchException e) {
            terminate(Termination.launchFailed(e.getMessage()), Optional.empty());
            return;
        }
        launching();
        ContainerConfig config = new ContainerConfig(isolatedId(), sandbox.directory(), user(),
                Limits.of(resources()), containerInfo());
        // Forking blocks for a while on a busy machine: off the actor thread, like filling the sandbox.
        Optional<Path> supervision = supervision();
        CompletableFuture.supplyAsync(() -> launch(argv, environment, resolved, config, supervision),
                        context.blocking())
                .whenComplete((started, error) -> context.actor().run(() -> started(started, error)));
    }

    /** A started, isolated container, how it was started and the first limitation its isolators report. */
    private record Launched(Container container, ContainerLaunchInfo launch,
            CompletableFuture<Limitation> limitation) {}

    private Launched launch(List<String> argv, Map<String, String> environment, Optional<RunAs> runAs,
            ContainerConfig config, Optional<Path> supervision) {
        ContainerLaunchInfo launch;
        try {
            launch = context.containerizer().prepare(config);
        } catch (LaunchException e) {
            throw new CompletionException(e);
        }
        Container started = null;
        try {
            // Held until isolated, so that the task's code runs in its cgroups from its first instruction.
            started = context.launcher().launchHeld(argv, environment, sandbox, runAs, launch, supervision);
            checkpointPid(started.pid());
            CompletableFuture<Limitation> limitation = context.containerizer().isolate(config.id(), started.pid());
            started.release();
            return new Launched(started, launch, limitation);
        } catch (LaunchException e) {
            if (started != null) {
                started.kill();
            }
            context.containerizer().cleanup(config.id());
            throw new CompletionException(e);
        }
    }

    /** Checkpointed before the process runs its program, so that a restarted agent finds it whatever it does. */
    private void checkpointPid(long pid) throws LaunchException {
        try {
            checkpoint.forked(pid);
        } catch (IOException e) {
            throw new LaunchException("Failed to checkpoint the pid of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes back a run that a previous agent started and checkpointed, its tasks already {@linkplain #restore
     * restored}: watches its process again ({@code live}) with the isolators' {@code limitation}, or, when the
     * process ended while no agent ran, ends the run as it ended (its supervisor's exit status, if it had one).
     */
    final void recover(Optional<Container> live, CompletableFuture<Limitation> limitation) {
        attachSandbox();
        if (live.isEmpty()) {
            exited(Container.recordedStatus(supervision()));
            return;
        }
        container = live.get();
        LOG.log(System.Logger.Level.INFO, "Recovered executor {0} of framework {1}: process {2} in {3}",
                id().getValue(), frameworkId().getValue(), container.pid(), sandbox.directory());
        limitation.thenAccept(limit -> context.actor().run(() -> limited(limit)));
        container.exited().whenComplete((status, error) -> context.actor().run(() -> exited(status)));
        resumed();
    }

    /**
     * Puts back a task of a recovered run with the updates the agent took for it; a terminal update the framework
     * acknowledged makes it completed.
     */
    final void restore(TaskEntry task, List<TaskStatus> updates, boolean terminalAcknowledged) {
        tasks.put(task.id(), task);
        if (!updates.isEmpty()) {
            task.delivered();
        }
        updates.forEach(update -> apply(task, update));
        if (terminalAcknowledged) {
            complete(task);
        }
    }

    private void started(Launched launched, Throwable failure) {
        if (failure != null) {
            terminate(Termination.launchFailed(causeOf(failure).getMessage()), Optional.empty());
            return;
        }
        container = launched.container();
        launchInfo = launched.launch();
        launched.limitation().thenAccept(limit -> context.actor().run(() -> limited(limit)));
        LOG.log(System.Logger.Level.INFO, "Started executor {0} of framework {1} as process {2} in {3}",
                id().getValue(), frameworkId().getValue(), container.pid(), sandbox.directory());
        container.exited().whenComplete((status, error) -> context.actor().run(() -> exited(status)));
        if (state != ExecutorState.LAUNCHING) {
            signal(Container::kill); // killed or shut down while the process was starting; exited() follows
            return;
        }
        launched();
    }

    private static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void exited(ExitStatus status) {
        Container ended = container;
        // What the process left running dies with it; only then do the isolators let the container go.
        context.blocking().execute(() -> {
            if (ended != null) {
                ended.kill();
            }
            context.containerizer().cleanup(isolatedId());
        });
        LOG.log(System.Logger.Level.INFO, "Executor {0} of framework {1} {2}", id().getValue(),
                frameworkId().getValue(), status.describe());
        exitedWith(status);
        terminate(limitation.or(this::pendingTermination).orElse(Termination.EXECUTOR_TERMINATED),
                Optional.of(status));
    }

    /** An isolator found the container beyond a limit: it is killed, and its tasks fail with the limitation. */
    private void limited(Limitation limit) {
        if (state == ExecutorState.TERMINATED || limitation.isPresent()) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "Killing container {0} of executor {1} of framework {2}: {3}",
                containerId.getValue(), id().getValue(), frameworkId().getValue(), limit.message());
        limitation = Optional.of(new Termination(TaskState.TASK_FAILED, limit.reason(), limit.message()));
        state = ExecutorState.TERMINATING;
        signal(Container::kill);
    }

    /**
     * Kills every process of the run at once (blocking, on the actor thread): the agent stops and will not recover
     * it. Its container's processes by default.
     */
    void killAll() {
        Container target = container;
        if (target != null) {
            target.kill();
        }
    }

    /** Tells the master that the executor ended ({@code status} empty when no process ran), as Mesos's agent does. */
    final void reportExited(Optional<ExitStatus> status) {
        // Mesos reports -1 when no process ran or its status is unknown.
        int waitStatus = status.map(ExitStatus::waitStatus).orElse(-1);
        context.master().accept(new AgentCall.ExecutorExited(context.agent().get().getId(), frameworkId(),
                Event.Failure.newBuilder().setAgentId(context.agent().get().getId()).setExecutorId(id())
                        .setStatus(waitStatus).build()));
    }

    /** Whether an isolator's limitation ends the run: the agent, not the executor, then reports its tasks. */
    final boolean limited() {
        return limitation.isPresent();
    }

    /** The container's id as the isolators know it. */
    final ContainerId isolatedId() {
        return new ContainerId(containerId.getValue());
    }

    /** The executor's own resources plus those of its tasks that have not ended: what its container may use. */
    final List<Resource> resources() {
        List<Resource> resources = new ArrayList<>(info.getResourcesList());
        for (TaskEntry task : tasks.values()) {
            if (!task.isTerminal()) {
                resources.addAll(task.info().getResourcesList());
            }
        }
        return resources;
    }

    /** Its tasks changed: a running container's isolators learn its new limits (off the actor thread). */
    final void resourcesChanged() {
        if (container != null && state != ExecutorState.TERMINATED) {
            ContainerLimits limits = Limits.of(resources());
            context.blocking().execute(() -> context.containerizer().update(isolatedId(), limits));
        }
    }

    /**
     * Sends a signal to every process of the container, off the actor thread: finding the processes of a session
     * reads {@code /proc}.
     */
    final void signal(Consumer<Container> signal) {
        Container target = container;
        context.blocking().execute(() -> signal.accept(target));
    }

    /** Why the run is ending, if the agent decided it (e.g. the executor never subscribed). */
    Optional<Termination> pendingTermination() {
        return Optional.empty();
    }

    private void terminate(Termination termination, Optional<ExitStatus> status) {
        state = ExecutorState.TERMINATED;
        for (TaskEntry task : List.copyOf(tasks.values())) {
            if (!task.isTerminal()) {
                report(agentStatus(task.id(), termination.state(), termination.reason(), termination.message()));
            }
        }
        terminated(status);
        changed.accept(this);
    }

    /**
     * Takes a status update for one of its tasks (or one it does not know) into the update manager; while the
     * framework is shut down the update is not sent (as in Mesos) and counts as acknowledged at once.
     */
    final void report(TaskStatus status) {
        TaskEntry task = tasks.get(status.getTaskId());
        if (frameworkTerminating) {
            if (task != null) {
                apply(task, status);
                acknowledged(status);
            }
            return;
        }
        boolean taken = context.updates().update(frameworkId(), status);
        if (taken && task != null) {
            apply(task, status);
        }
    }

    private void apply(TaskEntry task, TaskStatus status) {
        TaskState before = task.state();
        task.apply(status);
        context.taskCounters().changed(before, task.state());
    }

    /**
     * The framework is shut down on this agent: tasks that ended stop waiting for acknowledgements, and the updates
     * of the others will not be sent. The caller shuts the run down.
     */
    final void frameworkTerminating() {
        frameworkTerminating = true;
        for (TaskEntry task : List.copyOf(tasks.values())) {
            if (task.isTerminal()) {
                complete(task);
            }
        }
    }

    /**
     * A task the executor has not been given yet is killed, as Mesos's agent kills it: with the tasks of its task
     * group, all {@code TASK_KILLED} with {@code REASON_TASK_KILLED_DURING_LAUNCH}.
     */
    final void killQueued(TaskEntry task) {
        List<TaskEntry> killed = task.group().isEmpty() ? List.of(task) : tasks.values().stream()
                .filter(other -> task.group().contains(other.id()) && !other.isDelivered() && !other.isTerminal())
                .toList();
        for (TaskEntry queued : killed) {
            report(agentStatus(queued.id(), TaskState.TASK_KILLED, TaskStatus.Reason.REASON_TASK_KILLED_DURING_LAUNCH,
                    "Killed before delivery to the executor"));
        }
    }

    /** A fresh update from the agent itself about one of the tasks. */
    TaskStatus agentStatus(TaskID taskId, TaskState state, TaskStatus.Reason reason, String message) {
        return TaskStatuses.of(taskId, state, TaskStatus.Source.SOURCE_AGENT, context.agent().get().getId(),
                Optional.of(id())).setReason(reason).setMessage(message).build();
    }

    /** The framework acknowledged an update of one of the tasks: a terminal one makes the task completed. */
    final void acknowledged(TaskStatus status) {
        TaskEntry task = tasks.get(status.getTaskId());
        if (task != null && TaskStates.isTerminal(status.getState())) {
            complete(task);
        }
    }

    private void complete(TaskEntry task) {
        tasks.remove(task.id());
        completed.addLast(task);
        if (completed.size() > MAX_COMPLETED_TASKS) {
            completed.removeFirst();
        }
        changed.accept(this);
    }

    boolean owns(TaskID taskId) {
        return tasks.containsKey(taskId);
    }

    boolean acceptsTasks() {
        return state.acceptsTasks();
    }

    /** It ended and none of its tasks waits for an acknowledgement. */
    boolean isDone() {
        return state == ExecutorState.TERMINATED && tasks.isEmpty();
    }

    /** Whether a restarted agent recovers this run: its framework checkpoints. */
    boolean isRecoverable() {
        return checkpoint.isFull();
    }

    /**
     * Records a status update the agent took for one of its tasks; a failure is logged, as the update itself is
     * still delivered while this agent runs.
     */
    final void checkpointUpdate(TaskStatus status) {
        try {
            checkpoint.update(status);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Cannot checkpoint {0} of task {1}: {2}; an agent restart would not"
                    + " know of it", status.getState(), status.getTaskId().getValue(), e.getMessage());
        }
    }

    /** Records the framework's acknowledgement of an update of one of its tasks. */
    final void checkpointAcknowledgement(TaskID taskId, ByteString uuid) {
        try {
            checkpoint.acknowledged(taskId, uuid);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Cannot checkpoint an acknowledgement of task {0}: {1}",
                    taskId.getValue(), e.getMessage());
        }
    }

    /** Forgets the run's checkpoint, off the actor thread: it is done. */
    final void removeCheckpoint() {
        context.blocking().execute(() -> {
            try {
                checkpoint.remove();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot remove the checkpoint of container {0}: {1}",
                        containerId.getValue(), e.getMessage());
            }
        });
    }

    /** Whether some task may still run: not every live task has ended. */
    boolean hasUnfinishedTasks() {
        return tasks.values().stream().anyMatch(task -> !task.isTerminal());
    }

    Collection<TaskEntry> liveTasks() {
        return tasks.values();
    }

    Collection<TaskEntry> completedTasks() {
        return completed;
    }

    /** How long the executor has to end once asked to: its own shutdown grace period, else the agent's. */
    final Duration shutdownGracePeriod() {
        return info.hasShutdownGracePeriod()
                ? Duration.ofNanos(Math.max(0, info.getShutdownGracePeriod().getNanoseconds()))
                : context.settings().shutdownGracePeriod();
    }

    /** The time between SIGTERM and SIGKILL: the kill's policy, else the task's, else 3 s as in Mesos. */
    static Duration gracePeriod(TaskEntry task, Optional<KillPolicy> override) {
        Optional<KillPolicy> policy = override.filter(KillPolicy::hasGracePeriod)
                .or(() -> Optional.of(task.info().getKillPolicy()).filter(KillPolicy::hasGracePeriod));
        return policy.map(p -> Duration.ofNanos(Math.max(0, p.getGracePeriod().getNanoseconds())))
                .orElse(DEFAULT_KILL_GRACE_PERIOD);
    }
}
