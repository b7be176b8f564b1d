package org.meseta.console.core.calls;

import java.util.Optional;

/** The agent's isolation settings that an operator may change while it runs (docs/isolation.md). */
public enum IsolationField {
    /** The isolators new containers get, in order. */
    ISOLATION("isolation"),
    /** Whether {@code cgroups/cpu} sets a CFS quota. */
    CGROUPS_ENABLE_CFS("cgroups_enable_cfs"),
    /** How {@code cgroups/mem} limits memory. */
    MEMORY_LIMIT_MODE("memory_limit_mode"),
    /** The most processes a container may have: a positive integer or {@code max}. */
    PIDS_LIMIT("pids_limit"),
    /** The cgroup under which new containers get theirs. */
    CGROUPS_ROOT("cgroups_root");

    private final String jsonName;

    IsolationField(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The field's name in the agent's JSON, which is also how the agent names it in errors. */
    public String jsonName() {
        return jsonName;
    }

    /** The field the agent calls {@code name}, or empty for one it does not name a setting with ({@code body}). */
    public static Optional<IsolationField> named(String name) {
        for (IsolationField field : values()) {
            if (field.jsonName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
