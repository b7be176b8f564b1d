package org.meseta.tests.benchmark.failover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Masters as processes started from the built products ({@code daemons/bin/meseta-master}), on consecutive ports of
 * 127.0.0.1, electing their leader in a ZooKeeper group; each logs to {@code master-<n>.log} in the work directory.
 * A master can be killed as a crash kills it (SIGKILL to its JVM) and started again as its supervisor would.
 */
final class MasterProcesses implements AutoCloseable {

    private final Path script;
    private final Path workDir;
    private final int firstPort;
    private final List<String> flags;
    private final List<Process> processes = new ArrayList<>();

    private MasterProcesses(Path script, Path workDir, int firstPort, List<String> flags) {
        this.script = script;
        this.workDir = workDir;
        this.firstPort = firstPort;
        this.flags = flags;
    }

    /** Starts {@code count} masters with {@code flags} (the ZooKeeper URL among them) on ports from {@code firstPort}. */
    static MasterProcesses start(Path root, Path workDir, int count, int firstPort, List<String> flags)
            throws IOException {
        Path script = root.resolve("daemons/bin/meseta-master");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing: build the products first (see docs/performance.md)");
        }
        Files.createDirectories(workDir);
        MasterProcesses masters = new MasterProcesses(script, workDir, firstPort, flags);
        for (int i = 0; i < count; i++) {
            masters.processes.add(masters.launch(i));
        }
        return masters;
    }

    private Process launch(int index) throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toString(), "--ip=127.0.0.1",
                "--port=" + port(index), "--work_dir=" + workDir.resolve("master-" + index)));
        command.addAll(flags);
        Path log = workDir.resolve("master-" + index + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    int port(int index) {
        return firstPort + index;
    }

    /** The index of the master listening on {@code port}. */
    int index(int port) {
        return port - firstPort;
    }

    /** Kills master {@code index}'s JVM with SIGKILL, as a crash would end it, and waits until it is gone. */
    void kill(int index) throws InterruptedException {
        Process script = processes.get(index);
        script.children().forEach(ProcessHandle::destroyForcibly);
        if (!script.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Master " + index + " did not end after SIGKILL");
        }
    }

    /** Starts master {@code index} again, as its supervisor would. */
    void restart(int index) throws IOException {
        processes.set(index, launch(index));
    }

    /** Stops every master (SIGTERM, then SIGKILL to what is left after 30 s). */
    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
