package org.meseta.agent.internal.checkpoint;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;

/**
 * Reads back what a previous run of the agent checkpointed ({@link MetaLayout}, {@link ForkedPids}): every executor
 * run, whether its first process and the own processes of its tasks of task groups still run, and for checkpointing
 * frameworks the infos, tasks and status updates. Blocking
 * file-system work, done once when the agent starts. Stateless.
 */
public final class CheckpointReader {

    /**
     * A process that started this long after its pid was checkpointed is another one that got the pid since: the
     * JDK computes start times from the boot time, which the kernel gives in whole seconds.
     */
    private static final Duration START_TIME_SLACK = Duration.ofSeconds(2);

    private CheckpointReader() {}

    /**
     * Every run checkpointed under {@code layout}, in no particular order; none if nothing was.
     *
     * @throws IOException naming the file that cannot be read or is not what it should be
     */
    public static List<RecoveredRun> read(MetaLayout layout) throws IOException {
        List<RecoveredRun> runs = new ArrayList<>();
        for (Path framework : children(layout.frameworks())) {
            Optional<FrameworkInfo> frameworkInfo = read(framework.resolve(MetaLayout.FRAMEWORK_INFO),
                    FrameworkInfo.parser(), "FrameworkInfo");
            for (Path executor : children(framework.resolve("executors"))) {
                Optional<ExecutorInfo> executorInfo = read(executor.resolve(MetaLayout.EXECUTOR_INFO),
                        ExecutorInfo.parser(), "ExecutorInfo");
                Optional<RecoveredRun.Infos> infos = frameworkInfo.flatMap(f -> executorInfo.map(
                        e -> new RecoveredRun.Infos(f, e)));
                for (Path run : children(executor.resolve("runs"))) {
                    runs.add(run(layout, run, infos));
                }
            }
        }
        for (ForkedPids.Run run : new ForkedPids(layout).runs()) {
            Map<TaskID, ProcessHandle> taskProcesses = new LinkedHashMap<>();
            run.tasks().forEach((task, entry) -> process(entry.pid(), entry.written()).ifPresent(process ->
                    taskProcesses.put(TaskID.newBuilder().setValue(task).build(), process)));
            Optional<ProcessHandle> first = Optional.ofNullable(run.first())
                    .flatMap(entry -> process(entry.pid(), entry.written()));
            runs.add(new RecoveredRun(Optional.empty(), containerId(run.directory()), first,
                    MetaLayout.status(run.directory()), List.of(), taskProcesses, List.of(),
                    RunCheckpoint.recovered(layout, run.directory(), false)));
        }
        return runs;
    }

    private static ContainerID containerId(Path run) {
        return ContainerID.newBuilder().setValue(run.getFileName().toString()).build();
    }

    private static RecoveredRun run(MetaLayout layout, Path run, Optional<RecoveredRun.Infos> infos)
            throws IOException {
        List<RecoveredTask> tasks = new ArrayList<>();
        Map<TaskID, ProcessHandle> taskProcesses = new LinkedHashMap<>();
        for (Path task : children(MetaLayout.tasks(run))) {
            TaskID id = TaskID.newBuilder().setValue(task.getFileName().toString()).build();
            process(MetaLayout.forkedPid(task)).ifPresent(process -> taskProcesses.put(id, process));
            Optional<TaskInfo> info = infos.isEmpty() ? Optional.empty()
                    : read(task.resolve(MetaLayout.TASK_INFO), TaskInfo.parser(), "TaskInfo");
            if (info.isPresent()) {
                UpdateRecords.Replay replay = UpdateRecords.read(task.resolve(MetaLayout.TASK_UPDATES));
                List<TaskID> group = lines(task.resolve(MetaLayout.TASK_GROUP)).stream()
                        .map(value -> TaskID.newBuilder().setValue(value).build()).toList();
                tasks.add(new RecoveredTask(info.get(), replay.updates(), replay.acknowledged(), group));
            }
        }
        tasks.sort((a, b) -> Long.compare(firstSeen(a), firstSeen(b)));
        return new RecoveredRun(infos, containerId(run), process(MetaLayout.forkedPid(run)), MetaLayout.status(run),
                tasks, taskProcesses, lines(run.resolve(MetaLayout.LAUNCH_WRAPPER)),
                RunCheckpoint.recovered(layout, run, infos.isPresent()));
    }

    /** The lines of a text file; none if it does not exist. */
    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** When the task's first update was made, for ordering tasks as they were launched. */
    private static long firstSeen(RecoveredTask task) {
        return task.updates().isEmpty() ? Long.MAX_VALUE : (long) (task.updates().get(0).getTimestamp() * 1e6);
    }

    /** The process whose pid the file holds, if it runs and started before the file was written. */
    private static Optional<ProcessHandle> process(Path pidFile) throws IOException {
        String text;
        Instant written;
        try {
            text = Files.readString(pidFile).strip();
            written = Files.getLastModifiedTime(pidFile).toInstant();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // the agent stopped before the process started
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(pidFile + " does not hold a pid: '" + text + "'", e);
        }
        return process(pid, written);
    }

    /** The process {@code pid}, if it runs and started before {@code written}, when its pid was written down. */
    private static Optional<ProcessHandle> process(long pid, Instant written) {
        Instant latestStart = written.plus(START_TIME_SLACK);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> process.info().startInstant()
                .map(start -> !start.isAfter(latestStart)).orElse(true));
    }

    private static <M extends Message> Optional<M> read(Path file, Parser<M> parser, String type)
            throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(file + " is not a " + type + " checkpoint: "
                    + e.getMessage(), e);
        }
    }

    /** The subdirectories of {@code dir} (not the {@code latest} links), none if it does not exist. */
    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                entry -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))) {
            entries.forEach(children::add);
        }
        return children;
    }
}
