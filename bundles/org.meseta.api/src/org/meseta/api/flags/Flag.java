package org.meseta.api.flags;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The declaration of one Mesos-style command-line flag ({@code --name=value}): its name, help text, how its value
 * is parsed and printed, and either a default value or none (an optional flag) or a requirement to be given.
 *
 * <p>Declare flags once, as constants, and read their values from the {@link Flags} that {@link FlagParser}
 * returns, passing the same {@code Flag} object (flags are compared by identity). Immutable and thread-safe.
 *
 * @param <T> the type of the value
 */
public final class Flag<T> {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_]*");

    private final String name;
    private final String help;
    private final T defaultValue;
    private final boolean required;
    private final boolean bool;
    private final Function<String, T> parser;
    private final Function<? super T, String> printer;

    private Flag(String name, String help, T defaultValue, boolean required, boolean bool,
            Function<String, T> parser, Function<? super T, String> printer) {
        if (!NAME.matcher(name).matches() || name.equals("help")) {
            throw new IllegalArgumentException("Invalid flag name '" + name
                    + "': use lower-case letters, digits and '_' ('help' is reserved)");
        }
        this.name = name;
        this.help = Objects.requireNonNull(help, "help");
        this.defaultValue = defaultValue;
        this.required = required;
        this.bool = bool;
        this.parser = parser;
        this.printer = printer;
    }

    /**
     * A flag of any type.
     *
     * @param name the flag name, without dashes, e.g. {@code work_dir}
     * @param help one or more lines of help text
     * @param parser parses a value; throws {@link IllegalArgumentException} whose message says what was expected,
     *     e.g. "expected an integer"
     * @param printer prints a value the way it would be given on the command line
     * @return an optional flag without a default
     */
    public static <T> Flag<T> custom(String name, String help, Function<String, T> parser,
            Function<? super T, String> printer) {
        return new Flag<>(name, help, null, false, false, parser, printer);
    }

    /** @return a flag whose value is any text, defaulting to {@code defaultValue} */
    public static Flag<String> string(String name, String help, String defaultValue) {
        return string(name, help).withDefault(defaultValue);
    }

    /** @return an optional flag whose value is any text */
    public static Flag<String> string(String name, String help) {
        return custom(name, help, Function.identity(), Function.identity());
    }

    /** @return a flag whose value is a 32-bit integer, defaulting to {@code defaultValue} */
    public static Flag<Integer> integer(String name, String help, int defaultValue) {
        return integer(name, help).withDefault(defaultValue);
    }

    /** @return an optional flag whose value is a 32-bit integer */
    public static Flag<Integer> integer(String name, String help) {
        String outOfRange = "expected an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        return custom(name, help,
                text -> parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "expected an integer", outOfRange),
                String::valueOf);
    }

    /** @return a flag whose value is a TCP/UDP port (1 to 65535), defaulting to {@code defaultValue} */
    public static Flag<Integer> port(String name, String help, int defaultValue) {
        return port(name, help).withDefault(defaultValue);
    }

    /** @return an optional flag whose value is a TCP/UDP port (1 to 65535) */
    public static Flag<Integer> port(String name, String help) {
        String expected = "expected a port number between 1 and 65535";
        return custom(name, help, text -> parseInteger(text, 1, 65535, expected, expected), String::valueOf);
    }

    /**
     * A boolean flag: {@code --name} or {@code --name=true} sets it, {@code --no-name} or {@code --name=false}
     * clears it ({@code 1} and {@code 0} are accepted too, as in Mesos).
     *
     * @return the flag, defaulting to {@code defaultValue}
     */
    public static Flag<Boolean> bool(String name, String help, boolean defaultValue) {
        return bool(name, help).withDefault(defaultValue);
    }

    /** @return an optional boolean flag (see {@link #bool(String, String, boolean)}) */
    public static Flag<Boolean> bool(String name, String help) {
        return new Flag<>(name, help, null, false, true, Flag::parseBoolean, String::valueOf);
    }

    /** @return a flag whose value is a duration in stout form ({@link StoutDuration}), e.g. {@code 15secs} */
    public static Flag<Duration> duration(String name, String help, Duration defaultValue) {
        return duration(name, help).withDefault(defaultValue);
    }

    /** @return an optional flag whose value is a duration in stout form ({@link StoutDuration}) */
    public static Flag<Duration> duration(String name, String help) {
        return custom(name, help, StoutDuration::parseValue, StoutDuration::format);
    }

    /** @return a flag whose value is a file system path, defaulting to {@code defaultValue} */
    public static Flag<Path> path(String name, String help, Path defaultValue) {
        return path(name, help).withDefault(defaultValue);
    }

    /** @return an optional flag whose value is a file system path */
    public static Flag<Path> path(String name, String help) {
        return custom(name, help, Flag::parsePath, Path::toString);
    }

    /**
     * @param value the value to use when the flag is not given
     * @return a copy of this flag with that default
     * @throws IllegalStateException if this flag is required
     */
    public Flag<T> withDefault(T value) {
        if (required) {
            throw new IllegalStateException("Flag '--" + name + "' is required and cannot have a default");
        }
        return new Flag<>(name, help, Objects.requireNonNull(value, "value"), false, bool, parser, printer);
    }

    /**
     * @return a copy of this flag that must be given on the command line
     * @throws IllegalStateException if this flag has a default value
     */
    public Flag<T> required() {
        if (defaultValue != null) {
            throw new IllegalStateException("Flag '--" + name + "' has a default and cannot be required");
        }
        return new Flag<>(name, help, null, true, bool, parser, printer);
    }

    /** @return the name, without dashes */
    public String name() {
        return name;
    }

    /** @return the help text */
    public String help() {
        return help;
    }

    /** @return the value used when the flag is not given, if any */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** @return true if the flag must be given */
    public boolean isRequired() {
        return required;
    }

    /** @return true for a boolean flag, which takes no value and may be negated with {@code --no-} */
    public boolean isBoolean() {
        return bool;
    }

    /** @throws IllegalArgumentException with the reason, e.g. "expected an integer" */
    T parse(String text) {
        return parser.apply(text);
    }

    String print(T value) {
        return printer.apply(value);
    }

    @Override
    public String toString() {
        return "--" + name;
    }

    private static int parseInteger(String text, int min, int max, String notAnInteger, String outOfRange) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(notAnInteger);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(outOfRange);
        }
        return (int) value;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static Path parsePath(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("expected a path, not an empty value");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("expected a path: " + e.getReason());
        }
    }
}
