package org.meseta.cli.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;

/** The {@code --framework_capabilities} flag: a comma-separated list of Mesos framework capability names. */
final class Capabilities {

    private static final String KNOWN = Arrays.stream(Capability.Type.values())
            .filter(type -> type != Capability.Type.UNKNOWN)
            .map(Enum::name)
            .collect(Collectors.joining(", "));

    private Capabilities() {}

    /**
     * Parses the flag value, e.g. {@code TASK_KILLING_STATE,PARTITION_AWARE}.
     *
     * @throws IllegalArgumentException naming the first unknown capability (the flag parser's contract)
     */
    static Set<Capability.Type> parse(String text) {
        Set<Capability.Type> types = EnumSet.noneOf(Capability.Type.class);
        for (String name : text.split(",", -1)) {
            types.add(type(name.strip()));
        }
        return types;
    }

    /** The flag value that gives {@code types}. */
    static String print(Set<Capability.Type> types) {
        return types.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Capability.Type type(String name) {
        if (!name.isEmpty() && !name.equals(Capability.Type.UNKNOWN.name())) {
            for (Capability.Type type : Capability.Type.values()) {
                if (type.name().equals(name)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("unknown capability '" + name + "'; known capabilities: " + KNOWN);
    }
}
