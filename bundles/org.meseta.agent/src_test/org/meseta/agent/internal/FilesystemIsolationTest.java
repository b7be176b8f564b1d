package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.meseta.agent.internal.LinkedAgent.commandTask;
import static org.meseta.agent.internal.LinkedAgent.executor;
import static org.meseta.agent.internal.LinkedAgent.framework;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Volume;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code filesystem/posix} under a real agent: a command task reads a host path volume through its link in the
 * sandbox, which is its working directory and its {@code MESOS_SANDBOX}; a custom executor's volumes are linked into
 * its sandbox the same way; a volume it cannot link fails the task's launch with the isolator's reason.
 */
class FilesystemIsolationTest {

    @TempDir
    Path workDir;

    private Path host;

    @BeforeEach
    void hostDirectory() throws Exception {
        host = Files.createDirectory(workDir.resolve("host"));
        Files.writeString(host.resolve("hello.txt"), "hello from the host\n");
    }

    @Test
    void aCommandTaskReadsAHostPathVolumeThroughItsLinkInTheSandbox() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=filesystem/posix,posix/cpu")) {
            agent.run(framework(), commandTask("t1", "cat data/hello.txt > read.txt && pwd > pwd.txt"
                    + " && echo \"$MESOS_SANDBOX\" > sandbox.txt").setContainer(volumes(hostPath("data"))));

            agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

            Path sandbox = agent.sandbox("t1").toRealPath();
            assertEquals("hello from the host\n", Files.readString(sandbox.resolve("read.txt")));
            assertEquals(host, Files.readSymbolicLink(sandbox.resolve("data")));
            assertEquals(sandbox.toString(), Files.readString(sandbox.resolve("pwd.txt")).strip());
            assertEquals(sandbox.toString(), Files.readString(sandbox.resolve("sandbox.txt")).strip());
        }
    }

    @Test
    void aCustomExecutorsVolumesAreLinkedIntoItsSandbox() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=filesystem/posix")) {
            agent.run(framework(), LinkedAgent.task("t1").setExecutor(executor("e1")
                    .setContainer(volumes(hostPath("shared/data")))));

            agent.executorEnvironment("e1"); // waits until it runs

            assertEquals("hello from the host\n",
                    Files.readString(agent.sandbox("e1").resolve("shared/data/hello.txt")));
            agent.exitExecutor("e1", 0);
        }
    }

    @Test
    void aVolumeItCannotLinkFailsTheLaunchWithTheIsolatorsReason() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--isolation=posix/cpu,filesystem/posix")) {
            agent.run(framework(), commandTask("t1", "touch ran").setContainer(volumes(hostPath("/data"))));

            TaskStatus failed = agent.acknowledgeStates("t1", TaskState.TASK_STARTING, TaskState.TASK_FAILED);

            assertEquals(TaskStatus.Reason.REASON_CONTAINER_LAUNCH_FAILED, failed.getReason());
            assertEquals(TaskStatus.Source.SOURCE_AGENT, failed.getSource());
            assertEquals("Failed to launch container: Failed to prepare isolator 'filesystem/posix': Absolute"
                    + " container path '/data' is not supported without a container root filesystem:"
                    + " filesystem/posix links volumes into the sandbox, use a path relative to it",
                    failed.getMessage());
            assertFalse(Files.exists(agent.sandbox("t1").resolve("ran")), "the task never ran");
        }
    }

    private Volume hostPath(String containerPath) {
        return Volume.newBuilder().setContainerPath(containerPath).setMode(Volume.Mode.RW)
                .setSource(Volume.Source.newBuilder().setType(Volume.Source.Type.HOST_PATH)
                        .setHostPath(Volume.Source.HostPath.newBuilder().setPath(host.toString()))).build();
    }

    private static ContainerInfo volumes(Volume volume) {
        return ContainerInfo.newBuilder().setType(ContainerInfo.Type.MESOS).addVolumes(volume).build();
    }
}
