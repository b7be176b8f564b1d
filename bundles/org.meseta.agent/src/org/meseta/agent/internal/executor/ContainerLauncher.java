package org.meseta.agent.internal.executor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.meseta.containerizer.api.ContainerLaunchInfo;
import org.meseta.containerizer.api.Launcher;

/**
 * Starts processes in sandboxes. Each starts in a session of its own ({@link SessionStarter}: {@code posix_spawn(3)}
 * where the fragment {@code org.meseta.agent.posixspawn} works, else {@code setsid(1)} from util-linux), so that
 * its whole process tree can be signalled later, and, when it runs as another user, through {@code setpriv(1)}.
 * Its working directory is the sandbox, its stdin {@code /dev/null}, its stdout and stderr the sandbox's files; its
 * environment is the agent's plus what the caller gives. As the containerizer's {@link Launcher} it tells isolators
 * which processes a container has: its session's. Stateless once built, thread-safe.
 */
public final class ContainerLauncher implements Launcher {

    private static final System.Logger LOG = System.getLogger(ContainerLauncher.class.getName());
    private static final List<Path> SEARCH_PATH = List.of(Path.of("/usr/bin"), Path.of("/bin"),
            Path.of("/usr/sbin"), Path.of("/sbin"));
    private static final String SHELL = "/bin/sh";
    /** Waits for the release line on stdin, then becomes the container's program with stdin from /dev/null. */
    private static final String HOLD_SCRIPT = "read -r _ && exec \"$@\" </dev/null";
    /**
     * The same wait, put before a shell command's own script (on its first line, so that the shell's messages give
     * the script's line numbers): the command's shell holds, and no shell of its own is started for holding.
     */
    private static final String HOLD_PRELUDE = "read -r _ || exit 1; exec </dev/null; ";
    /**
     * Waits for the release line, runs the program as its child, waits for it (SIGTERM, meant for the program,
     * only interrupts the wait) and writes its exit status, as {@code $?} reports it, to the file given first
     * (aside, then renamed), then exits with that status.
     */
    private static final String SUPERVISE_SCRIPT = String.join("\n",
            "status=$1; shift",
            "read -r _ || exit 1",
            "trap : TERM",
            "\"$@\" </dev/null &",
            "child=$!",
            "while :; do wait \"$child\"; rc=$?; kill -0 \"$child\" 2>/dev/null || break; done",
            "printf '%s\\n' \"$rc\" >\"$status.new\" && mv -f \"$status.new\" \"$status\"",
            "exit \"$rc\"");

    private final Optional<SessionStarter> sessions;
    private final Optional<Path> setpriv;

    ContainerLauncher(Optional<SessionStarter> sessions, Optional<Path> setpriv) {
        this.sessions = sessions;
        this.setpriv = setpriv;
    }

