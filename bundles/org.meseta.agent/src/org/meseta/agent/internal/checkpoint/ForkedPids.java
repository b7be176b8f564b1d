package org.meseta.agent.internal.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pids of the processes of runs whose framework does not checkpoint, so that a restarted agent finds and kills
 * them: one line each in {@value #FILE} in the agent's meta directory, appended when a process starts and when its
 * run ends, where a checkpointed run has directories and files of its own. Agents start and end such runs by the
 * hundred a second, and a file system pays for every directory made and removed (ext4 without a journal looks through
 * every inode freed in the last 30 seconds for each one it allocates); a line costs no inode. The file is rewritten
 * with the live entries only once it grows past {@value #COMPACT_BYTES} bytes.
 *
 * <p>Lines: {@code + <epoch millis> <pid> <key>} for a process started, {@code - <run key>} for a run ended, where a
 * run's key is its directory's path under the agent's meta directory ({@code frameworks/<f>/executors/<e>/runs/<c>},
 * as {@link MetaLayout} would name it) and a task's own process (a task of a task group) has the run's key followed
 * by {@code /tasks/<task>}; {@code %}, CR and LF in keys are percent-encoded. Appends are not forced to disk, as a
 * crash of the machine ends the processes too, and a line such a crash cut short is ignored. Thread-safe: the
 * agents of one JVM share a lock.
 */
final class ForkedPids {

    static final String FILE = "forked.pids";
    private static final long COMPACT_BYTES = 256 * 1024;
    private static final String TASKS = "/tasks/";
    /** {@code frameworks/<f>/executors/<e>/runs/<c>}. */
    private static final int RUN_SEGMENTS = 6;
    private static final Object LOCK = new Object();

    /** A process started: its pid, and when that was written down. */
    record Entry(long pid, Instant written) {}

    /** The processes of one run that has not ended: its first process, if it started, and its tasks' own. */
    record Run(Path directory, Map<String, Entry> processes) {

        static final String FIRST = "";

        /** The first process, if written down. */
        Entry first() {
            return processes.get(FIRST);
        }

        /** The tasks' own processes, by task id. */
        Map<String, Entry> tasks() {
            Map<String, Entry> tasks = new LinkedHashMap<>(processes);
            tasks.remove(FIRST);
            return tasks;
        }
    }

    private final MetaLayout layout;
    private final Path file;

    ForkedPids(MetaLayout layout) {
        this.layout = layout;
        this.file = layout.agent().resolve(FILE);
    }

    /** Writes down the first process of the run in {@code run} (its directory as {@link MetaLayout} names it). */
    void started(Path run, long pid) throws IOException {
        append("+ " + System.currentTimeMillis() + " " + pid + " " + key(run) + "\n");
    }

    /** Writes down the own process of task {@code taskId} of the run in {@code run}. */
    void taskStarted(Path run, String taskId, long pid) throws IOException {
        append("+ " + System.currentTimeMillis() + " " + pid + " " + key(run) + TASKS + encode(taskId) + "\n");
    }

    /** The run in {@code run} ended: none of its processes needs killing any more. */
    void ended(Path run) throws IOException {
        synchronized (LOCK) {
            append("- " + key(run) + "\n");
            if (Files.size(file) > COMPACT_BYTES) {
                rewrite(live());
            }
        }
    }

    /**
     * The runs with processes written down that have not ended, in the order they started; the file keeps only
     * their entries from now on. For the agent's start.
     *
     * @throws IOException if the file cannot be read, or naming its line that is not one this class writes
     */
    List<Run> runs() throws IOException {
        synchronized (LOCK) {
            Map<String, Map<String, Entry>> live = live();
            if (Files.exists(file)) {
                rewrite(live); // also drops a line cut short, which the next append would otherwise continue
            }
            return live.entrySet().stream().map(run -> new Run(layout.agent().resolve(decode(run.getKey())),
                    run.getValue())).toList();
        }
    }

    /** The processes of the runs not ended, by the run's key, each by task id ({@link Run#FIRST} the first). */
    private Map<String, Map<String, Entry>> live() throws IOException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        }
        // What follows the last line end is an append the machine's crash cut short: its process is gone too.
        List<String> lines = content.substring(0, content.lastIndexOf('\n') + 1).lines().toList();
        Map<String, Map<String, Entry>> runs = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!apply(lines.get(i), runs)) {
                throw new IOException(file + ", line " + (i + 1) + ", is not an entry of started processes: '"
                        + lines.get(i) + "'");
            }
        }
        return runs;
    }

    /** Applies one line to {@code runs}; false if it is not one this class writes. */
    private static boolean apply(String line, Map<String, Map<String, Entry>> runs) {
        String[] fields = line.split(" ", 4);
        if (fields.length == 2 && fields[0].equals("-")) {
            runs.remove(fields[1]);
            return true;
        }
        if (fields.length != 4 || !fields[0].equals("+")) {
            return false;
        }
        String[] segments = fields[3].split("/", -1);
        boolean ofTask = segments.length == RUN_SEGMENTS + 2 && segments[RUN_SEGMENTS].equals("tasks");
        if (segments.length != RUN_SEGMENTS && !ofTask) {
            return false;
        }
        Entry entry;
        try {
            entry = new Entry(Long.parseLong(fields[2]), Instant.ofEpochMilli(Long.parseLong(fields[1])));
        } catch (NumberFormatException e) {
            return false;
        }
        runs.computeIfAbsent(String.join("/", Arrays.copyOf(segments, RUN_SEGMENTS)), run -> new LinkedHashMap<>())
                .put(ofTask ? decode(segments[RUN_SEGMENTS + 1]) : Run.FIRST, entry);
        return true;
    }

    /** Replaces the file with the entries of {@code runs}, written aside and renamed. */
    private void rewrite(Map<String, Map<String, Entry>> runs) throws IOException {
        StringBuilder content = new StringBuilder();
        runs.forEach((run, processes) -> processes.forEach((task, entry) -> content.append("+ ")
                .append(entry.written().toEpochMilli()).append(' ').append(entry.pid()).append(' ').append(run)
                .append(task.equals(Run.FIRST) ? "" : TASKS + encode(task)).append('\n')));
        Path temp = file.resolveSibling(FILE + ".new");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void append(String line) throws IOException {
        synchronized (LOCK) {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
    }

    private String key(Path run) {
        return encode(layout.agent().relativize(run).toString());
    }

    private static String encode(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String decode(String text) {
        return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }
}
