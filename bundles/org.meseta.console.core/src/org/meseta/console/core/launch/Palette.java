package org.meseta.console.core.launch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task definitions of the console's launch palette, in the administrator's order, each name at most once.
 * Immutable: editing returns a new palette. {@link #encode()} and {@link #decode(String)} turn it into one string for
 * a preference store.
 *
 * @param definitions in order
 */
public record Palette(List<TaskDefinition> definitions) {

    /** A palette without definitions. */
    public static final Palette EMPTY = new Palette(List.of());

    public Palette {
        definitions = List.copyOf(definitions);
    }

    /** Reads what {@link #encode()} wrote; damaged or missing text gives the definitions that could be read. */
    public static Palette decode(String encoded) {
        return new Palette(DefinitionsJson.read(encoded));
    }

    /** The palette as one string (JSON). */
    public String encode() {
        return DefinitionsJson.write(definitions);
    }

    /** The definition named {@code name}, if any. */
    public Optional<TaskDefinition> named(String name) {
        return definitions.stream().filter(definition -> definition.name().strip().equals(name.strip())).findFirst();
    }

    /**
     * Checks {@code edited}, which replaces the definition named {@code replacing} (none: it is a new one), as
     * {@link TaskDefinition#check()} does, and also that no other definition has its name.
     */
    public CheckedDefinition check(TaskDefinition edited, Optional<String> replacing) {
        CheckedDefinition checked = edited.check();
        String name = edited.name().strip();
        boolean taken = !name.isEmpty() && named(name).isPresent()
                && !replacing.map(String::strip).filter(name::equals).isPresent();
        if (!taken) {
            return checked;
        }
        Map<DefinitionField, String> problems = new EnumMap<>(DefinitionField.class);
        problems.putAll(checked.problems());
        problems.put(DefinitionField.NAME, "Another definition is named " + name);
        return new CheckedDefinition(Optional.empty(), problems);
    }

    /**
     * This palette with {@code edited} in place of the definition named {@code replacing}, or added at the end when
     * there is none such. Does not check it (see {@link #check}).
     */
    public Palette with(TaskDefinition edited, Optional<String> replacing) {
        List<TaskDefinition> next = new ArrayList<>(definitions);
        int index = replacing.flatMap(this::named).map(next::indexOf).orElse(-1);
        if (index < 0) {
            next.add(edited);
        } else {
            next.set(index, edited);
        }
        return new Palette(next);
    }

    /** This palette without the definition named {@code name}. */
    public Palette without(String name) {
        return new Palette(definitions.stream().filter(definition -> !definition.name().strip()
                .equals(name.strip())).toList());
    }
}