    /**
     * A launcher starting sessions with {@code posix_spawn(3)} if the fragment providing it is installed and works
     * here, else with the machine's {@code setsid}, and switching users with its {@code setpriv}. Logs why
     * {@code posix_spawn} is not used where the fragment is installed but cannot work, and warns if there is no
     * way to start sessions at all.
     */
    public static ContainerLauncher detect() {
        Optional<SessionStarter> sessions = spawner().or(() -> find("setsid").map(SetsidStarter::new));
        if (sessions.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "setsid (util-linux) is not installed: processes that a task starts"
                    + " in the background may outlive it");
        }
        return new ContainerLauncher(sessions, find("setpriv"));
    }

    /** The {@link SessionStarter} a fragment provides, if it can work in this JVM on this machine. */
    private static Optional<SessionStarter> spawner() {
        try {
            return ServiceLoader.load(SessionStarter.class, ContainerLauncher.class.getClassLoader()).findFirst();
        } catch (ServiceConfigurationError | LinkageError e) {
            // LinkageError: outside OSGi, on a JDK older than the fragment's class files.
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            LOG.log(System.Logger.Level.INFO, "Processes start through setsid(1), not posix_spawn(3): {0}",
                    reason.getMessage());
            return Optional.empty();
        }
    }

    /** How this launcher starts sessions, for the log: {@code posix_spawn}, a {@code setsid} path, or none. */
    public String mechanism() {
        return sessions.map(SessionStarter::mechanism).orElse("no sessions");
    }

    /**
     * Starts {@code argv} in {@code sandbox}.
     *
     * @param environment added to (and overriding) the agent's environment
     * @param runAs the user to run as, empty for the agent's
     * @throws LaunchException if the process cannot be started or {@code setpriv} is missing for a user switch
     */
    public Container launch(List<String> argv, Map<String, String> environment, Sandbox sandbox,
            Optional<RunAs> runAs) throws LaunchException {
        return start(argv, environment, sandbox, runAs, ContainerLaunchInfo.NONE, false, Optional.empty());
    }

    /**
     * Starts {@code argv} in {@code sandbox} held: the process exists (its pid can be put in cgroups) but runs
     * nothing of {@code argv} until {@link Container#release()}. It waits in {@value #SHELL}, reading a line from a
     * pipe, and then replaces itself with {@code argv} (same pid) with {@code /dev/null} as its stdin; if the pipe
     * closes without that line it exits with status 1 and {@code argv} never runs. Released, it runs {@code argv}
     * through the wrapper {@code launch} names, if any (as the agent's user, before the switch to {@code runAs}); the
     * wrapper's process is then the container's first process. Otherwise as {@link #launch}. A shell command
     * ({@code /bin/sh -c script}) with no wrapper, no user switch and no supervision waits in its own shell instead,
     * which then runs the script: one program started fewer, as tasks run by the hundred a second.
     *
     * <p>With a {@code statusFile} the process is <em>supervised</em>, for a task that must outlive the agent: the
     * waiting shell does not replace itself but runs the rest as its child, stays (in the same session) until it
     * ends, and writes its exit status to {@code statusFile}, so that an agent restarted meanwhile learns how the
     * task ended ({@link Container#recovered}). As any asynchronous command of a shell, the child then starts
     * with SIGINT and SIGQUIT ignored.
     */
    public Container launchHeld(List<String> argv, Map<String, String> environment, Sandbox sandbox,
            Optional<RunAs> runAs, ContainerLaunchInfo launch, Optional<Path> statusFile) throws LaunchException {
        return start(argv, environment, sandbox, runAs, launch, true, statusFile);
    }

    private Container start(List<String> argv, Map<String, String> environment, Sandbox sandbox,
            Optional<RunAs> runAs, ContainerLaunchInfo launch, boolean held, Optional<Path> statusFile)
            throws LaunchException {
        List<String> command = command(argv, runAs, launch, held, statusFile);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(sandbox.directory().toFile())
                .redirectInput(held ? ProcessBuilder.Redirect.PIPE
                        : ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(sandbox.stdout().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(sandbox.stderr().toFile()));
        builder.environment().putAll(environment);
        try {
            Process process = sessions.isPresent() ? sessions.get().start(builder) : builder.start();
            return Container.started(process, sessions.isPresent(), held, statusFile);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // The last two: a starter calling C that failed in a way posix_spawn does not report as an error number.
            throw new LaunchException("Failed to launch '" + String.join(" ", argv) + "': " + e.getMessage(), e);
        }
    }

    /** What starts {@code argv} as {@link #launchHeld} (or {@link #launch}, not {@code held}) describes. */
    private List<String> command(List<String> argv, Optional<RunAs> runAs, ContainerLaunchInfo launch, boolean held,
            Optional<Path> statusFile) throws LaunchException {
        List<String> command = new ArrayList<>();
        boolean direct = launch.wrapper().isEmpty() && runAs.isEmpty() && statusFile.isEmpty();
        if (held && direct && isShellCommand(argv)) {
            command.addAll(List.of(SHELL, "-c", HOLD_PRELUDE + argv.get(2)));
            return command;
        }
        if (statusFile.isPresent()) {
            command.addAll(List.of(SHELL, "-c", SUPERVISE_SCRIPT, "meseta-supervisor", statusFile.get().toString()));
        } else if (held) {
            command.addAll(List.of(SHELL, "-c", HOLD_SCRIPT, "meseta-held"));
        }
        command.addAll(launch.wrapper());
        if (runAs.isPresent()) {
            Path switcher = setpriv.orElseThrow(() -> new LaunchException("Cannot run as user '" + runAs.get().user()
                    + "': setpriv (util-linux) is not installed on this agent"));
            command.addAll(runAs.get().setprivPrefix(switcher));
        }
        command.addAll(argv);
        return command;
    }

    /** {@code /bin/sh -c script}, as a command with {@code shell} set runs. */
    private static boolean isShellCommand(List<String> argv) {
        return argv.size() == 3 && argv.get(0).equals(SHELL) && argv.get(1).equals("-c");
    }

    /** The processes of the session the container's first process leads, or without setsid its descendants. */
    @Override
    public List<Long> processes(long pid) {
        return processes(List.of(pid)).get(pid);
    }

    /** In one pass over {@code /proc} (shared with concurrent lookups) when containers are sessions. */
    @Override
    public Map<Long, List<Long>> processes(Collection<Long> pids) {
        Map<Long, List<Long>> answer = new HashMap<>();
        if (sessions.isPresent()) {
            ProcessTree.sessions(pids).forEach((pid, members) -> answer.put(pid,
                    members.stream().map(ProcessHandle::pid).toList()));
        } else {
            pids.forEach(pid -> answer.put(pid, ProcessHandle.of(pid).stream().flatMap(process -> Stream.concat(
                    Stream.of(process), process.descendants())).map(ProcessHandle::pid).toList()));
        }
        return answer;
    }

    private static Optional<Path> find(String program) {
        return SEARCH_PATH.stream().map(dir -> dir.resolve(program)).filter(Files::isExecutable).findFirst();
    }
}
