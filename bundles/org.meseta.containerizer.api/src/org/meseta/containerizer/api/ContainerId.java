package org.meseta.containerizer.api;

/**
 * The id of one container on an agent: Mesos's {@code ContainerID.value}, a UUID the agent makes up per executor run.
 *
 * @param value non-empty
 */
public record ContainerId(String value) {

    public ContainerId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("A container id must not be empty");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
