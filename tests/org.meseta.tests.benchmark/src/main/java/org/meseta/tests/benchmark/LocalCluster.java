package org.meseta.tests.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meseta.testing.Ports;

/** A {@code meseta-local} process started from the built products, its output in a log file. */
final class LocalCluster implements AutoCloseable {

    private static final Pattern ACTIVE = Pattern.compile("\"active\":true");

    private final Process process;
    private final int port;

    private LocalCluster(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param isolation the agents' {@code --isolation}; empty for their default */
    static LocalCluster start(Path root, Path workDir, int agents, String resources, Optional<String> isolation)
            throws Exception {
        Path script = root.resolve("daemons/bin/meseta-local");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing: build the products first (see docs/performance.md)");
        }
        int port = Ports.freeRun(agents + 1);
        Files.createDirectories(workDir);
        Path log = workDir.resolve("meseta-local.log");
        List<String> command = new ArrayList<>(List.of(script.toString(), "--port=" + port, "--num_agents=" + agents,
                "--work_dir=" + workDir.resolve("cluster"), "--resources=" + resources));
        isolation.ifPresent(names -> command.add("--isolation=" + names));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalCluster cluster = new LocalCluster(process, port);
        try {
            cluster.awaitActiveAgents(agents, Duration.ofSeconds(120), log);
        } catch (Exception e) {
            cluster.close(); // a cluster that never came up is not left running
            throw e;
        }
        return cluster;
    }

    String master() {
        return "127.0.0.1:" + port;
    }

    private void awaitActiveAgents(int agents, Duration timeout, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("meseta-local exited with " + process.exitValue() + "; see " + log);
            }
            try {
                String state = http.send(HttpRequest.newBuilder(URI.create("http://" + master() + "/master/state"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher active = ACTIVE.matcher(state);
                int count = 0;
                while (active.find()) {
                    count++;
                }
                if (count >= agents) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(agents + " agents not active within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
