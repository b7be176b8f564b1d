package org.meseta.containerizer.posix.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ContainerInfo;
import org.apache.mesos.v1.Protos.Volume;
import org.meseta.containerizer.api.IsolatorException;

/**
 * The volumes of a {@code ContainerInfo} as {@code filesystem/posix} makes them: host paths linked into the sandbox.
 * Checks them as Mesos does, with its words where it has them: {@code common/validation}'s volume rules, then
 * {@code volume/host_path}'s (the host path absolute and existing). What a symlink cannot do is refused: a root file
 * system (Mesos's {@code filesystem/posix}: {@code Container root filesystems not supported}), an absolute
 * {@code container_path} (it would have to be mounted over the host's own path), a path leading out of the sandbox,
 * and volumes of other kinds (image, sandbox path, secret, docker and CSI volumes). Stateless; blocking file-system
 * work.
 */
final class SandboxVolumes {

    private SandboxVolumes() {}

    /**
     * One volume as a symlink.
     *
     * @param link where in the sandbox it appears
     * @param target the host path it points at
     * @param readOnly whether the framework asked for {@code RO}, which a symlink cannot enforce
     */
    record Link(Path link, Path target, boolean readOnly) {}

    /**
     * The links {@code container}'s volumes make in {@code sandbox}, checked, none made yet.
     *
     * @throws IsolatorException for the first volume that cannot be linked, saying why in one line
     */
    static List<Link> links(ContainerInfo container, Path sandbox) throws IsolatorException {
        if (container.hasMesos() && container.getMesos().hasImage()) {
            throw new IsolatorException("Container root filesystems not supported");
        }
        List<Link> links = new ArrayList<>();
        for (Volume volume : container.getVolumesList()) {
            Optional<String> invalid = invalid(volume);
            if (invalid.isPresent()) {
                throw new IsolatorException("Invalid volume: " + invalid.get());
            }
            Path target = hostPath(volume);
            if (!Files.exists(target)) {
                throw new IsolatorException("Path '" + target + "' in HOST_PATH volume does not exist");
            }
            Path link = inside(sandbox, volume.getContainerPath());
            if (links.stream().anyMatch(other -> other.link().equals(link))) {
                throw new IsolatorException("Container path '" + volume.getContainerPath() + "' is used by two"
                        + " volumes");
            }
            links.add(new Link(link, target, volume.getMode() == Volume.Mode.RO));
        }
        return links;
    }

    /**
     * Makes the links in {@code sandbox}, with the directories a nested {@code container_path} needs (owned as the
     * sandbox is); if one fails, those made are removed again. A path through a symlink already in the sandbox (a
     * fetched archive's, another volume's) is refused: the agent would make the link somewhere on the host.
     */
    static void create(Path sandbox, List<Link> links) throws IsolatorException {
        Path base = sandbox.normalize();
        List<Path> made = new ArrayList<>();
        for (Link link : links) {
            try {
                directoriesFor(base, link.link());
                if (Files.exists(link.link(), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("the sandbox already has '" + base.relativize(link.link()) + "'");
                }
                made.add(Files.createSymbolicLink(link.link(), link.target()));
            } catch (IOException e) {
                made.forEach(SandboxVolumes::deleteQuietly);
                throw new IsolatorException("Failed to symlink '" + link.target() + "' -> '" + link.link() + "': "
                        + e.getMessage(), e);
            }
        }
    }

    /** Mesos's {@code validateVolume}: the error in its words, empty for a well-formed volume. */
    private static Optional<String> invalid(Volume volume) {
        int kinds = (volume.hasHostPath() ? 1 : 0) + (volume.hasImage() ? 1 : 0) + (volume.hasSource() ? 1 : 0);
        if (kinds != 1) {
            return Optional.of("Only one of them should be set: 'host_path', 'image' and 'source'");
        }
        if (!volume.hasSource()) {
            return Optional.empty();
        }
        Volume.Source source = volume.getSource();
        return switch (source.getType()) {
            case DOCKER_VOLUME -> missing(source.hasDockerVolume(), "'source.docker_volume' is not set for"
                    + " DOCKER_VOLUME volume");
            case HOST_PATH -> missing(source.hasHostPath(), "'source.host_path' is not set for HOST_PATH volume");
            case SANDBOX_PATH -> missing(source.hasSandboxPath(), "'source.sandbox_path' is not set for SANDBOX_PATH"
                    + " volume");
            case SECRET -> missing(source.hasSecret(), "'source.secret' is not set for SECRET volume");
            case CSI_VOLUME -> !source.hasCsiVolume() ? Optional.of("'source.csi_volume' is not set for CSI volume")
                    : missing(source.getCsiVolume().hasStaticProvisioning(), "'source.csi_volume.static_provisioning'"
                            + " is not set for CSI volume");
            case UNKNOWN -> Optional.of("'source.type' is unknown");
        };
    }

    private static Optional<String> missing(boolean present, String error) {
        return present ? Optional.empty() : Optional.of(error);
    }

    /** The absolute host path a well-formed volume links to; other kinds of volumes are refused. */
    private static Path hostPath(Volume volume) throws IsolatorException {
        String kind;
        if (volume.hasHostPath()) {
            if (volume.getHostPath().startsWith("/")) {
                return Path.of(volume.getHostPath());
            }
            kind = "a relative 'host_path' (a sandbox path)";
        } else if (volume.hasImage()) {
            kind = "an image";
        } else if (volume.getSource().getType() == Volume.Source.Type.HOST_PATH) {
            String path = volume.getSource().getHostPath().getPath();
            if (!path.startsWith("/")) {
                throw new IsolatorException("Path '" + path + "' in HOST_PATH volume is not absolute");
            }
            return Path.of(path);
        } else {
            kind = "a " + volume.getSource().getType() + " source";
        }
        throw new IsolatorException("Volume '" + volume.getContainerPath() + "' with " + kind + " is not supported:"
                + " filesystem/posix links host paths into the sandbox");
    }

    /** Where a relative container path leads in the sandbox; it must stay inside. */
    private static Path inside(Path sandbox, String containerPath) throws IsolatorException {
        if (containerPath.startsWith("/")) {
            throw new IsolatorException("Absolute container path '" + containerPath + "' is not supported without a"
                    + " container root filesystem: filesystem/posix links volumes into the sandbox, use a path"
                    + " relative to it");
        }
        Path base = sandbox.normalize();
        Path link = base.resolve(containerPath).normalize();
        if (!link.startsWith(base) || link.equals(base)) {
            throw new IsolatorException("Container path '" + containerPath + "' does not name a path inside the"
                    + " sandbox");
        }
        return link;
    }

    /**
     * Makes sure every directory between {@code sandbox} and {@code link} is a real directory in the sandbox,
     * creating those missing with the sandbox's owner and group.
     */
    private static void directoriesFor(Path sandbox, Path link) throws IOException {
        if (link.getParent().equals(sandbox)) {
            return;
        }
        PosixFileAttributes owner = Files.readAttributes(sandbox, PosixFileAttributes.class);
        Path directory = sandbox;
        for (Path name : sandbox.relativize(link.getParent())) {
            directory = directory.resolve(name);
            if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(directory);
                PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                view.setOwner(owner.owner());
                view.setGroup(owner.group());
            } else if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("'" + sandbox.relativize(directory) + "' in the sandbox is not a directory");
            }
        }
    }

    private static void deleteQuietly(Path link) {
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            // the launch fails anyway; a stray link in its sandbox harms nothing
        }
    }
}
