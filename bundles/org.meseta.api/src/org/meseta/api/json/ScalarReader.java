package org.meseta.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * Converts one JSON scalar into the Java value protobuf reflection expects for a non-message field.
 *
 * <p>Mesos's parser is lenient and clients rely on it: numbers and booleans may arrive as strings,
 * integers may be written in decimal or exponent notation as long as they are integral
 * ({@code 3.6e+06}), doubles accept {@code "Infinity"}, {@code "-Infinity"} and {@code "NaN"}, bytes
 * accept base64 with or without padding, in the standard or the URL-safe alphabet. Anything else is
 * rejected with a message naming the field. Integers are range-checked with exact arithmetic, and
 * every conversion is bounded so that no literal, however large, can exhaust time or memory.
 */
final class ScalarReader {

    /** Returned for an enum name this build does not know in a non-required field: the value is dropped. */
    static final Object UNKNOWN_ENUM = new Object();

    /** Numeric strings longer than this are rejected before any arithmetic (same bound as for literals). */
    private static final int MAX_NUMBER_CHARS = JsonCodec.MAX_NUMBER_LITERAL_CHARS;

    private ScalarReader() {}

    /** Reads the value the parser is positioned on for a field that is not a message. */
    static Object read(JsonParser parser, FieldDescriptor field, FieldPath path)
            throws IOException, JsonCodecException {
        return switch (field.getType()) {
            case DOUBLE -> readDouble(parser, path);
            case FLOAT -> toFloat(readDouble(parser, path), path);
            case INT32, SINT32, SFIXED32 -> readInteger(parser, IntegerKind.INT32, path);
            case UINT32, FIXED32 -> readInteger(parser, IntegerKind.UINT32, path);
            case INT64, SINT64, SFIXED64 -> readInteger(parser, IntegerKind.INT64, path);
            case UINT64, FIXED64 -> readInteger(parser, IntegerKind.UINT64, path);
            case BOOL -> readBoolean(parser, path);
            case STRING -> requireString(parser, "a string", path);
            case BYTES -> base64(requireString(parser, "a base64 string", path), path);
            case ENUM -> enumValue(field, requireString(parser, "an enum value name", path), path);
            case MESSAGE, GROUP -> throw new IllegalArgumentException("not a scalar field: " + field.getFullName());
        };
    }

    /** Converts a JSON object key into the key of a protobuf map field (string, integer or bool keys). */
    static Object readMapKey(FieldDescriptor keyField, String key, FieldPath path) throws JsonCodecException {
        return switch (keyField.getType()) {
            case STRING -> key;
            case BOOL -> booleanFromString(key, path);
            case INT32, SINT32, SFIXED32 -> integerFromText(key, true, IntegerKind.INT32, path);
            case UINT32, FIXED32 -> integerFromText(key, true, IntegerKind.UINT32, path);
            case INT64, SINT64, SFIXED64 -> integerFromText(key, true, IntegerKind.INT64, path);
            case UINT64, FIXED64 -> integerFromText(key, true, IntegerKind.UINT64, path);
            case DOUBLE, FLOAT, BYTES, ENUM, MESSAGE, GROUP ->
                throw new IllegalArgumentException("protobuf does not allow map keys of type " + keyField.getType());
        };
    }

