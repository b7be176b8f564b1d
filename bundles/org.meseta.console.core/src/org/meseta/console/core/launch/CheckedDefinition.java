package org.meseta.console.core.launch;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TaskDefinition} checked: what a launch sends, or what is wrong with each field. Immutable.
 *
 * @param spec present exactly when there are no problems
 * @param problems each field that is wrong → what is wrong with it, a sentence for the administrator
 */
public record CheckedDefinition(Optional<LaunchSpec> spec, Map<DefinitionField, String> problems) {

    public CheckedDefinition {
        problems = problems.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(problems));
        if (spec.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("A checked definition has a spec or problems, not both: " + problems);
        }
    }

    /** Whether the definition may be launched. */
    public boolean isValid() {
        return spec.isPresent();
    }

    /** The first problem found, in the order of the fields; empty when valid. */
    public Optional<String> firstProblem() {
        return problems.values().stream().findFirst();
    }
}
