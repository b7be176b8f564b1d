package org.meseta.agent.internal.tasks;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.checkpoint.RecoveredRun;
import org.meseta.agent.internal.checkpoint.RecoveredTask;
import org.meseta.agent.internal.containerizer.Limits;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.Sandbox;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.Limitation;
import org.meseta.containerizer.api.RunningContainer;

/**
 * Takes back the executor runs a previous run of the agent checkpointed ({@code --recover=reconnect}): each becomes
 * an executor run again with its tasks in the states their checkpointed updates gave them, and the status update
 * manager gets back the updates the framework has not acknowledged, to send once the agent registers. A run whose
 * process still runs is watched again (a framework's executor must subscribe again within
 * {@code --executor_reregistration_timeout}); one whose process ended meanwhile ends now, as it ended. The tasks of a
 * default executor's run are taken back with their own processes, each watched again or ended as it ended.
 */
public final class RunRecovery {

    private final ExecutorContext context;
    private final Workload workload;

    public RunRecovery(ExecutorContext context, Workload workload) {
        this.context = context;
        this.workload = workload;
    }

    /**
     * The containers of {@code runs} that still run, as their isolators prepared them, for the isolators to
     * {@linkplain org.meseta.containerizer.api.Isolator#recover recover}.
     *
     * @throws LaunchException if a checkpointed id cannot name a sandbox
     */
    public static List<RunningContainer> running(Path workDir, String agentId, List<RecoveredRun> runs)
            throws LaunchException {
        List<RunningContainer> running = new ArrayList<>();
        for (RecoveredRun run : runs) {
            if (run.isRecoverable() && run.process().isPresent()) {
                RecoveredRun.Infos infos = run.infos().orElseThrow();
                ContainerConfig config = new ContainerConfig(new ContainerId(run.containerId().getValue()),
                        sandbox(workDir, agentId, run).directory(), user(infos, run), Limits.of(resources(infos, run)));
                running.add(new RunningContainer(config, run.process().get().pid()));
            }
        }
        return running;
    }

    /**
     * Rebuilds every recoverable run, on the actor thread before the agent registers.
     *
     * @throws LaunchException if a checkpointed id cannot name a sandbox
     */
    public void recover(List<RecoveredRun> runs) throws LaunchException {
        for (RecoveredRun run : runs) {
            if (run.isRecoverable()) {
                recover(run);
            }
        }
    }

    private void recover(RecoveredRun recovered) throws LaunchException {
        RecoveredRun.Infos infos = recovered.infos().orElseThrow();
        FrameworkInfo frameworkInfo = infos.framework();
        Framework framework = workload.framework(frameworkInfo);
        Sandbox sandbox = sandbox(context.settings().workDir(), context.agent().get().getId().getValue(), recovered);
        Consumer<ExecutorRun> changed = ended -> context.actor().run(() -> workload.reap(ended));
        List<RecoveredTask> tasks = recovered.tasks();
        ExecutorRun run;
        if (isCommandRun(recovered)) {
            run = new CommandExecutor(context, frameworkInfo, TaskEntry.of(frameworkInfo, tasks.get(0).info()),
                    sandbox, recovered.containerId(), recovered.checkpoint(), changed);
        } else if (infos.executor().getType() == ExecutorInfo.Type.DEFAULT) {
            run = new DefaultExecutor(context, frameworkInfo, infos.executor(), sandbox, recovered.containerId(),
                    recovered.checkpoint(), changed);
        } else {
            run = new CustomExecutor(context, frameworkInfo, infos.executor(), sandbox, recovered.containerId(),
                    recovered.checkpoint(), changed);
        }
        for (RecoveredTask task : tasks) {
            TaskEntry entry = run.tasks.getOrDefault(task.info().getTaskId(), TaskEntry.inGroup(frameworkInfo,
                    task.info(), task.group()));
            run.restore(entry, task.updates(), terminalAcknowledged(task));
            context.updates().recover(framework.id(), task.updates(), task.acknowledged());
        }
        if (run instanceof DefaultExecutor executor) {
            Map<TaskID, Container> processes = new HashMap<>();
            recovered.taskProcesses().forEach((taskId, process) -> processes.put(taskId,
                    Container.recovered(process, recovered.checkpoint().taskStatusFile(taskId))));
            executor.recoverTasks(processes, recovered.launchWrapper());
        }
        framework.add(run);
        Optional<Container> live = recovered.process().map(process -> Container.recovered(process,
                run.supervision()));
        CompletableFuture<Limitation> limitation = live.isPresent()
                ? context.containerizer().watch(run.isolatedId()) : new CompletableFuture<>();
        run.recover(live, limitation);
    }

    /** A command task's run: the agent's own executor ran its one task. */
    private static boolean isCommandRun(RecoveredRun run) {
        return !run.tasks().isEmpty() && !run.tasks().get(0).info().hasExecutor();
    }

    private static boolean terminalAcknowledged(RecoveredTask task) {
        if (task.updates().isEmpty()) {
            return false;
        }
        TaskStatus last = task.updates().get(task.updates().size() - 1);
        ByteString uuid = last.getUuid();
        return TaskStates.isTerminal(last.getState()) && task.acknowledged().contains(uuid);
    }

    private static Sandbox sandbox(Path workDir, String agentId, RecoveredRun run) throws LaunchException {
        RecoveredRun.Infos infos = run.infos().orElseThrow();
        return Sandbox.of(workDir, agentId, infos.framework().getId().getValue(),
                infos.executor().getExecutorId().getValue(), run.containerId().getValue());
    }

    /** As {@link ExecutorRun#user()}: the command's user, else the framework's. */
    private static Optional<String> user(RecoveredRun.Infos infos, RecoveredRun run) {
        CommandInfo command = isCommandRun(run) ? run.tasks().get(0).info().getCommand()
                : infos.executor().getCommand();
        if (command.hasUser()) {
            return Optional.of(command.getUser());
        }
        return infos.framework().hasUser() ? Optional.of(infos.framework().getUser()) : Optional.empty();
    }

    /** As {@link ExecutorRun#resources()}: the executor's and those of its tasks that have not ended. */
    private static List<Resource> resources(RecoveredRun.Infos infos, RecoveredRun run) {
        ExecutorInfo executor = infos.executor();
        List<Resource> resources = new ArrayList<>(executor.getResourcesList());
        for (RecoveredTask task : run.tasks()) {
            boolean ended = !task.updates().isEmpty()
                    && TaskStates.isTerminal(task.updates().get(task.updates().size() - 1).getState());
            if (!ended) {
                resources.addAll(task.info().getResourcesList());
            }
        }
        return resources;
    }
}
