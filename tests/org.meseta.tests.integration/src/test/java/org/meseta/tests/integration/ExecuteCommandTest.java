package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.meseta.testing.Ports;

/** meseta-execute as a real process: how it ends when there is no master to run the task on. */
class ExecuteCommandTest {

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
