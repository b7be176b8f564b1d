package org.meseta.agent.posixspawn.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child {@link PosixSpawnStarter} started, as a {@link Process}. The JDK's {@link ProcessHandle#onExit()} waits
 * for it without reaping it (on one of the JDK's process reaper threads, as for the JDK's own children); then it is
 * reaped here and its exit value kept. Its stdout and stderr go to files, so its input streams are empty. Thread-safe.
 */
final class SpawnedProcess extends Process {

    private final ProcessHandle handle;
    private final OutputStream stdin;
    private final CompletableFuture<Process> exit;
    private volatile int exitValue;

    /** {@code pid} must be a child not reaped yet: until then it exists, as a zombie at least. */
    SpawnedProcess(LibC libc, int pid, OutputStream stdin) {
        this.handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Process " + pid
                + " was reaped before it was waited for"));
        this.stdin = stdin;
        this.exit = handle.onExit().thenApply(ended -> {
            exitValue = libc.reap(pid);
            return this;
        });
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        waitFor(Long.MAX_VALUE, TimeUnit.NANOSECONDS); // as good as forever: 292 years
        return exitValue();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exit.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public int exitValue() {
        if (!exit.isDone()) {
            throw new IllegalThreadStateException("Process " + handle.pid() + " has not exited");
        }
        exit.join(); // throws if it could not be reaped
        return exitValue;
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public void destroy() {
        handle.destroy();
    }

    @Override
    public Process destroyForcibly() {
        handle.destroyForcibly();
        return this;
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    @Override
    public long pid() {
        return handle.pid();
    }

    @Override
    public ProcessHandle toHandle() {
        return handle;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit.copy();
    }
}
