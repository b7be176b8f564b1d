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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as shipped: the product launched by its script against a local cluster opens its window and
 * runs without errors, given one master or the ZooKeeper group of several (which needs the ZooKeeper bundles in the
 * product). (The views' contents are tested inside OSGi by org.meseta.console.ui.tests.)
 */
class ConsoleProductTest {

    /** An Equinox log entry of severity 4 (ERROR): {@code !ENTRY <bundle> 4 <code> <time>}. */
    private static final Pattern ERROR_ENTRY = Pattern.compile("!ENTRY \\S+ 4 ");
    /** What the console logs when ZooKeeper names a leader. */
    private static final Pattern LEADER_NAMED = Pattern.compile("ZooKeeper names 127\\.0\\.0\\.1:(\\d+) as the leading "
            + "master");
    private static final Pattern STOP_LEADER = Pattern.compile("kill -USR2 (\\d+)");

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
            assertRunsWithoutErrors(console);
        }
    }

    @Test
    void consoleProductFollowsTheLeaderOfAZooKeeperGroup() throws Exception {
        assumeFalse(Boolean.getBoolean("skipUiTests"), "UI tests skipped (-DskipUiTests=true)");
        assumeTrue(System.getenv("DISPLAY") != null, "needs a display (run under xvfb-run)");
        int port = Cluster.freePorts(3);
        int zooKeeperPort = Cluster.freePort();
        String group = "zk://127.0.0.1:" + zooKeeperPort + "/mesos";
        try (MesetaProcess local = MesetaProcess.start("console-group", "daemons/bin/meseta-local",
                        "--port=" + port, "--masters=2", "--num_agents=1", "--zk_port=" + zooKeeperPort,
                        "--work_dir=" + workDir);
                MesetaProcess console = MesetaProcess.start("console-zk", "product/bin/meseta-console",
                        "--master=" + group)) {
            awaitWindow("Meseta Console", Duration.ofSeconds(60), console);
            int leader = Integer.parseInt(awaitLine(console, LEADER_NAMED, 1).group(1));
            Matcher stop = awaitLine(local, STOP_LEADER, 1);

            assertTrue(new ProcessBuilder("kill", "-USR2", stop.group(1)).start().waitFor() == 0);

            int next = Integer.parseInt(awaitLine(console, LEADER_NAMED, 2).group(1));
            assertTrue(next != leader, () -> "the console followed " + leader + " to " + next);
            assertRunsWithoutErrors(console);
        }
    }

    private static void assertRunsWithoutErrors(MesetaProcess console) {
        assertTrue(console.isAlive(), "the console keeps running: " + console.stderr());
        String log = console.stdout() + console.stderr();
        assertFalse(ERROR_ENTRY.matcher(log).find(), "an error entry in the console log:\n" + log);
        assertFalse(log.contains("Exception"), "an exception in the console log:\n" + log);
    }

    /** Waits until {@code process} printed {@code count} lines matching {@code line}; the last of them. */
    private static Matcher awaitLine(MesetaProcess process, Pattern line, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = line.matcher(process.stdout() + process.stderr());
            int found = 0;
            while (matcher.find()) {
                if (++found == count) {
                    return matcher;
                }
            }
            Cluster.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("Not " + count + " lines '" + line + "' within 60 s:\n" + process.stdout()
                + process.stderr());
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
