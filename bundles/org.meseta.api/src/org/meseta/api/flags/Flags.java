package org.meseta.api.flags;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The flag values of one program run, as parsed by {@link FlagParser}: the values given on the command line plus
 * the defaults of the flags that were not given.
 *
 * <p>Immutable and thread-safe. Every accessor takes a {@link Flag} that was declared to the parser (the same
 * object) and throws {@link IllegalArgumentException} for any other.
 */
public final class Flags {
    private final Map<String, Flag<?>> declared;
    private final Map<String, Object> explicit;
    private final boolean helpRequested;

    Flags(Map<String, Flag<?>> declared, Map<String, Object> explicit, boolean helpRequested) {
        this.declared = Collections.unmodifiableMap(declared);
        this.explicit = Collections.unmodifiableMap(explicit);
        this.helpRequested = helpRequested;
    }

    /**
     * @return the value given on the command line, or else the default
     * @throws IllegalStateException if the flag was not given and has no default (an optional flag, or any flag
     *     when {@link #helpRequested()})
     */
    public <T> T get(Flag<T> flag) {
        return find(flag).orElseThrow(() -> new IllegalStateException(
                "Flag '" + flag + "' was not given and has no default"));
    }

    /** @return the value given on the command line, or else the default, or empty if neither exists */
    public <T> Optional<T> find(Flag<T> flag) {
        checkDeclared(flag);
        @SuppressWarnings("unchecked") // Stored by FlagParser from this very flag's parser.
        T value = (T) explicit.get(flag.name());
        return value != null ? Optional.of(value) : flag.defaultValue();
    }

    /** @return true if the flag was given on the command line (even if with its default value) */
    public boolean isExplicit(Flag<?> flag) {
        checkDeclared(flag);
        return explicit.containsKey(flag.name());
    }

    /**
     * @return true if {@code --help} was given; the program should then print
     *     {@link FlagParser#usage} and exit. No other flag was validated or read in that case.
     */
    public boolean helpRequested() {
        return helpRequested;
    }

    /**
     * @return every declared flag that has a value (given or default), by name, printed as Mesos's {@code /flags}
     *     endpoint shows them: booleans {@code true}/{@code false}, durations in stout form ({@code 15secs}),
     *     everything else as it would be typed
     */
    public SortedMap<String, String> effectiveValues() {
        SortedMap<String, String> values = new TreeMap<>();
        declared.values().forEach(flag -> printed(flag).ifPresent(text -> values.put(flag.name(), text)));
        return Collections.unmodifiableSortedMap(values);
    }

    private <T> Optional<String> printed(Flag<T> flag) {
        return find(flag).map(flag::print);
    }

    private void checkDeclared(Flag<?> flag) {
        if (declared.get(flag.name()) != flag) {
            throw new IllegalArgumentException("Flag '" + flag + "' was not declared to the parser");
        }
    }
}
