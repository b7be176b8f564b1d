package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as shipped: the product launched by its script against a local cluster opens its window and
 * runs without errors. (The Agents view's contents are tested inside OSGi by org.meseta.console.ui.tests.)
 */
class ConsoleProductTest {

    /** An Equinox log entry of severity 4 (ERROR): {@code !ENTRY <bundle> 4 <code> <time>}. */
    private static final Pattern ERROR_ENTRY = Pattern.compile("!ENTRY \\S+ 4 ");

    @TempDir
    Path workDir;

    @Test
    void consoleProductOpensItsWindowOnALocalCluster() throws Exception {
        assumeFalse(Boolean.getBoolean("skipUiTests"), "UI tests skipped (-DskipUiTests=true)");
        assumeTrue(System.getenv("DISPLAY") != null, "needs a display (run under xvfb-run)");
        int port = Cluster.freePorts(2); // the master's, and its agent's after it
        String master = "127.0.0.1:" + port;
        try (MesetaProcess local = MesetaProcess.start("console-cluster", "daemons/bin/meseta-local",
                        "--port=" + port, "--num_agents=1", "--work_dir=" + workDir);
                MesetaProcess console = MesetaProcess.start("console", "product/bin/meseta-console",
                        "--master=" + master)) {
            Cluster.awaitState(master, Duration.ofSeconds(60), "the local cluster", s -> Cluster.activeAgents(s) == 1);
            awaitWindow("Meseta Console", Duration.ofSeconds(60), console);

            Cluster.sleep(Duration.ofSeconds(3));
            assertTrue(console.isAlive(), "the console keeps running: " + console.stderr());
            String log = console.stdout() + console.stderr();
            assertFalse(ERROR_ENTRY.matcher(log).find(), "an error entry in the console log:\n" + log);
            assertFalse(log.contains("Exception"), "an exception in the console log:\n" + log);
        }
    }

    /** Waits until an X window with {@code title} exists (xwininfo, from x11-utils). */
    private static void awaitWindow(String title, Duration timeout, MesetaProcess owner)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(owner.isAlive(), "the console exited: " + owner.stderr());
            Process list = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
            String windows = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            list.waitFor();
            if (windows.contains("\"" + title)) {
                return;
            }
            Cluster.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("No window '" + title + "' within " + timeout + "; console log:\n" + owner.stderr());
    }
}
