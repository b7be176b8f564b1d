package org.meseta.containerizer.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What isolators know of a container when it is prepared.
 *
 * @param id the container
 * @param sandbox its sandbox directory, created and filled before {@link Isolator#prepare}
 * @param user the user its processes run as, empty for the agent's own
 * @param limits what it may use when it starts; {@link Isolator#update} brings later changes
 */
public record ContainerConfig(ContainerId id, Path sandbox, Optional<String> user, ContainerLimits limits) {}
