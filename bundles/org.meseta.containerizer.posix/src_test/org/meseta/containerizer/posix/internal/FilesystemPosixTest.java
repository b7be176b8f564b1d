package org.meseta.containerizer.posix.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.Image;
import org.apache.mesos.v1.Protos.Volume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLaunchInfo;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.meseta.testing.ServiceLease;

/**
 * {@code filesystem/posix}, found as an OSGi service by name as the agent finds it, on a real sandbox: host path
 * volumes become symlinks in it, and what a symlink cannot do fails the prepare with Mesos's words where it has them,
 * leaving no link and no container behind.
 */
class FilesystemPosixTest {

    private static final ContainerId ID = new ContainerId("c1");

    @TempDir
    Path dir;

    private Path sandbox;
    private Path host;
    private Isolator isolator;

    @BeforeEach
    void create() throws Exception {
        sandbox = Files.createDirectory(dir.resolve("sandbox"));
        host = Files.createDirectory(dir.resolve("host"));
        Files.writeString(host.resolve("hello.txt"), "hello\n");
        try (ServiceLease<IsolatorFactory> factory = ServiceLease.await(FilesystemPosixTest.class,
                IsolatorFactory.class, "(" + IsolatorFactory.NAME_PROPERTY + "=filesystem/posix)",
                "org.meseta.containerizer.posix", Duration.ofSeconds(10))) {
            isolator = factory.service().create(new IsolatorOptions(pid -> List.of(pid)));
        }
    }

    @AfterEach
    void close() {
        isolator.close();
    }

    @Test
    void hostPathVolumesAreLinkedIntoTheSandboxAtTheirContainerPaths() throws Exception {
        Volume legacy = Volume.newBuilder().setContainerPath("data").setHostPath(host.toString())
                .setMode(Volume.Mode.RO).build();
        Volume nested = hostPath("conf/app/hello.txt", host.resolve("hello.txt").toString());

        isolator.prepare(config(legacy, nested));

        assertEquals("hello\n", Files.readString(sandbox.resolve("data/hello.txt")));
        assertEquals(host, Files.readSymbolicLink(sandbox.resolve("data")));
        assertEquals("hello\n", Files.readString(sandbox.resolve("conf/app/hello.txt")));
        assertTrue(Files.isDirectory(sandbox.resolve("conf/app"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(ContainerLaunchInfo.NONE, isolator.launchInfo(config(legacy, nested)),
                "the launcher already starts the container in its sandbox");
        isolator.cleanup(ID);
        assertTrue(Files.isSymbolicLink(sandbox.resolve("data")), "as in Mesos, the links go with the sandbox");
    }

    @Test
    void aContainerWithoutVolumesOrContainerInfoNeedsNothing() throws Exception {
        isolator.prepare(new ContainerConfig(ID, sandbox, Optional.empty(), ContainerLimits.NONE));

        assertEquals(0, isolator.usage(ID).getSerializedSize(), "it measures nothing");
        try (var entries = Files.list(sandbox)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void whatASymlinkCannotDoFailsThePrepareInMesossWordsWhereItHasThem() throws Exception {
        Path missing = dir.resolve("missing");
        ContainerInfo image = ContainerInfo.newBuilder().setType(ContainerInfo.Type.MESOS)
                .setMesos(ContainerInfo.MesosInfo.newBuilder().setImage(Image.newBuilder()
                        .setType(Image.Type.DOCKER).setDocker(Image.Docker.newBuilder().setName("alpine")))).build();

        assertEquals("Container root filesystems not supported", refusal(config(image)));
        assertEquals("Path '" + missing + "' in HOST_PATH volume does not exist",
                refusal(config(hostPath("data", missing.toString()))));
        assertEquals("Path 'relative' in HOST_PATH volume is not absolute",
                refusal(config(hostPath("data", "relative"))));
        assertEquals("Absolute container path '/data' is not supported without a container root filesystem:"
                + " filesystem/posix links volumes into the sandbox, use a path relative to it",
                refusal(config(hostPath("/data", host.toString()))));
        assertEquals("Container path '../out' does not name a path inside the sandbox",
                refusal(config(hostPath("../out", host.toString()))));
        assertEquals("Invalid volume: Only one of them should be set: 'host_path', 'image' and 'source'",
                refusal(config(hostPath("data", host.toString()).toBuilder().setHostPath(host.toString()).build())));
        assertEquals("Invalid volume: 'source.secret' is not set for SECRET volume",
                refusal(config(Volume.newBuilder().setContainerPath("s").setMode(Volume.Mode.RW)
                        .setSource(Volume.Source.newBuilder().setType(Volume.Source.Type.SECRET)).build())));
        assertEquals("Volume 'p' with a SANDBOX_PATH source is not supported: filesystem/posix links host paths"
                + " into the sandbox", refusal(config(Volume.newBuilder().setContainerPath("p")
                        .setMode(Volume.Mode.RW).setSource(Volume.Source.newBuilder()
                                .setType(Volume.Source.Type.SANDBOX_PATH).setSandboxPath(Volume.Source.SandboxPath
                                        .newBuilder().setPath("shared"))).build())));
        assertEquals("Container path './data' is used by two volumes",
                refusal(config(hostPath("data", host.toString()), hostPath("./data", host.toString()))));
    }

    @Test
    void aLinkThatCannotBeMadeRemovesThoseMadeBeforeIt() throws Exception {
        Files.writeString(sandbox.resolve("taken"), "fetched");

        assertEquals("Failed to symlink '" + host + "' -> '" + sandbox.resolve("taken") + "': the sandbox already"
                + " has 'taken'", refusal(config(hostPath("first", host.toString()),
                        hostPath("taken", host.toString()))));
        assertFalse(Files.exists(sandbox.resolve("first"), LinkOption.NOFOLLOW_LINKS));
        isolator.prepare(config(hostPath("first", host.toString())));
        assertTrue(Files.isSymbolicLink(sandbox.resolve("first")), "the failed container was forgotten");
    }

    @Test
    void aContainerPathThroughASymlinkInTheSandboxIsRefused() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createSymbolicLink(sandbox.resolve("fetched"), elsewhere);

        assertEquals("Failed to symlink '" + host + "' -> '" + sandbox.resolve("fetched/x") + "': 'fetched' in the"
                + " sandbox is not a directory", refusal(config(hostPath("fetched/x", host.toString()))));
        try (var entries = Files.list(elsewhere)) {
            assertEquals(0, entries.count(), "nothing was made outside the sandbox");
        }
    }

    private String refusal(ContainerConfig config) {
        String message = assertThrows(IsolatorException.class, () -> isolator.prepare(config)).getMessage();
        assertThrows(IsolatorException.class, () -> isolator.usage(ID), "a refused container is not known");
        return message;
    }

    private static Volume hostPath(String containerPath, String path) {
        return Volume.newBuilder().setContainerPath(containerPath).setMode(Volume.Mode.RW)
                .setSource(Volume.Source.newBuilder().setType(Volume.Source.Type.HOST_PATH)
                        .setHostPath(Volume.Source.HostPath.newBuilder().setPath(path))).build();
    }

    private ContainerConfig config(Volume... volumes) {
        return config(ContainerInfo.newBuilder().setType(ContainerInfo.Type.MESOS).addAllVolumes(List.of(volumes))
                .build());
    }

    private ContainerConfig config(ContainerInfo container) {
        return new ContainerConfig(ID, sandbox, Optional.empty(), ContainerLimits.NONE, Optional.of(container));
    }
}
