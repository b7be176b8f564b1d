package org.meseta.agent.internal.tasks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ContainerStatus;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.checkpoint.RunCheckpoint;
import org.meseta.agent.internal.executor.CommandLine;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.ExitStatus;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.RunAs;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.agent.internal.fetcher.FetchException;
import org.meseta.agent.internal.health.CheckedTask;
import org.meseta.containerizer.api.ContainerLaunchInfo;
import org.meseta.daemon.Actor;

/**
 * The agent's built-in default executor (executor type {@code DEFAULT}), which runs task groups as Mesos's
 * {@code mesos-default-executor} does, without an executor JVM. Its container's first process is a small shell that
 * only waits (the executor's own process, given the executor's resources); each task of its groups runs as a process
 * of its own, in a session of its own, in that container (its isolators, its cgroups; the container's limits are the
 * executor's resources plus those of its tasks that have not ended), with its own sandbox {@code tasks/<task id>}
 * ({@link Sandbox#createNested}) as {@code MESOS_SANDBOX}. Further groups for the same executor join the container.
 *
 * <p>Each task reports as the command executor's do ({@link TaskProcess}), its updates naming its own (nested)
 * container: {@code TASK_STARTING}, {@code TASK_RUNNING}, then its end. As Mesos's default executor: a task that
 * fails or is killed has the other tasks of its group killed ({@code TASK_KILLED}, SIGKILL 3 s after SIGTERM), so
 * that killing one task kills its group; a kill of a task already being killed changes nothing; a shutdown kills
 * every task; once no task is left the executor ends (its process exits with status 0) and the master hears of it.
 * A task whose process ended while no agent ran reports the status its supervisor recorded. Confined to the agent's
 * actor thread.
 */
final class DefaultExecutor extends ExecutorRun implements RunsTaskGroups {

    private static final System.Logger LOG = System.getLogger(DefaultExecutor.class.getName());
    /** The executor's own process: waits until asked to end (SIGTERM), then exits with status 0. */
    private static final List<String> EXECUTOR_PROCESS = List.of("/bin/sh", "-c",
            "trap 'exit 0' TERM; while :; do sleep 3600 & wait $!; done");

    private static final int SIGTERM = 15;

    private final Map<TaskID, GroupTask> groupTasks = new LinkedHashMap<>();
    /** The groups being killed because one of their tasks failed or was killed, by their tasks' ids. */
    private final Set<List<TaskID>> groupsKilled = new HashSet<>();
    private boolean shuttingDown;
    private boolean ending;
    private Actor.Timer endTimer = () -> {};

    /** @param info with {@code framework_id} set */
    DefaultExecutor(ExecutorContext context, FrameworkInfo framework, ExecutorInfo info, Sandbox sandbox,
            ContainerID containerId, RunCheckpoint checkpoint, Consumer<ExecutorRun> changed) {
        super(context, framework, info, sandbox, containerId, checkpoint, changed);
    }

    /** One task of a group: what its executor reports of it, and its process and sandbox once started. */
    private final class GroupTask {

        final TaskProcess process;
        final ContainerID nestedId;
        Container container;
        CheckedTask checked;

        GroupTask(TaskEntry task, ContainerID nestedId) {
            this.nestedId = nestedId;
            this.process = new TaskProcess(context, () -> framework, task, id(), DefaultExecutor.this::report,
                    status -> status.setContainerStatus(ContainerStatus.newBuilder().setContainerId(nestedId)),
                    TaskProcess.Signals.through(this::signal),
                    () -> DefaultExecutor.this.kill(task.id(), Optional.empty()));
        }

        TaskEntry task() {
            return process.task();
        }

        /** SIGKILL to every process of the task. */
        void kill() {
            signal(Container::kill);
        }

        /** Off the actor thread; nothing before the process started ({@link #taskStarted} kills it then). */
        void signal(Consumer<Container> signal) {
            Container target = container;
            if (target != null) {
                context.blocking().execute(() -> signal.accept(target));
            }
        }
    }

    private ContainerID nestedId(String value) {
        return ContainerID.newBuilder().setValue(value).setParent(containerId).build();
    }

    @Override
    void run(TaskEntry task) {
        throw new IllegalStateException("A default executor runs task groups, not single tasks");
    }

