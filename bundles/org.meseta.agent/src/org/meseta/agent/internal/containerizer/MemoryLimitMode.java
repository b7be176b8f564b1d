package org.meseta.agent.internal.containerizer;

import java.util.Optional;

/**
 * How {@code cgroups/mem} limits a container's memory. Only what the isolator implements is here: a soft limit or a
 * limit on memory plus swap would be new constants once an isolator enforces them.
 */
public enum MemoryLimitMode {

    /** The kernel stops the container at its {@code mem} ({@code memory.limit_in_bytes}, v2 {@code memory.max}). */
    HARD("hard");

    private final String value;

    MemoryLimitMode(String value) {
        this.value = value;
    }

    /** The name in the settings JSON, e.g. {@code hard}. */
    public String value() {
        return value;
    }

    /** The mode of that name, if there is one. */
    public static Optional<MemoryLimitMode> of(String value) {
        for (MemoryLimitMode mode : values()) {
            if (mode.value.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
