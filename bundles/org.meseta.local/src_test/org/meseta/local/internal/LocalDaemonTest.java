package org.meseta.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.meseta.api.flags.FlagParser;
import org.meseta.api.flags.Flags;
import org.meseta.daemon.DaemonException;
import org.junit.jupiter.api.Test;

class LocalDaemonTest {

    @Test
    void theDefaultWorkDirIsPerUserInTheTemporaryDirectory() throws Exception {
        Flags defaults = FlagParser.parse(LocalDaemon.FLAGS, List.of());

        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "meseta-local-" + System.getProperty("user.name")),
                defaults.get(LocalDaemon.WORK_DIR));
    }

    @Test
    void userNamesAreMadeSafeForAFileName() {
        assertEquals(Path.of("/tmp", "meseta-local-alice"), LocalDaemon.defaultWorkDir("/tmp", "alice"));
        assertEquals(Path.of("/tmp", "meseta-local-CORP_bob_smith"),
                LocalDaemon.defaultWorkDir("/tmp", "CORP\\bob smith"));
        assertEquals(Path.of("/tmp", "meseta-local-unknown"), LocalDaemon.defaultWorkDir("/tmp", ""));
    }

    @Test
    void theNumberOfMastersIsCheckedBeforeAnythingStarts() throws Exception {
        LocalDaemon local = new LocalDaemon();

        DaemonException none = assertThrows(DaemonException.class,
                () -> local.start(FlagParser.parse(LocalDaemon.FLAGS, List.of("--masters=0"))));
        assertEquals("--masters must be at least 1, got 0", none.getMessage());
        DaemonException tooMany = assertThrows(DaemonException.class,
                () -> local.start(FlagParser.parse(LocalDaemon.FLAGS, List.of("--port=65534", "--masters=3"))));
        assertEquals("--masters must be at most 2 with --port=65534, got 3", tooMany.getMessage());
        DaemonException noRoom = assertThrows(DaemonException.class,
                () -> local.start(FlagParser.parse(LocalDaemon.FLAGS, List.of("--port=65533", "--masters=3"))));
        assertEquals("--num_agents must be between 0 and 0, got 1", noRoom.getMessage());
    }

    @Test
    void theFailoverInstructionsNameThePortsTheGroupAndTheSignal() {
        String text = FailoverInstructions.text("127.0.0.1", 5050, 3, "zk://127.0.0.1:2181/mesos", 4242);

        assertTrue(text.startsWith("Local cluster with 3 masters on 127.0.0.1:5050-5052, electing their leader in"
                + " zk://127.0.0.1:2181/mesos"), text);
        assertTrue(text.contains("kill -USR2 4242"), text);
        assertTrue(text.contains("curl -si http://127.0.0.1:5050/redirect"), text);
    }

    @Test
    void helpSaysTheDefaultIsPerUser() {
        String usage = FlagParser.usage("meseta-local", "summary", LocalDaemon.FLAGS);

        assertTrue(usage.contains("meseta-local-<user> in the temporary directory"), usage);
    }
}
