package org.meseta.tests.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One of Meseta's launch scripts running as a real process, its stdout and stderr captured in files under
 * {@code target/process-logs} so a failing test can be diagnosed.
 */
final class MesetaProcess implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("meseta.root", "../..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of(System.getProperty("meseta.logs", "target/process-logs"));

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private MesetaProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code script} (relative to the repository root, e.g. {@code daemons/bin/meseta-master}). */
    static MesetaProcess start(String logName, String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve(script).toString());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(LOGS);
            Path out = LOGS.resolve(logName + ".out");
            Path err = LOGS.resolve(logName + ".err");
            Process process = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new MesetaProcess(logName, process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** Runs a short-lived command to completion (e.g. {@code --help}) and returns it. */
    static MesetaProcess run(String logName, String script, String... args) {
        MesetaProcess process = start(logName, script, args);
        process.awaitExit(Duration.ofSeconds(60));
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM (to the script, which forwards it to the JVM) and waits for the exit. */
    int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree();
                throw new AssertionError(name + " did not exit within " + timeout + "; stderr:\n" + stderr());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + name, e);
        }
        return process.exitValue();
    }

    /**
     * Kills the script's JVM with SIGKILL, as a crash would end it: nothing of the daemon's shutdown runs, the
     * processes it started live on. Returns the script's exit status.
     */
    int killVm(Duration timeout) {
        vm().ifPresent(ProcessHandle::destroyForcibly);
        return awaitExit(timeout);
    }

    /**
     * Stops the script's JVM with SIGSTOP, as a long garbage collection or a stalled machine freezes a daemon: it
     * does nothing, answers nothing, and its ZooKeeper session is not renewed, until {@link #resume()}.
     */
    void pause() {
        signal("STOP");
    }

    /** Lets the JVM that {@link #pause()} stopped go on (SIGCONT), where it was. */
    void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        long pid = vm().orElseThrow(() -> new AssertionError(name + " runs no JVM")).pid();
        int status = signal(signal, pid);
        if (status != 0) {
            throw new AssertionError("kill -" + signal + " " + pid + " (" + name + ") exited with " + status);
        }
    }

    /** Sends {@code signal} to {@code pid} with kill(1); returns its exit status. */
    private int signal(String signal, long pid) {
        try {
            return new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while signalling " + name, e);
        }
    }

    /** The script's JVM, its child, while it runs. */
    private Optional<ProcessHandle> vm() {
        return process.children().filter(child -> child.info().command().map(command -> command.endsWith("/java"))
                .orElse(false)).findFirst();
    }

    /** The script's JVM is its child: kill it too, or it outlives the test. */
    private void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e.getMessage() + ">";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            // A paused JVM would not act on SIGTERM until it goes on.
            vm().ifPresent(vm -> signal("CONT", vm.pid()));
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    killTree();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
