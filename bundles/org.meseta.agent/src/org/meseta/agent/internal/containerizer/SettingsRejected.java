package org.meseta.agent.internal.containerizer;

import java.util.List;

/** A change of the isolation settings was refused, for the reasons listed; nothing changed. */
public final class SettingsRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SettingsError> errors;

    public SettingsRejected(List<SettingsError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    /** At least one. */
    public List<SettingsError> errors() {
        return errors;
    }
}
