package org.meseta.api.resources;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.apache.mesos.v1.Protos.Value;

/**
 * Parses the value part of the Mesos text format, shared by resources and attributes: {@code [a-b, c-d]} is
 * RANGES (coalesced), {@code {x,y}} is a SET, a decimal number is a SCALAR, anything else is TEXT. Whitespace is
 * ignored, as Mesos removes it before parsing.
 */
final class ValueText {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("\\d+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ValueText() {
    }

    /**
     * @param text the value as written
     * @return the parsed value; a SCALAR holds the number as written (not yet rounded)
     * @throws InvalidValueException if the text is empty, has unbalanced brackets or malformed ranges or sets
     */
    static Value parse(String text) throws InvalidValueException {
        String value = WHITESPACE.matcher(text).replaceAll("");
        if (value.isEmpty()) {
            throw new InvalidValueException("the value is missing");
        }
        checkBrackets(value);
        if (value.startsWith("[")) {
            return Value.newBuilder().setType(Value.Type.RANGES).setRanges(ranges(value)).build();
        }
        if (value.startsWith("{")) {
            return Value.newBuilder().setType(Value.Type.SET).setSet(set(value)).build();
        }
        int bracket = indexOfAny(value, "[]{}");
        if (bracket >= 0) {
            throw new InvalidValueException("unexpected '" + value.charAt(bracket) + "' in '" + value + "'");
        }
        if (NUMBER.matcher(value).matches()) {
            double number = Double.parseDouble(value);
            if (Double.isInfinite(number)) {
                throw new InvalidValueException("'" + value + "' is too large");
            }
            return Value.newBuilder().setType(Value.Type.SCALAR)
                    .setScalar(Value.Scalar.newBuilder().setValue(number)).build();
        }
        return Value.newBuilder().setType(Value.Type.TEXT).setText(Value.Text.newBuilder().setValue(value)).build();
    }

    private static void checkBrackets(String value) throws InvalidValueException {
        Deque<Character> open = new ArrayDeque<>();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '[', '{', '(' -> open.push(c);
                case ']', '}', ')' -> {
                    char expected = c == ']' ? '[' : c == '}' ? '{' : '(';
                    if (open.isEmpty() || open.pop() != expected) {
                        throw new InvalidValueException("unbalanced brackets in '" + value + "'");
                    }
                }
                default -> {
                    // Not a bracket.
                }
            }
        }
        if (!open.isEmpty()) {
            throw new InvalidValueException("unbalanced brackets in '" + value + "'");
        }
    }

    /** Parses {@code [a-b,c-d]}; overlapping or adjacent ranges are merged, as Mesos does for this format. */
    private static Value.Ranges ranges(String value) throws InvalidValueException {
        String inner = enclosed(value, '[', ']');
        RangeSet ranges = RangeSet.empty();
        for (String range : inner.split(",", -1)) {
            if (range.isEmpty() && inner.isEmpty()) {
                break;
            }
            ranges = ranges.plus(range(range));
        }
        return ranges.toProto();
    }

    private static RangeSet range(String range) throws InvalidValueException {
        int dash = range.indexOf('-');
        if (dash <= 0 || dash == range.length() - 1) {
            throw new InvalidValueException("'" + range + "' is not a range: expected begin-end, e.g. 31000-32000");
        }
        long begin = bound(range.substring(0, dash));
        long end = bound(range.substring(dash + 1));
        if (begin > end) {
            throw new InvalidValueException("the range '" + range + "' has its begin after its end");
        }
        return RangeSet.of(begin, end);
    }

    private static long bound(String text) throws InvalidValueException {
        if (!NON_NEGATIVE_INTEGER.matcher(text).matches()) {
            throw new InvalidValueException("'" + text + "' is not a non-negative integer");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("'" + text + "' is too large (at most " + Long.MAX_VALUE + ")");
        }
    }

    /** Parses {@code {a,b}}; empty items are skipped, duplicates rejected (Mesos rejects them on validation). */
    private static Value.Set set(String value) throws InvalidValueException {
        Value.Set.Builder set = Value.Set.newBuilder();
        for (String item : enclosed(value, '{', '}').split(",")) {
            if (item.isEmpty()) {
                continue;
            }
            if (set.getItemList().contains(item)) {
                throw new InvalidValueException("the set item '" + item + "' is given more than once");
            }
            set.addItem(item);
        }
        return set.build();
    }

    /** @return the text between the opening bracket at index 0 and the matching closing bracket at the end */
    private static String enclosed(String value, char open, char close) throws InvalidValueException {
        String inner = value.substring(1, value.length() - 1);
        if (value.charAt(value.length() - 1) != close || indexOfAny(inner, "[]{}()") >= 0) {
            throw new InvalidValueException("'" + value + "' is malformed: expected a single " + open + "..." + close);
        }
        return inner;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
