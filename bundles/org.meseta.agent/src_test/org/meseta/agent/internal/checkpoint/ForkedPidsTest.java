package org.meseta.agent.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal of started processes of runs that are not checkpointed: what a restarted agent reads back. */
class ForkedPidsTest {

    @TempDir
    Path workDir;

    private MetaLayout layout;
    private ForkedPids pids;

    @BeforeEach
    void create() throws IOException {
        layout = MetaLayout.of(workDir, "agent-1");
        Files.createDirectories(layout.agent());
        pids = new ForkedPids(layout);
    }

    @Test
    void runsNotEndedAreReadBackWithTheirProcessesAndEndedOnesAreNot() throws IOException {
        Path first = run("c1");
        Path second = run("c2");
        Path group = run("c3");
        pids.started(first, 101);
        pids.started(second, 102);
        pids.started(group, 103);
        pids.taskStarted(group, "task a", 104);
        pids.taskStarted(group, "task b", 105);
        pids.ended(second);

        List<ForkedPids.Run> runs = pids.runs();

        assertEquals(List.of(first, group), runs.stream().map(ForkedPids.Run::directory).toList());
        assertEquals(101, runs.get(0).first().pid());
        assertEquals(Map.of(), runs.get(0).tasks());
        assertEquals(103, runs.get(1).first().pid());
        assertEquals(List.of("task a", "task b"), List.copyOf(runs.get(1).tasks().keySet()));
        assertEquals(105, runs.get(1).tasks().get("task b").pid());
        assertTrue(Files.notExists(first), "a run of the journal has no directory");
    }

    @Test
    void idsWithSpacesLineEndsAndPercentSignsComeBackAsTheyWere() throws IOException {
        Path run = layout.run(FrameworkID.newBuilder().setValue("f 1%").build(),
                ExecutorID.newBuilder().setValue("line\nend\r%0A").build(),
                ContainerID.newBuilder().setValue("c%25").build());
        pids.started(run, 7);
        pids.taskStarted(run, "t\n%", 8);

        ForkedPids.Run read = pids.runs().getFirst();

        assertEquals(run, read.directory());
        assertEquals(8, read.tasks().get("t\n%").pid());
        assertEquals(1, pids.runs().size(), "read again after the rewrite");
    }

    @Test
    void theFileIsRewrittenWithTheLiveEntriesOnceItGrowsLarge() throws IOException {
        Path live = run("live");
        pids.started(live, 42);
        Path file = layout.agent().resolve(ForkedPids.FILE);
        long largest = 0;
        for (int i = 0; i < 5000; i++) {
            Path ended = run("ended-" + i);
            pids.started(ended, 1000 + i);
            pids.ended(ended);
            largest = Math.max(largest, Files.size(file));
        }

        assertTrue(largest < 300 * 1024, "at most a little above the threshold: " + largest);
        assertTrue(Files.size(file) < largest, "rewritten smaller");
        List<ForkedPids.Run> runs = pids.runs();
        assertEquals(List.of(live), runs.stream().map(ForkedPids.Run::directory).toList());
        assertEquals(42, runs.getFirst().first().pid());
    }

    @Test
    void aLineACrashCutShortIsIgnoredAndDroppedBeforeTheNextAppend() throws IOException {
        Path kept = run("kept");
        pids.started(kept, 5);
        Path file = layout.agent().resolve(ForkedPids.FILE);
        Files.writeString(file, "+ 1700000000000 6 frameworks/f/exec", StandardOpenOption.APPEND);

        assertEquals(List.of(kept), pids.runs().stream().map(ForkedPids.Run::directory).toList());
        Path next = run("next");
        pids.started(next, 7);

        assertEquals(List.of(kept, next), pids.runs().stream().map(ForkedPids.Run::directory).toList());
    }

    @Test
    void aLineThatIsNoEntryIsReportedWithItsNumber() throws IOException {
        pids.started(run("c1"), 5);
        Path file = layout.agent().resolve(ForkedPids.FILE);
        Files.writeString(file, "+ soon 6 frameworks/f/executors/e/runs/c2\n", StandardOpenOption.APPEND);
        pids.started(run("c3"), 7);

        IOException failure = assertThrows(IOException.class, pids::runs);

        assertEquals(file + ", line 2, is not an entry of started processes: '+ soon 6"
                + " frameworks/f/executors/e/runs/c2'", failure.getMessage());
    }

    @Test
    void noFileMeansNoRuns() throws IOException {
        assertEquals(List.of(), pids.runs());
        assertTrue(Files.notExists(layout.agent().resolve(ForkedPids.FILE)));
    }

    private Path run(String container) {
        return layout.run(FrameworkID.newBuilder().setValue("f").build(),
                ExecutorID.newBuilder().setValue("e").build(), ContainerID.newBuilder().setValue(container).build());
    }
}
