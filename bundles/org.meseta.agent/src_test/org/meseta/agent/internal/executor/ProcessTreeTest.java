package org.meseta.agent.internal.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meseta.testing.Eventually;

/** Sessions of real processes, looked up one by one, together, and by many threads at once. */
class ProcessTreeTest {

    private static final String SETSID = "/usr/bin/setsid";

    private final List<Process> leaders = new ArrayList<>();

    @BeforeEach
    void needSetsid() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(SETSID)), "util-linux setsid");
    }

    @AfterEach
    void stop() {
        leaders.forEach(leader -> ProcessTree.session(leader.pid()).forEach(ProcessHandle::destroyForcibly));
    }

    @Test
    void aSessionIsItsLeaderAndWhatItStartedEvenOnceReparented() throws Exception {
        // The subshell starts a sleep in the background and ends: that sleep is nobody's child of the leader's.
        Process leader = session("(sleep 600 &); exec sleep 600");
        long orphan = waitForMembers(leader, 2).stream().filter(pid -> pid != leader.pid()).findFirst().orElseThrow();

        assertEquals(Set.of(leader.pid(), orphan), pids(ProcessTree.session(leader.pid())));
        assertFalse(leader.descendants().anyMatch(process -> process.pid() == orphan),
                "the background sleep is not a descendant of the leader any more");
    }

    @Test
    void severalSessionsAreLookedUpTogetherAndOneWithoutProcessesHasNone() throws Exception {
        Process first = session("sleep 600 & exec sleep 600");
        Process second = session("exec sleep 600");
        waitForMembers(first, 2);

        Map<Long, List<ProcessHandle>> sessions = ProcessTree.sessions(List.of(first.pid(), second.pid(), 1L << 40));

        assertEquals(2, sessions.get(first.pid()).size());
        assertEquals(Set.of(second.pid()), pids(sessions.get(second.pid())));
        assertEquals(List.of(), sessions.get(1L << 40));
    }

    @Test
    void lookupsFromManyThreadsAtOnceEachGetTheirOwnSession() throws Exception {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            started.add(session("sleep 600 & exec sleep 600"));
        }
        for (Process leader : started) {
            waitForMembers(leader, 2);
        }

        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<Set<Long>>> answers = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (Process leader : started) {
                    answers.add(threads.submit(() -> pids(ProcessTree.session(leader.pid()))));
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                Process leader = started.get(i % started.size());
                Set<Long> members = answers.get(i).get();
                assertEquals(2, members.size(), "session of " + leader.pid() + ": " + members);
                assertTrue(members.contains(leader.pid()));
            }
        }
    }

    private Process session(String script) throws IOException {
        Process leader = new ProcessBuilder(SETSID, "/bin/sh", "-c", script).start();
        leaders.add(leader);
        return leader;
    }

    /** Waits until the leader's session has {@code count} processes; returns their pids. */
    private static Set<Long> waitForMembers(Process leader, int count) throws Exception {
        Eventually.await("the session of " + leader.pid() + " has " + count + " processes",
                () -> ProcessTree.session(leader.pid()).size() == count);
        return pids(ProcessTree.session(leader.pid()));
    }

    private static Set<Long> pids(List<ProcessHandle> processes) {
        return processes.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