    private static String requireString(JsonParser parser, String expected, FieldPath path)
            throws IOException, JsonCodecException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw ParseErrors.wrongType(path, expected, parser);
        }
        return parser.getText();
    }

    private static Object readInteger(JsonParser parser, IntegerKind kind, FieldPath path)
            throws IOException, JsonCodecException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long value = parser.getLongValue();
            if (kind.fitsLong(value)) {
                return kind.fieldValue(value);
            }
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return integerFromText(parser.getText(), false, kind, path);
        }
        if (token == JsonToken.VALUE_STRING) {
            return integerFromText(parser.getText(), true, kind, path);
        }
        throw ParseErrors.wrongType(path, "an integer", parser);
    }

    private static Object integerFromText(String text, boolean quoted, IntegerKind kind, FieldPath path)
            throws JsonCodecException {
        BigDecimal decimal = parseDecimal(text);
        if (decimal == null) {
            // A number literal that BigDecimal refuses can only have an absurd exponent.
            throw ParseErrors.invalid(path, quoted ? "expected an integer, got " + quote(text, true)
                    : quote(text, false) + " is out of range for " + kind.protoName);
        }
        BigDecimal integral = decimal.stripTrailingZeros();
        if (integral.scale() > 0) {
            throw ParseErrors.invalid(path, "expected an integer, got " + quote(text, quoted));
        }
        // compareTo looks at magnitudes first, so even 1e999999999 is rejected without expanding it.
        if (integral.compareTo(kind.min) < 0 || integral.compareTo(kind.max) > 0) {
            throw ParseErrors.invalid(path, quote(text, quoted) + " is out of range for " + kind.protoName);
        }
        return kind.fieldValue(integral.toBigIntegerExact().longValue());
    }

    private static double readDouble(JsonParser parser, FieldPath path) throws IOException, JsonCodecException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value;
            try {
                value = parser.getDoubleValue();
            } catch (NumberFormatException unparsable) {
                value = Double.POSITIVE_INFINITY;
            }
            return requireFinite(value, parser.getText(), false, path);
        }
        if (token == JsonToken.VALUE_STRING) {
            return doubleFromString(parser.getText(), path);
        }
        throw ParseErrors.wrongType(path, "a number", parser);
    }

    private static double doubleFromString(String text, FieldPath path) throws JsonCodecException {
        switch (text) {
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                BigDecimal decimal = parseDecimal(text);
                if (decimal == null) {
                    throw ParseErrors.invalid(path, "expected a number, got " + quote(text, true));
                }
                return requireFinite(decimal.doubleValue(), text, true, path);
        }
    }

    private static double requireFinite(double value, String text, boolean quoted, FieldPath path)
            throws JsonCodecException {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            throw ParseErrors.invalid(path, quote(text, quoted) + " is out of range for double");
        }
        return value;
    }

    private static float toFloat(double value, FieldPath path) throws JsonCodecException {
        float narrowed = (float) value;
        if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
            throw ParseErrors.invalid(path, value + " is out of range for float");
        }
        return narrowed;
    }

    private static Boolean readBoolean(JsonParser parser, FieldPath path) throws IOException, JsonCodecException {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> booleanFromString(parser.getText(), path);
            default -> throw ParseErrors.wrongType(path, "a boolean", parser);
        };
    }

    private static Boolean booleanFromString(String text, FieldPath path) throws JsonCodecException {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ParseErrors.invalid(path, "expected a boolean, got " + quote(text, true));
        };
    }

    private static ByteString base64(String text, FieldPath path) throws JsonCodecException {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        try {
            // Both decoders treat the trailing '=' padding as optional.
            return ByteString.copyFrom((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text));
        } catch (IllegalArgumentException notBase64) {
            throw ParseErrors.invalid(path, "expected a base64 string, got " + quote(text, true));
        }
    }

    private static Object enumValue(FieldDescriptor field, String name, FieldPath path) throws JsonCodecException {
        EnumValueDescriptor value = field.getEnumType().findValueByName(name);
        if (value != null) {
            return value;
        }
        if (field.isRequired()) {
            throw ParseErrors.invalid(path, "unknown value " + quote(name, true) + " for enum "
                    + field.getEnumType().getFullName());
        }
        return UNKNOWN_ENUM;
    }

    /** Exact decimal value of {@code text}, or null when it is not a number or too long to be one. */
    private static BigDecimal parseDecimal(String text) {
        if (text.isEmpty() || text.length() > MAX_NUMBER_CHARS) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String quote(String text, boolean quoted) {
        String shown = ParseErrors.excerpt(text);
        return quoted ? "\"" + shown + "\"" : shown;
    }

    /** The integer widths of protobuf, with the range a JSON value must fall into. */
    private enum IntegerKind {
        INT32("int32", Integer.MIN_VALUE, Integer.MAX_VALUE, BigInteger.valueOf(Integer.MAX_VALUE)),
        UINT32("uint32", 0, 0xFFFF_FFFFL, BigInteger.valueOf(0xFFFF_FFFFL)),
        INT64("int64", Long.MIN_VALUE, Long.MAX_VALUE, BigInteger.valueOf(Long.MAX_VALUE)),
        UINT64("uint64", 0, Long.MAX_VALUE, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

        final String protoName;
        final BigDecimal min;
        final BigDecimal max;
        private final long minLong;
        private final long maxLong;

        IntegerKind(String protoName, long min, long maxLong, BigInteger max) {
            this.protoName = protoName;
            this.min = BigDecimal.valueOf(min);
            this.max = new BigDecimal(max);
            this.minLong = min;
            this.maxLong = maxLong;
        }

        /** Whether a value that fits a Java long is in range (uint64 above Long.MAX_VALUE takes the slow path). */
        boolean fitsLong(long value) {
            return value >= minLong && value <= maxLong;
        }

        /** Protobuf keeps unsigned values in the signed Java type of the same width, bit for bit. */
        Object fieldValue(long value) {
            return switch (this) {
                case INT32, UINT32 -> Integer.valueOf((int) value);
                case INT64, UINT64 -> Long.valueOf(value);
            };
        }
    }
}