    @Override
    public void runGroup(List<TaskEntry> group) {
        for (TaskEntry task : group) {
            tasks.put(task.id(), task);
            groupTasks.put(task.id(), new GroupTask(task, nestedId(UUID.randomUUID().toString())));
        }
        resourcesChanged();
        if (state == ExecutorState.RUNNING) {
            group.forEach(task -> launchTask(groupTasks.get(task.id())));
        }
    }

    /** The default executor has no command: its sandbox needs nothing fetched, and it runs as its framework's user. */
    @Override
    CommandInfo command() {
        return CommandInfo.getDefaultInstance();
    }

    @Override
    List<String> argv() {
        return EXECUTOR_PROCESS;
    }

    @Override
    Map<String, String> environment() throws LaunchException {
        return ExecutorEnvironment.forExecutor(context.settings(), context.agent().get().getId(), framework, info,
                sandbox, shutdownGracePeriod());
    }

    @Override
    void launched() {
        state = ExecutorState.RUNNING;
        try {
            checkpoint.launchWrapper(launchInfo.wrapper());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Cannot checkpoint how executor {0} starts processes: {1}; tasks it"
                    + " is given after an agent restart start without its isolators'' wrappers", id().getValue(),
                    e.getMessage());
        }
        groupTasks.values().stream().filter(task -> !task.task().isDelivered() && !task.task().isTerminal())
                .toList().forEach(this::launchTask);
    }

    /** Starts a task's process in the container: off the actor thread, as the executor's own process started. */
    private void launchTask(GroupTask task) {
        task.process.starting();
        TaskStart start = new TaskStart(task.task().info(), task.task().user(), task.nestedId.getValue(),
                info, framework, launchInfo,
                checkpoint.taskStatusFile(task.task().id()));
        CompletableFuture.supplyAsync(() -> startTask(start), context.blocking())
                .whenComplete((started, failure) -> context.actor().run(() -> taskStarted(task, started, failure)));
    }

    /** What starting a task's process needs, taken on the actor thread. */
    private record TaskStart(TaskInfo task, Optional<String> user, String nestedId, ExecutorInfo executor,
            FrameworkInfo framework, ContainerLaunchInfo launch, Optional<Path> statusFile) {}

    /** A task's process, started and isolated, and how its health checks reach it. */
    private record Started(Container container, CheckedTask checked) {}

    /**
     * Creates the task's sandbox, fetches its URIs into it and hands it to the task's user, then starts its process
     * held, records its pid, puts it in the container and releases it. Blocking.
     */
    private Started startTask(TaskStart start) {
        String taskId = start.task().getTaskId().getValue();
        try {
            Sandbox nested = sandbox.createNested(start.nestedId(), taskId);
            context.fetcher().fetch(start.task().getCommand().getUrisList(), nested.directory());
            Optional<RunAs> runAs = context.users().resolve(start.user());
            if (runAs.isPresent()) {
                runAs.get().chown(nested.directory());
            }
            Map<String, String> environment = ExecutorEnvironment.forGroupTask(context.settings(),
                    context.agent().get().getId(), start.framework(), start.executor(), start.task(), nested);
            List<String> argv = CommandLine.argv(start.task().getCommand());
            Container process = context.launcher().launchHeld(argv, environment, nested, runAs, start.launch(),
                    start.statusFile());
            try {
                checkpoint.taskForked(start.task().getTaskId(), process.pid());
                context.containerizer().join(isolatedId(), process.pid());
                process.release();
            } catch (IOException | LaunchException e) {
                process.kill();
                throw e;
            }
            return new Started(process, new CheckedTask(taskId, context.launcher(), nested, environment, runAs));
        } catch (FetchException | LaunchException e) {
            throw new CompletionException(e);
        } catch (IOException e) {
            throw new CompletionException(new LaunchException("Failed to start task " + taskId + ": "
                    + e.getMessage(), e));
        }
    }

    private void taskStarted(GroupTask task, Started started, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.log(System.Logger.Level.WARNING, "Task {0} of executor {1} did not start: {2}",
                    task.task().id().getValue(), id().getValue(), cause.getMessage());
            finish(task, task.process.status(TaskState.TASK_FAILED)
                    .setReason(TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED)
                    .setMessage("Failed to launch container: " + cause.getMessage()).build());
            return;
        }
        task.container = started.container();
        task.checked = started.checked();
        watch(task);
        if (state == ExecutorState.TERMINATED || task.task().isTerminal()) {
            task.kill(); // the executor ended while the task's process started
        } else if (task.process.isKilled()) {
            task.kill(); // killed while it started: its grace period is spent
        } else {
            task.process.running(task.checked);
        }
    }

    private void watch(GroupTask task) {
        task.container.exited().whenComplete((status, error) -> context.actor().run(
                () -> taskExited(task, status == null ? ExitStatus.unknown() : status)));
    }

    /** A task's process ended: what it left running is killed, and the task ends as its exit status says. */
    private void taskExited(GroupTask task, ExitStatus status) {
        task.kill();
        if (task.task().isTerminal() || limited()) {
            task.process.stop(); // the agent reported it already, or reports the container's limitation
            return;
        }
        finish(task, ended(task, status));
    }

    private static TaskStatus ended(GroupTask task, ExitStatus status) {
        if (status.isUnknown()) {
            task.process.stop();
            return task.process.status(TaskState.TASK_FAILED).setMessage("Command terminated with unknown status")
                    .build();
        }
        return task.process.ended(status);
    }

    /**
     * Reports a task's end. As Mesos's default executor: a task that failed or was killed has the rest of its group
     * killed, unless the executor is shutting down; once no task is left, the executor ends.
     */
    private void finish(GroupTask task, TaskStatus end) {
        task.process.stop();
        report(end);
        resourcesChanged();
        if (!shuttingDown && (end.getState() == TaskState.TASK_FAILED || end.getState() == TaskState.TASK_KILLED)) {
            killGroupOf(task);
        }
        if (!hasUnfinishedTasks()) {
            end();
        }
    }

    private void killGroupOf(GroupTask failed) {
        List<TaskID> group = failed.task().group();
        if (!groupsKilled.add(group)) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "Killing task group containing tasks {0}", group.stream()
                .map(TaskID::getValue).toList());
        for (TaskID id : group) {
            GroupTask other = groupTasks.get(id);
            if (other != null && other != failed && !other.task().isTerminal() && !other.process.isKilled()) {
                other.process.kill(DEFAULT_KILL_GRACE_PERIOD);
            }
        }
    }

    /**
     * The framework kills a task (or its health check does). As Mesos's default executor: ignored while the
     * executor shuts down or when the task is being killed already; a task not started yet is killed with its
     * group at once.
     */
    @Override
    void kill(TaskID taskId, Optional<KillPolicy> policy) {
        GroupTask task = groupTasks.get(taskId);
        if (task == null || task.task().isTerminal()) {
            return;
        }
        if (!state.acceptsTasks()) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring the kill of task {0}: executor {1} is shutting down",
                    taskId.getValue(), id().getValue());
        } else if (!task.task().isDelivered()) {
            killQueued(task.task());
            if (!hasUnfinishedTasks()) {
                shutdown();
            }
        } else if (task.process.isKilled()) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring the kill of task {0}: it is being killed",
                    taskId.getValue());
        } else {
            task.process.kill(gracePeriod(task.task(), policy));
        }
    }

    /** Kills every task (SIGKILL 3 s after SIGTERM, sooner with a shorter executor shutdown grace period). */
    @Override
    void shutdown() {
        switch (state) {
            case LAUNCHING -> state = ExecutorState.TERMINATING;
            case REGISTERING, RUNNING -> {
                state = ExecutorState.TERMINATING;
                shuttingDown = true;
                Duration grace = DEFAULT_KILL_GRACE_PERIOD.compareTo(shutdownGracePeriod()) < 0
                        ? DEFAULT_KILL_GRACE_PERIOD : shutdownGracePeriod();
                for (GroupTask task : groupTasks.values()) {
                    if (!task.task().isTerminal() && !task.process.isKilled()) {
                        task.process.kill(grace);
                    }
                }
                endTimer = context.actor().schedule(shutdownGracePeriod(), () -> signal(Container::kill));
                if (!hasUnfinishedTasks()) {
                    end();
                }
            }
            case TERMINATING, TERMINATED -> { }
        }
    }

    /** No task is left: the executor's process is asked to end, and killed if it has not after the grace period. */
    private void end() {
        if (ending || container == null) {
            return;
        }
        ending = true;
        state = ExecutorState.TERMINATING;
        signal(Container::terminate);
        endTimer.cancel();
        endTimer = context.actor().schedule(shutdownGracePeriod(), () -> signal(Container::kill));
    }

    /**
     * Takes back the tasks of a run a previous agent started, already {@linkplain #restore restored}: their
     * processes that still run ({@code processes}, by task id) are watched again once the run is, and
     * {@code wrapper} starts the processes of tasks given to it from now on.
     */
    void recoverTasks(Map<TaskID, Container> processes, List<String> wrapper) {
        launchInfo = new ContainerLaunchInfo(wrapper);
        for (TaskEntry task : tasks.values()) {
            ContainerID nested = nestedId(nestedIdOf(task.id()));
            GroupTask recovered = new GroupTask(task, nested);
            recovered.container = processes.get(task.id());
            groupTasks.put(task.id(), recovered);
        }
    }

    /** The id of the nested container the task ran in, from its sandbox's link; a fresh one if it has none. */
    private String nestedIdOf(TaskID taskId) {
        try {
            return Files.readSymbolicLink(sandbox.nested(taskId.getValue()).directory()).getFileName().toString();
        } catch (IOException | LaunchException e) {
            return UUID.randomUUID().toString();
        }
    }

    /**
     * The run outlived an agent restart: each task that still runs is watched (and health checked) again, each
     * whose process ended meanwhile ends as its supervisor recorded, and each not started yet starts now; with no
     * task left, the executor ends.
     */
    @Override
    void resumed() {
        state = ExecutorState.RUNNING;
        for (GroupTask task : List.copyOf(groupTasks.values())) {
            if (task.task().isTerminal()) {
                continue;
            }
            if (!task.task().isDelivered()) {
                launchTask(task);
            } else if (task.container != null) {
                resume(task);
            } else {
                finish(task, ended(task, Container.recordedStatus(checkpoint.taskStatusFile(task.task().id()))));
            }
        }
        if (!hasUnfinishedTasks()) {
            end(); // its tasks all ended before the agent stopped, its process did not yet
        }
    }

    private void resume(GroupTask task) {
        long pid = task.container.pid();
        context.blocking().execute(() -> {
            try {
                context.containerizer().join(isolatedId(), pid);
            } catch (LaunchException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot measure task {0} again: {1}",
                        task.task().id().getValue(), e.getMessage());
            }
        });
        watch(task);
        try {
            Sandbox nested = sandbox.nested(task.task().id().getValue());
            Map<String, String> environment = ExecutorEnvironment.forGroupTask(context.settings(),
                    context.agent().get().getId(), framework, info, task.task().info(), nested);
            task.checked = new CheckedTask(task.task().id().getValue(), context.launcher(), nested, environment,
                    runAs);
            task.process.checkHealth(task.checked);
        } catch (LaunchException e) {
            LOG.log(System.Logger.Level.ERROR, "Not health checking task {0}: {1}", task.task().id().getValue(),
                    e.getMessage());
        }
    }

    /** The executor's process ended: whatever runs of its tasks dies with it; unfinished tasks then fail. */
    @Override
    void exitedWith(ExitStatus status) {
        endTimer.cancel();
        for (GroupTask task : groupTasks.values()) {
            task.process.stop();
            task.kill();
        }
    }

    /**
     * Reports how the executor's process ended. Asked to end, it exits with status 0; one that SIGTERM reached before
     * its shell had set its trap (on a loaded machine, right after it started) ended as asked all the same.
     */
    @Override
    void terminated(Optional<ExitStatus> status) {
        endTimer.cancel();
        groupTasks.values().forEach(task -> task.process.stop());
        boolean endedAsAsked = ending && status.filter(exit -> exit.signal() == SIGTERM).isPresent();
        reportExited(endedAsAsked ? Optional.of(ExitStatus.exited(0)) : status);
    }

    /** The executor's process and every process of its tasks. */
    @Override
    void killAll() {
        super.killAll();
        groupTasks.values().stream().map(task -> task.container).filter(process -> process != null)
                .forEach(Container::kill);
    }
}
