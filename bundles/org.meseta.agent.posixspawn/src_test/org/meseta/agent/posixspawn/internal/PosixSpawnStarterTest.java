package org.meseta.agent.posixspawn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes started with posix_spawn: sessions, redirects, descriptors, signals, exit values, failures. */
class PosixSpawnStarterTest {

    private final PosixSpawnStarter starter = new PosixSpawnStarter();

    @TempDir
    Path directory;

    private Process started;

    @AfterEach
    void stop() throws InterruptedException {
        if (started != null) {
            started.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHeldProcessLeadsANewSessionAndRunsOnceReleased() throws Exception {
        started = start(shell("read -r _ || exit 1; exit 3").redirectInput(Redirect.PIPE));

        List<String> stat = stat(started.pid());
        assertEquals(String.valueOf(started.pid()), stat.get(3), "session id");
        assertEquals(String.valueOf(started.pid()), stat.get(2), "process group id");
        assertTrue(started.isAlive(), "held until released");
        try (OutputStream release = started.getOutputStream()) {
            release.write('\n');
        }

        assertEquals(3, started.waitFor());
        assertEquals(3, started.onExit().get(10, TimeUnit.SECONDS).exitValue());
        assertFalse(started.isAlive());
    }

    @Test
    void closingTheHoldWithoutALineEndsTheShellBeforeItRunsAnything() throws Exception {
        Path marker = directory.resolve("ran");
        started = start(shell("read -r _ || exit 1; touch " + marker).redirectInput(Redirect.PIPE));

        started.getOutputStream().close();

        assertEquals(1, started.waitFor());
        assertFalse(Files.exists(marker));
    }

    @Test
    void environmentWorkingDirectoryAndOutputAppendedToFiles() throws Exception {
        Path out = Files.writeString(directory.resolve("stdout"), "before\n");
        Path err = directory.resolve("stderr");
        Path work = Files.createDirectory(directory.resolve("work"));
        ProcessBuilder builder = shell("echo \"$GREETING from $(pwd)\"; echo oops >&2")
                .directory(work.toFile()).redirectInput(Redirect.from(new File("/dev/null")))
                .redirectOutput(Redirect.appendTo(out.toFile())).redirectError(Redirect.appendTo(err.toFile()));
        builder.environment().put("GREETING", "hello");

        started = start(builder);

        assertEquals(0, started.waitFor());
        assertEquals("before\nhello from " + work + "\n", Files.readString(out));
        assertEquals("oops\n", Files.readString(err));
    }

    @Test
    void stderrMergedIntoStdoutAndAFileWrittenAfresh() throws Exception {
        Path out = Files.writeString(directory.resolve("stdout"), "old content, longer than the new one\n");

        started = start(shell("echo one; echo two >&2").redirectOutput(Redirect.to(out.toFile()))
                .redirectErrorStream(true));

        assertEquals(0, started.waitFor());
        assertEquals("one\ntwo\n", Files.readString(out));
    }

    @Test
    void onlyStdinStdoutAndStderrAreInherited() throws Exception {
        Path out = directory.resolve("stdout");
        // The agent has many descriptors open (sockets, jars, this one); the child sees none of them, nor the write
        // end of its own stdin's pipe.
        try (OutputStream open = Files.newOutputStream(directory.resolve("open"))) {
            open.write('x');
            started = start(shell("read -r _; ls /proc/self/fd").redirectInput(Redirect.PIPE)
                    .redirectOutput(Redirect.to(out.toFile())));
            try (OutputStream release = started.getOutputStream()) {
                release.write('\n');
            }
            assertEquals(0, started.waitFor());
        }

        // ls itself opens one more to read the directory.
        Set<String> descriptors = Set.copyOf(Files.readAllLines(out));
        assertTrue(Set.of("0", "1", "2", "3").containsAll(descriptors), "descriptors: " + descriptors);
    }

    @Test
    void noSignalIsBlockedOrIgnored() throws Exception {
        Path out = directory.resolve("stdout");

        started = start(shell("exec grep -E '^Sig(Blk|Ign):' /proc/self/status")
                .redirectOutput(Redirect.to(out.toFile())));

        assertEquals(0, started.waitFor());
        for (String line : Files.readAllLines(out)) {
            long mask = Long.parseUnsignedLong(line.substring(line.indexOf(':') + 1).strip(), 16);
            // Signals 1 to 31; glibc keeps its own two real-time signals (32, 33) to itself.
            assertEquals(0, mask & 0x7fffffffL, line);
        }
    }

    @Test
    void aProcessKilledBySignalExitsWith128PlusTheSignal() throws Exception {
        started = start(shell("exec sleep 600"));

        started.destroyForcibly();

        assertEquals(128 + 9, started.waitFor());
        assertTrue(started.waitFor(1, TimeUnit.SECONDS));
        assertEquals(128 + 9, started.exitValue());
    }

    @Test
    void theExitValueIsUnknownWhileItRuns() throws Exception {
        started = start(shell("exec sleep 600"));

        assertThrows(IllegalThreadStateException.class, started::exitValue);
        assertFalse(started.waitFor(10, TimeUnit.MILLISECONDS));
    }

    @Test
    void aMissingProgramIsReportedAsTheJdkReportsIt() {
        ProcessBuilder builder = new ProcessBuilder("meseta-no-such-program").directory(directory.toFile())
                .redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD);

        IOException failure = assertThrows(IOException.class, () -> starter.start(builder));

        assertEquals("Cannot run program \"meseta-no-such-program\" (in directory \"" + directory
                + "\"): error=2, No such file or directory", failure.getMessage());
    }

    @Test
    void aMissingWorkingDirectoryIsReported() {
        ProcessBuilder builder = shell("true").directory(directory.resolve("gone").toFile());

        IOException failure = assertThrows(IOException.class, () -> starter.start(builder));

        assertTrue(failure.getMessage().endsWith("error=2, No such file or directory"), failure.getMessage());
    }

    @Test
    void stdoutLeftAPipeIsRefused() {
        ProcessBuilder builder = new ProcessBuilder("true").redirectError(Redirect.DISCARD);

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> starter.start(builder));

        assertTrue(failure.getMessage().contains("descriptor 1"), failure.getMessage());
    }

    /** A shell command with stdout and stderr discarded, to be changed by the test. */
    private static ProcessBuilder shell(String script) {
        return new ProcessBuilder("/bin/sh", "-c", script).redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.DISCARD);
    }

    private Process start(ProcessBuilder builder) throws IOException {
        return starter.start(builder);
    }

    /** The fields of /proc/pid/stat after the command's name: state, ppid, pgrp, session ... */
    private static List<String> stat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return Arrays.asList(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    }
}
