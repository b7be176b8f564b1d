package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.DaemonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's identity under --work_dir: Mesos's layout, atomic replacement, the "equal" recovery policy. */
class AgentCheckpointTest {

    @TempDir
    Path workDir;

    private AgentCheckpoint checkpoint() {
        return new AgentCheckpoint(workDir);
    }

    private Path latest() {
        return workDir.resolve("meta/slaves/latest");
    }

    private static AgentInfo info(String hostname, int port, String resources, String attributes) throws Exception {
        return AgentInfo.newBuilder().setHostname(hostname).setPort(port)
                .addAllResources(Resources.parse(resources, "*").toList())
                .addAllAttributes(Attributes.parse(attributes)).build();
    }

    private static AgentInfo current() throws Exception {
        return info("node-1", 5051, "cpus:2;mem:1024;gpus(ml):1", "rack:r1;zone:a");
    }

    private static AgentInfo admitted(AgentInfo info, String id) {
        return info.toBuilder().setId(AgentID.newBuilder().setValue(id)).build();
    }

    @Test
    void withoutACheckpointTheAgentSubscribesAsNew() throws Exception {
        assertEquals(current(), checkpoint().recover(current()));
        assertFalse(Files.exists(workDir.resolve("meta")));
    }

    @Test
    void theAdmittedInfoIsWrittenInMesosLayout() throws Exception {
        AgentInfo info = admitted(current(), "m1-S3");

        checkpoint().save(info);

        Path directory = workDir.resolve("meta/slaves/m1-S3");
        assertEquals(info, AgentInfo.parseFrom(Files.readAllBytes(directory.resolve("slave.info"))));
        assertTrue(Files.isSymbolicLink(latest()));
        assertEquals(directory.toRealPath(), latest().toRealPath());
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aRestartWithTheSameInfoRecoversTheId() throws Exception {
        checkpoint().save(admitted(current(), "m1-S3"));

        AgentInfo recovered = checkpoint().recover(current());

        assertEquals(admitted(current(), "m1-S3"), recovered);
    }

    @Test
    void theOrderOfResourcesAndAttributesDoesNotMatter() throws Exception {
        checkpoint().save(admitted(current(), "m1-S3"));

        AgentInfo reordered = info("node-1", 5051, "gpus(ml):1;mem:1024;cpus:1;cpus:1", "zone:a;rack:r1");

        assertEquals("m1-S3", checkpoint().recover(reordered).getId().getValue());
    }

    @Test
    void aNewIdReplacesTheCheckpointAndMovesLatest() throws Exception {
        checkpoint().save(admitted(current(), "m1-S3"));

        checkpoint().save(admitted(current(), "m2-S0"));

        assertEquals(workDir.resolve("meta/slaves/m2-S0").toRealPath(), latest().toRealPath());
        assertEquals("m2-S0", checkpoint().recover(current()).getId().getValue());
    }

    @Test
    void changedResourcesAreRefusedNamingBothAndTheRemedy() throws Exception {
        checkpoint().save(admitted(current(), "m1-S3"));
        AgentInfo more = info("node-1", 5051, "cpus:4;mem:1024;gpus(ml):1", "rack:r1;zone:a");

        DaemonException error = assertThrows(DaemonException.class, () -> checkpoint().recover(more));

        assertEquals("Incompatible agent info in " + latest() + ": resources changed from '"
                + Resources.of(current().getResourcesList()) + "' to '" + Resources.of(more.getResourcesList())
                + "'; remove " + latest() + " to register as a new agent", error.getMessage());
        assertTrue(error.getMessage().contains("'cpus:2; mem:1024; gpus(reservations: [(STATIC,ml)]):1'"),
                error.getMessage());
    }

    @Test
    void everyChangeIsNamedInOneLine() throws Exception {
        checkpoint().save(admitted(current(), "m1-S3"));
        AgentInfo moved = info("node-2", 5052, "cpus:2;mem:1024;gpus(ml):1", "rack:r2;zone:a");

        DaemonException error = assertThrows(DaemonException.class, () -> checkpoint().recover(moved));

        assertEquals("Incompatible agent info in " + latest() + ": hostname changed from 'node-1' to 'node-2',"
                + " port changed from 5051 to 5052, attributes changed from 'rack:r1;zone:a' to 'rack:r2;zone:a';"
                + " remove " + latest() + " to register as a new agent", error.getMessage());
        assertEquals(1, error.getMessage().lines().count());
    }

    @Test
    void aCorruptCheckpointIsReportedInOneLine() throws Exception {
        checkpoint().save(admitted(current(), "m1-S3"));
        Path file = latest().resolve("slave.info");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xff, 0x01});

        DaemonException error = assertThrows(DaemonException.class, () -> checkpoint().recover(current()));

        assertTrue(error.getMessage().startsWith("Cannot recover the agent from " + file
                + ": it is not an AgentInfo checkpoint ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("; remove " + latest() + " to register as a new agent"),
                error.getMessage());
        assertEquals(1, error.getMessage().lines().count());
    }

    @Test
    void aCheckpointWithoutAnIdOrWithoutItsFileIsReported() throws Exception {
        checkpoint().save(admitted(current(), "m1-S3"));
        Path file = latest().resolve("slave.info");
        Files.write(file, current().toByteArray());

        DaemonException noId = assertThrows(DaemonException.class, () -> checkpoint().recover(current()));
        Files.delete(file);
        DaemonException noFile = assertThrows(DaemonException.class, () -> checkpoint().recover(current()));

        assertEquals("Cannot recover the agent from " + file + ": it holds no agent id; remove " + latest()
                + " to register as a new agent", noId.getMessage());
        assertEquals("Cannot recover the agent from " + file + ": it does not exist; remove " + latest()
                + " to register as a new agent", noFile.getMessage());
    }

    @Test
    void anIdThatCannotNameADirectoryIsNotWritten() throws Exception {
        for (String id : new String[] {"../escape", "a/b", "..", ""}) {
            IOException error = assertThrows(IOException.class, () -> checkpoint().save(admitted(current(), id)));

            assertEquals("the agent id '" + id + "' cannot name a directory", error.getMessage());
        }
        assertFalse(Files.exists(workDir.resolve("meta")));
    }
}
