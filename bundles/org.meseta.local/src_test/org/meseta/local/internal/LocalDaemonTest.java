package org.meseta.local.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.meseta.api.flags.FlagParser;
import org.meseta.api.flags.Flags;
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
    void helpSaysTheDefaultIsPerUser() {
        String usage = FlagParser.usage("meseta-local", "summary", LocalDaemon.FLAGS);

        assertTrue(usage.contains("meseta-local-<user> in the temporary directory"), usage);
    }
}
