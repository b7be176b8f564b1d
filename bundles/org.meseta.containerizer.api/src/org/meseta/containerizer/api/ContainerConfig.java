package org.meseta.containerizer.api;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.mesos.v1.Protos.ContainerInfo;

/**
 * What isolators know of a container when it is prepared.
 *
 * @param id the container
 * @param sandbox its sandbox directory, created and filled before {@link Isolator#prepare}; the working directory of
 *     its first process
 * @param user the user its processes run as, empty for the agent's own
 * @param limits what it may use when it starts; {@link Isolator#update} brings later changes
 * @param container the {@code ContainerInfo} the framework gave (its executor's, or a command task's own), with its
 *     volumes; empty when it gave none
 */
public record ContainerConfig(ContainerId id, Path sandbox, Optional<String> user, ContainerLimits limits,
        Optional<ContainerInfo> container) {

    /** A container the framework gave no {@code ContainerInfo}. */
    public ContainerConfig(ContainerId id, Path sandbox, Optional<String> user, ContainerLimits limits) {
        this(id, sandbox, user, limits, Optional.empty());
    }
}
