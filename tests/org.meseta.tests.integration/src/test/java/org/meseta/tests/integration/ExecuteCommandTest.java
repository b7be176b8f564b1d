package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Ports;

/** meseta-execute as a real process, against a real local cluster and against no master at all. */
class ExecuteCommandTest {

    @TempDir
    Path workDir;

    @Test
    void echoHiOnALocalClusterFinishesExitsZeroAndLeavesHiInTheSandbox() throws Exception {
        try (LocalCluster cluster = LocalCluster.start("execute-local", workDir, 1)) {
            MesetaProcess process = MesetaProcess.run("execute-hi", "daemons/bin/meseta-execute",
                    "--master=" + cluster.master(), "--name=hi", "--command=echo hi");

            assertEquals(0, process.awaitExit(Duration.ofSeconds(60)), process.stdout() + process.stderr());
            assertTrue(process.stdout().contains("Received status update TASK_FINISHED for task 'hi'"),
                    process.stdout());
            String frameworkId = process.stdout().lines().filter(line -> line.startsWith("Subscribed with ID "))
                    .findFirst().orElseThrow().substring("Subscribed with ID ".length()).strip();
            JsonNode task = Cluster.getJson(cluster.master(), "/master/tasks").orElseThrow().path("tasks").get(0);
            String agentId = task.path("slave_id").asText();
            String sandbox = cluster.sandbox(agentId, frameworkId, "hi");
            assertEquals("hi\n", Sandboxes.read(cluster.agentAddress(agentId), sandbox, "stdout"));
        }
    }

    @Test
    void aTaskGroupRunsUnderTheDefaultExecutorAndExitsZeroOnceBothTasksFinished() throws Exception {
        try (LocalCluster cluster = LocalCluster.start("execute-group", workDir, 1)) {
            String group = "{\"tasks\": [" + groupTask("one") + ", " + groupTask("two") + "]}";

            MesetaProcess process = MesetaProcess.run("execute-group", "daemons/bin/meseta-execute",
                    "--master=" + cluster.master(), "--task_group=" + group);

            assertEquals(0, process.awaitExit(Duration.ofSeconds(60)), process.stdout() + process.stderr());
            assertTrue(process.stdout().contains("Submitted task group with tasks [one, two] to agent"),
                    process.stdout());
            for (String task : new String[] {"one", "two"}) {
                assertTrue(process.stdout().contains("Received status update TASK_FINISHED for task '" + task + "'"),
                        process.stdout());
            }
            String frameworkId = process.stdout().lines().filter(line -> line.startsWith("Subscribed with ID "))
                    .findFirst().orElseThrow().substring("Subscribed with ID ".length()).strip();
            JsonNode task = Cluster.getJson(cluster.master(), "/master/tasks").orElseThrow().path("tasks").get(0);
            String agentId = task.path("slave_id").asText();
            String sandbox = cluster.sandbox(agentId, frameworkId, "default");
            assertEquals("one\n", Sandboxes.read(cluster.agentAddress(agentId), sandbox + "/tasks/one", "stdout"));
        }
    }

    /** A task of a task group in JSON that echoes its id, with a little cpu and memory. */
    private static String groupTask(String id) {
        return "{\"name\": \"" + id + "\", \"task_id\": {\"value\": \"" + id + "\"}, \"command\": {\"value\":"
                + " \"echo " + id + "\"}, \"resources\": [{\"name\": \"cpus\", \"type\": \"SCALAR\", \"scalar\":"
                + " {\"value\": 0.1}}, {\"name\": \"mem\", \"type\": \"SCALAR\", \"scalar\": {\"value\": 32}}]}";
    }

    @Test
    void aMasterThatIsNotThereEndsTheCommandWithOneLineAndStatusOne() throws Exception {
        String nowhere = "127.0.0.1:" + Ports.free();

        MesetaProcess process = MesetaProcess.run("execute-no-master", "daemons/bin/meseta-execute",
                "--master=" + nowhere, "--name=hi", "--command=echo hi");

        assertEquals(1, process.awaitExit(Duration.ofSeconds(5)), process.stderr());
        String stderr = process.stderr().strip();
        assertEquals(1, stderr.lines().count(), "exactly one line: " + stderr);
        assertTrue(stderr.startsWith("meseta-execute: cannot connect to the master at " + nowhere), stderr);
        assertEquals("", process.stdout());
    }
}
