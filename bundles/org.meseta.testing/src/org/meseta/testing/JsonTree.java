package org.meseta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text as plain Java values: {@code Map} (in document order), {@code List}, {@code String},
 * {@code BigDecimal}, {@code Boolean} and {@code null}, so documents compare by structure. Numbers compare by
 * value ({@code 5} equals {@code 5.0}), but a number never equals a string, which is what tests of 64-bit
 * fields need to see.
 *
 * <p>The typed accessors fail the test, naming the field, when a field is missing or has another shape.
 * Stateless and safe to use from any thread.
 */
public final class JsonTree {

    private static final JsonFactory PLAIN = new JsonFactory();

    private JsonTree() {
    }

    /** Fails unless {@code actual} is the same JSON value as {@code expected}, whatever the layout. */
    public static void assertSameJson(String expected, String actual) {
        assertEquals(parse(expected), parse(actual), () -> "expected " + expected + "\n but was " + actual);
    }

    /**
     * One JSON value as plain Java values.
     *
     * @throws UncheckedIOException if {@code json} is not JSON
     * @throws IllegalArgumentException if something follows the value
     */
    public static Object parse(String json) {
        try (JsonParser parser = PLAIN.createParser(json)) {
            parser.nextToken();
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content in " + json);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** A JSON object; fails the test if {@code json} holds another value. */
    public static Map<String, Object> parseObject(String json) {
        return asObject(parse(json), json);
    }

    public static Map<String, Object> object(Map<String, Object> parent, String field) {
        return asObject(parent.get(field), field);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(Map<String, Object> parent, String field) {
        return (List<Object>) assertInstanceOf(List.class, parent.get(field), () -> field + " in " + parent);
    }

    /** An array whose elements are all objects. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, Object> parent, String field) {
        List<Object> values = array(parent, field);
        values.forEach(value -> assertInstanceOf(Map.class, value, () -> field + " element in " + parent));
        return (List<Map<String, Object>>) (List<?>) values;
    }

    public static String string(Map<String, Object> parent, String field) {
        return assertInstanceOf(String.class, parent.get(field), () -> field + " in " + parent);
    }

    public static BigDecimal number(Map<String, Object> parent, String field) {
        return assertInstanceOf(BigDecimal.class, parent.get(field), () -> field + " in " + parent);
    }

    public static boolean bool(Map<String, Object> parent, String field) {
        return assertInstanceOf(Boolean.class, parent.get(field), () -> field + " in " + parent);
    }

    /** A number as the tree holds it, for comparing with {@code assertEquals}. */
    public static BigDecimal num(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String what) {
        return (Map<String, Object>) assertInstanceOf(Map.class, value, () -> "expected an object: " + what);
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BigDecimal(parser.getText()).stripTrailingZeros();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("unexpected token " + token);
        };
    }
}
