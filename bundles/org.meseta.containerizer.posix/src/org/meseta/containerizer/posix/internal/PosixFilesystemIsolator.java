package org.meseta.containerizer.posix.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.Launcher;
import org.meseta.containerizer.api.Limitation;

/**
 * {@code filesystem/posix}, Mesos's file system isolator for containers that share the host's file system: the
 * sandbox is the container's working directory (the launcher starts it there) and each host path volume of its
 * {@code ContainerInfo} appears in the sandbox as a symlink at its relative {@code container_path}
 * ({@link SandboxVolumes}). A container that asks for a root file system (an image), or for a volume that would need
 * one or a mount, fails to launch. It measures and enforces nothing. The links stay in the sandbox after the container
 * ended, as in Mesos. Thread-safe.
 */
final class PosixFilesystemIsolator extends PosixIsolator {

    private static final System.Logger LOG = System.getLogger(PosixFilesystemIsolator.class.getName());

    PosixFilesystemIsolator(Launcher launcher) {
        super(launcher);
    }

    /** Links the container's volumes into its sandbox; on any failure none stays and the container is unknown. */
    @Override
    public void prepare(ContainerConfig config) throws IsolatorException {
        super.prepare(config);
        try {
            List<SandboxVolumes.Link> links = config.container().isEmpty() ? List.of()
                    : SandboxVolumes.links(config.container().get(), config.sandbox());
            links.stream().filter(SandboxVolumes.Link::readOnly).forEach(link -> LOG.log(System.Logger.Level.WARNING,
                    "Allowing read-write access to read-only volume ''{0}'' of container {1}: a symlink cannot make"
                            + " it read-only", link.target(), config.id()));
            SandboxVolumes.create(config.sandbox(), links);
        } catch (IsolatorException e) {
            containers.remove(config.id());
            throw e;
        }
    }

    @Override
    public CompletableFuture<Limitation> watch(ContainerId id) {
        return new CompletableFuture<>(); // filesystem/posix enforces nothing
    }

    @Override
    public ResourceStatistics usage(ContainerId id) throws IsolatorException {
        containers.entry(id);
        return ResourceStatistics.newBuilder().buildPartial();
    }
}
