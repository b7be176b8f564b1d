package org.meseta.agent.internal.checkpoint;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * What the agent checkpoints of one executor run ({@link MetaLayout}). Every run records the pid of its first
 * process, so that a restarted agent finds and kills what it must not recover. A run of a framework that asked for
 * checkpointing ({@code FrameworkInfo.checkpoint}) also records the framework, the executor, its tasks and their
 * status updates, from which a restarted agent recovers the run ({@link CheckpointReader}), in a directory of its
 * own; any other run has none, only lines in the agent's {@link ForkedPids}.
 *
 * <p>Files are written aside and renamed (updates are appended and forced), so a crash leaves a whole old or new
 * file. Failures to write are returned to the caller, which decides what they cost. Confined to the agent's actor
 * thread, which is where the agent decides what happened, except {@link #remove()}, which may run on another.
 */
public final class RunCheckpoint {

    /**
     * Guards the executors' directories: a run's removal deletes its executor's directory once it holds no run,
     * while a new run of the same executor may be creating its own in it (on another thread).
     */
    private static final Object EXECUTOR_DIRECTORIES = new Object();

    private final ForkedPids pids;
    private final Path run;
    private final boolean full;

    private RunCheckpoint(MetaLayout layout, Path run, boolean full) {
        this.pids = new ForkedPids(layout);
        this.run = run;
        this.full = full;
    }

    /**
     * Starts the checkpoint of a new run: for a checkpointing framework its framework and executor infos.
     *
     * @throws IOException if they cannot be written
     */
    public static RunCheckpoint create(MetaLayout layout, FrameworkInfo framework, ExecutorInfo executor,
            ContainerID containerId) throws IOException {
        RunCheckpoint checkpoint = new RunCheckpoint(layout, layout.run(framework.getId(),
                executor.getExecutorId(), containerId), framework.getCheckpoint());
        if (checkpoint.full) {
            synchronized (EXECUTOR_DIRECTORIES) {
                Files.createDirectories(checkpoint.run);
                write(layout.framework(framework.getId()).resolve(MetaLayout.FRAMEWORK_INFO), framework);
                write(checkpoint.executorDirectory().resolve(MetaLayout.EXECUTOR_INFO), executor);
            }
        }
        return checkpoint;
    }

    /** The checkpoint of a run recovered from {@code run}, its directory (which only a full checkpoint has). */
    static RunCheckpoint recovered(MetaLayout layout, Path run, boolean full) {
        return new RunCheckpoint(layout, run, full);
    }

    /** Whether the run is recovered after a restart: its framework asked for checkpointing. */
    public boolean isFull() {
        return full;
    }

    /** Where a supervised first process writes its exit status: only a recovered run needs it. */
    public Optional<Path> statusFile() {
        return full ? Optional.of(MetaLayout.status(run)) : Optional.empty();
    }

    /** Records the pid of the run's first process, just after it started. */
    public void forked(long pid) throws IOException {
        if (full) {
            write(MetaLayout.forkedPid(run), Long.toString(pid).getBytes(StandardCharsets.US_ASCII));
        } else {
            pids.started(run, pid);
        }
    }

    /** Records a task given to the run (the framework's newest info replaces an older one). */
    public void task(TaskInfo task) throws IOException {
        task(task, List.of());
    }

    /**
     * Records a task given to the run, with the ids of the tasks of its task group ({@code group}, its own included;
     * empty for a task launched alone).
     */
    public void task(TaskInfo task, List<TaskID> group) throws IOException {
        if (full) {
            Path dir = MetaLayout.task(run, task.getTaskId());
            if (!group.isEmpty()) {
                write(dir.resolve(MetaLayout.TASK_GROUP), lines(group.stream().map(TaskID::getValue).toList()));
            }
            write(dir.resolve(MetaLayout.TASK_INFO), task);
        }
    }

    /**
     * Records how processes start in the run's container (the isolators' launch wrapper), for the tasks a restarted
     * agent starts in it later.
     */
    public void launchWrapper(List<String> wrapper) throws IOException {
        if (full) {
            write(run.resolve(MetaLayout.LAUNCH_WRAPPER), lines(wrapper));
        }
    }

    /**
     * Where the supervisor of the own process of task {@code taskId} (a task of a task group) writes its exit
     * status: only a recovered run needs it.
     */
    public Optional<Path> taskStatusFile(TaskID taskId) {
        return full ? Optional.of(MetaLayout.status(MetaLayout.task(run, taskId))) : Optional.empty();
    }

    /** Records the pid of the own process of task {@code taskId} (a task of a task group), just after it started. */
    public void taskForked(TaskID taskId, long pid) throws IOException {
        if (full) {
            write(MetaLayout.forkedPid(MetaLayout.task(run, taskId)),
                    Long.toString(pid).getBytes(StandardCharsets.US_ASCII));
        } else {
            pids.taskStarted(run, taskId.getValue(), pid);
        }
    }

    /** Records a status update the agent took for one of its tasks, before the agent acts on it. */
    public void update(TaskStatus status) throws IOException {
        if (full) {
            UpdateRecords.appendUpdate(updates(status.getTaskId()), status);
        }
    }

    /** Records the framework's acknowledgement of a task's update. */
    public void acknowledged(TaskID taskId, ByteString uuid) throws IOException {
        if (full) {
            UpdateRecords.appendAcknowledgement(updates(taskId), uuid);
        }
    }

    /**
     * Forgets the run: it ended and none of its tasks waits for an acknowledgement. Its executor's directory goes
     * with the executor's last run, so that an agent running task after task does not pile up empty directories (a
     * command task's executor is the task's own).
     */
    public void remove() throws IOException {
        if (!full) {
            pids.ended(run);
        }
        boolean directory = Files.exists(run);
        if (!full && !directory) {
            return; // the usual case: only an agent of an earlier version made such a run a directory
        }
        if (directory) {
            try (Stream<Path> files = Files.walk(run)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        synchronized (EXECUTOR_DIRECTORIES) {
            if (deleteIfEmpty(run.getParent())) {
                Files.deleteIfExists(executorDirectory().resolve(MetaLayout.EXECUTOR_INFO));
                deleteIfEmpty(executorDirectory());
            }
        }
    }

    /** {@code <executor>} in {@code <executor>/runs/<container>}. */
    private Path executorDirectory() {
        return run.getParent().getParent();
    }

    /** Deletes {@code directory} unless something is in it; whether it is gone now. */
    private static boolean deleteIfEmpty(Path directory) throws IOException {
        try {
            Files.deleteIfExists(directory);
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        }
    }

    private static byte[] lines(List<String> lines) {
        return lines.stream().map(line -> line + "\n").collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8);
    }

    private Path updates(TaskID taskId) throws IOException {
        return Files.createDirectories(MetaLayout.task(run, taskId)).resolve(MetaLayout.TASK_UPDATES);
    }

    private static void write(Path target, Message message) throws IOException {
        write(target, message.toByteArray());
    }

    /** Writes {@code content} aside, forced to disk, and renames it to {@code target}. */
    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".new");
        Files.write(temp, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
