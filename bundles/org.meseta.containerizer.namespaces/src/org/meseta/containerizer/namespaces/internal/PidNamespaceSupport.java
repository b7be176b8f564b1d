package org.meseta.containerizer.namespaces.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.meseta.containerizer.api.ContainerLaunchInfo;
import org.meseta.containerizer.api.IsolatorException;

/**
 * Whether this host can start processes in pid namespaces of their own, and how: the agent must be root (as Mesos's
 * isolator requires, in its words), the kernel must have pid namespaces ({@code /proc/self/ns/pid}), and util-linux's
 * {@code unshare} must be installed and able to do it, which a trial run shows (a container without
 * {@code CAP_SYS_ADMIN}, or an {@code unshare} older than 2.32 without {@code --kill-child}, fails it). Blocking: the
 * trial runs a process.
 */
final class PidNamespaceSupport {

    /** Where the launcher finds util-linux's programs too. */
    static final List<Path> SEARCH_PATH = List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/sbin"),
            Path.of("/sbin"));
    private static final List<String> OPTIONS = List.of("--pid", "--fork", "--mount-proc", "--kill-child");
    private static final long TRIAL_TIMEOUT_SECONDS = 10;

    private final Path procSelf;
    private final List<Path> searchPath;

    /**
     * @param procSelf this process's {@code /proc} entry ({@code /proc/self})
     * @param searchPath the directories to find {@code unshare} in, in order
     */
    PidNamespaceSupport(Path procSelf, List<Path> searchPath) {
        this.procSelf = procSelf;
        this.searchPath = searchPath;
    }

    /**
     * The wrapper that starts a process in a new pid namespace: {@code unshare --pid --fork --mount-proc
     * --kill-child}.
     *
     * @throws IsolatorException saying in one line why this host cannot
     */
    ContainerLaunchInfo check() throws IsolatorException {
        if (effectiveUid() != 0) {
            throw new IsolatorException("The pid namespace isolator requires root permissions");
        }
        if (!Files.exists(procSelf.resolve("ns").resolve("pid"))) {
            throw new IsolatorException("Pid namespaces are not supported by this kernel");
        }
        Path unshare = searchPath.stream().map(directory -> directory.resolve("unshare")).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IsolatorException("unshare (util-linux) is not installed: it"
                        + " starts each container in a pid namespace of its own"));
        List<String> wrapper = new ArrayList<>();
        wrapper.add(unshare.toString());
        wrapper.addAll(OPTIONS);
        trial(wrapper);
        return new ContainerLaunchInfo(wrapper);
    }

    /** The effective uid, the second number of the {@code Uid:} line of {@code status}. */
    private long effectiveUid() throws IsolatorException {
        Path status = procSelf.resolve("status");
        try {
            Optional<String> uids = Files.readAllLines(status).stream().filter(line -> line.startsWith("Uid:"))
                    .findFirst();
            String[] fields = uids.orElseThrow(() -> new IsolatorException(status + " has no Uid line")).split("\\s+");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            throw new IsolatorException("cannot learn the agent's user from " + status + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code true} through the wrapper; fails with the first line it printed unless it succeeded. */
    private static void trial(List<String> wrapper) throws IsolatorException {
        List<String> command = new ArrayList<>(wrapper);
        command.add("true");
        try {
            Process trial = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            String output = new String(trial.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!trial.waitFor(TRIAL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                trial.destroyForcibly();
                throw new IsolatorException(String.join(" ", command) + " did not end");
            }
            if (trial.exitValue() != 0) {
                throw new IsolatorException(String.join(" ", command) + " failed: " + (output.isEmpty()
                        ? "exit status " + trial.exitValue() : output.lines().findFirst().orElseThrow()));
            }
        } catch (IOException e) {
            throw new IsolatorException("cannot run " + wrapper.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IsolatorException("interrupted while trying " + wrapper.get(0), e);
        }
    }
}
