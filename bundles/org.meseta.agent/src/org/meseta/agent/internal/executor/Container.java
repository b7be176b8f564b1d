package org.meseta.agent.internal.executor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A process started in a sandbox, with everything it starts in turn. When the launcher could start it in a session
 * of its own, {@link #terminate()} and {@link #kill()} signal every process of that session, so nothing the task
 * started survives it; otherwise (no {@code setsid} on this machine) they signal the process and the descendants it
 * has at that moment.
 *
 * <p>A container is either one this agent started ({@link Process} known, its exit value at hand) or one a previous
 * run of the agent started and this one recovered from its checkpoint ({@link #recovered}): then only a
 * supervisor's status file, if the launcher started it supervised, tells how it ended. Thread-safe.
 */
public final class Container {

    private static final System.Logger LOG = System.getLogger(Container.class.getName());

    private final ProcessHandle handle;
    private final Optional<Process> process;
    private final boolean ownSession;
    private final boolean held;
    private final Optional<Path> statusFile;

    private Container(ProcessHandle handle, Optional<Process> process, boolean ownSession, boolean held,
            Optional<Path> statusFile) {
        this.handle = handle;
        this.process = process;
        this.ownSession = ownSession;
        this.held = held;
        this.statusFile = statusFile;
    }

    static Container started(Process process, boolean ownSession, boolean held, Optional<Path> statusFile) {
        return new Container(process.toHandle(), Optional.of(process), ownSession, held, statusFile);
    }

    /**
     * A container a previous run of the agent started, whose first process is {@code handle}.
     *
     * @param statusFile where its supervisor writes the exit status, if it was started supervised
     */
    public static Container recovered(ProcessHandle handle, Optional<Path> statusFile) {
        return new Container(handle, Optional.empty(), true, false, statusFile);
    }

    /**
     * Lets a process started held run its program; does nothing for one that was not held. If the process ended
     * meanwhile (it was killed), there is nothing to release.
     *
     * @throws LaunchException if the release cannot be written to a live process
     */
    public void release() throws LaunchException {
        if (!held || process.isEmpty()) {
            return;
        }
        try (OutputStream hold = process.get().getOutputStream()) {
            hold.write('\n');
        } catch (IOException e) {
            if (handle.isAlive()) {
                throw new LaunchException("Failed to release process " + handle.pid() + ": " + e.getMessage(), e);
            }
        }
    }

    public long pid() {
        return handle.pid();
    }

    /**
     * Completes (on a JDK thread) when the first process of the container has ended: with its exit value when this
     * agent started it, else with what its supervisor wrote, else {@link ExitStatus#unknown()}.
     */
    public CompletableFuture<ExitStatus> exited() {
        if (process.isPresent()) {
            return process.get().onExit().thenApply(ended -> ExitStatus.fromExitValue(ended.exitValue()));
        }
        return handle.onExit().thenApply(ended -> recordedStatus(statusFile));
    }

    /**
     * How a supervised process ended, as its supervisor wrote it to {@code statusFile}; unknown without a
     * supervisor or when the supervisor itself was killed.
     */
    public static ExitStatus recordedStatus(Optional<Path> statusFile) {
        return statusFile.flatMap(Container::readStatus).orElseGet(ExitStatus::unknown);
    }

    private static Optional<ExitStatus> readStatus(Path file) {
        try {
            return Optional.of(ExitStatus.fromExitValue(Integer.parseInt(Files.readString(file).strip())));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // the supervisor itself was killed
        } catch (IOException | NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read the exit status in {0}: {1}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Sends SIGTERM to every process of the container. */
    public void terminate() {
        signal(ProcessHandle::destroy);
    }

    /**
     * Sends SIGKILL to every process of the container; safe to call after it ended, to clear what it left.
     *
     * @return the processes signalled, to wait for if need be
     */
    public List<ProcessHandle> kill() {
        return signal(ProcessHandle::destroyForcibly);
    }

    /**
     * Signals the first process first: a launch wrapper that waits for a child of its own (namespaces/pid's
     * {@code unshare}) then dies of the signal itself, rather than living on to report its child's death as an exit
     * status. In a session of its own it is signalled at once, the others once a look at the session found them
     * (which may wait a little, {@link ProcessTree}); otherwise its descendants are found before it is signalled, as
     * they are descendants no more once it died.
     */
    private List<ProcessHandle> signal(Consumer<ProcessHandle> signal) {
        List<ProcessHandle> members = new ArrayList<>();
        members.add(handle);
        if (ownSession) {
            signal.accept(handle);
            ProcessTree.session(handle.pid()).stream().filter(member -> member.pid() != handle.pid())
                    .forEach(member -> {
                        signal.accept(member);
                        members.add(member);
                    });
        } else {
            handle.descendants().forEach(members::add);
            members.forEach(signal);
        }
        return members;
    }
}
