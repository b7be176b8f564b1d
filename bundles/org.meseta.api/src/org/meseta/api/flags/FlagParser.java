package org.meseta.api.flags;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses Mesos-style command-line flags and prints their usage text.
 *
 * <p>Arguments have the form {@code --name=value}; names are case-insensitive. A boolean flag may also be given as
 * {@code --name} (true) or {@code --no-name} (false). {@code --help} asks for the usage text and suppresses every
 * other check. Anything else is an error reported as one line by {@link FlagException}: an unknown flag, a missing
 * or bad value, a flag given twice, a positional argument, a required flag not given.
 *
 * <p>Stateless and thread-safe.
 */
public final class FlagParser {
    private static final String HELP = "help";
    private static final String HELP_TEXT = "Prints this help message";
    /** Spaces between the longest flag column and the help column, as in Mesos. */
    private static final int PAD = 5;

    private FlagParser() {
    }

    /**
     * @param flags the program's flags; names must be distinct
     * @param args the command-line arguments, without the program name
     * @return the values
     * @throws FlagException for the first problem found
     * @throws IllegalArgumentException if two flags share a name (a programming error)
     */
    public static Flags parse(List<Flag<?>> flags, List<String> args) throws FlagException {
        Map<String, Flag<?>> declared = new LinkedHashMap<>();
        for (Flag<?> flag : flags) {
            if (declared.putIfAbsent(flag.name(), flag) != null) {
                throw new IllegalArgumentException("Flag '" + flag + "' is declared twice");
            }
        }
        if (args.stream().anyMatch(FlagParser::asksForHelp)) {
            return new Flags(declared, Map.of(), true);
        }
        Map<String, Object> values = new HashMap<>();
        for (String arg : args) {
            parseArgument(arg, declared, values);
        }
        for (Flag<?> flag : flags) {
            if (flag.isRequired() && !values.containsKey(flag.name())) {
                throw new FlagException("Missing required flag '" + flag + "'");
            }
        }
        return new Flags(declared, values, false);
    }

    private static boolean asksForHelp(String arg) {
        String text = arg.strip().toLowerCase(Locale.ROOT);
        return text.equals("--" + HELP) || text.equals("--" + HELP + "=") || text.equals("--" + HELP + "=true")
                || text.equals("--" + HELP + "=1");
    }

    /** The forms of --help that {@link #asksForHelp} did not catch can only turn help off (or be wrong). */
    private static void checkHelpOff(String name, String value) throws FlagException {
        boolean off = name.equals(HELP) ? value.equals("false") || value.equals("0") : value == null;
        if (!off) {
            throw new FlagException(name.equals(HELP)
                    ? "Invalid value '" + value + "' for flag '--" + HELP + "': expected true or false"
                    : "Flag '--no-" + HELP + "' does not take a value");
        }
    }

    private static void parseArgument(String arg, Map<String, Flag<?>> declared, Map<String, Object> values)
            throws FlagException {
        String text = arg.strip();
        if (!text.startsWith("--")) {
            throw new FlagException("Unexpected argument '" + arg + "': flags have the form --name=value");
        }
        int equals = text.indexOf('=');
        String given = equals < 0 ? text : text.substring(0, equals);
        String name = given.substring(2).toLowerCase(Locale.ROOT);
        String value = equals < 0 ? null : text.substring(equals + 1);
        if (name.isEmpty()) {
            throw new FlagException("Invalid argument '" + arg + "': the flag name is missing");
        }
        if (name.equals(HELP) || name.equals("no-" + HELP)) {
            checkHelpOff(name, value);
            return;
        }
        Flag<?> flag = declared.get(name);
        boolean negated = flag == null && name.startsWith("no-") && declared.containsKey(name.substring(3));
        if (negated) {
            flag = declared.get(name.substring(3));
            if (!flag.isBoolean()) {
                throw new FlagException("Flag '" + flag + "' is not a boolean and cannot be given as '" + given + "'");
            }
            if (value != null) {
                throw new FlagException("Flag '" + given + "' does not take a value");
            }
        }
        if (flag == null) {
            throw new FlagException("Unknown flag '" + given + "'");
        }
        if (values.containsKey(flag.name())) {
            throw new FlagException("Flag '" + flag + "' is given more than once");
        }
        values.put(flag.name(), value(flag, value, negated));
    }

    private static Object value(Flag<?> flag, String value, boolean negated) throws FlagException {
        if (flag.isBoolean() && (value == null || value.isEmpty())) {
            return !negated;
        }
        if (value == null) {
            throw new FlagException("Missing value for flag '" + flag + "': use " + flag + "=VALUE");
        }
        try {
            return flag.parse(value);
        } catch (IllegalArgumentException e) {
            throw new FlagException("Invalid value '" + value + "' for flag '" + flag + "': " + e.getMessage());
        }
    }

    /**
     * Prints a Mesos-like help text: {@code Usage: <program> [options]}, the summary, then one line per flag in
     * name order, {@code --name=VALUE} (or {@code --[no-]name} for booleans) followed by the aligned help text and
     * the default or "(required)". {@code --[no-]help} is listed too.
     *
     * @param program the program name
     * @param summary what the program does; may be empty
     * @param flags the program's flags
     * @return the text, lines ending in {@code \n}
     */
    public static String usage(String program, String summary, List<Flag<?>> flags) {
        Map<String, String[]> rows = new TreeMap<>();
        flags.forEach(flag -> rows.put(flag.name(), row(flag)));
        rows.put(HELP, new String[] {"  --[no-]" + HELP, HELP_TEXT});
        int width = rows.values().stream().mapToInt(row -> row[0].length()).max().orElse(0);
        StringBuilder usage = new StringBuilder("Usage: ").append(program).append(" [options]\n\n");
        if (!summary.isBlank()) {
            usage.append(summary.strip()).append("\n\n");
        }
        for (String[] row : rows.values()) {
            String[] lines = row[1].split("\r?\n|\r", -1);
            usage.append(row[0]).append(" ".repeat(PAD + width - row[0].length())).append(lines[0]).append('\n');
            for (int i = 1; i < lines.length; i++) {
                usage.append(" ".repeat(PAD + width)).append(lines[i]).append('\n');
            }
        }
        return usage.toString();
    }

    private static String[] row(Flag<?> flag) {
        String column = flag.isBoolean() ? "  --[no-]" + flag.name() : "  " + flag + "=VALUE";
        return new String[] {column, flag.help() + note(flag)};
    }

    private static <T> String note(Flag<T> flag) {
        if (flag.isRequired()) {
            return " (required)";
        }
        return flag.defaultValue().map(value -> " (default: " + flag.print(value) + ")").orElse("");
    }
}
