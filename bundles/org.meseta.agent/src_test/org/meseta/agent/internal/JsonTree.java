package org.meseta.agent.internal;

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
 * Test helper: JSON text as plain Java values (Map, List, String, BigDecimal, Boolean, null), with typed
 * accessors that fail the test naming the field when the shape is wrong. Numbers compare by value.
 */
final class JsonTree {

    private static final JsonFactory PLAIN = new JsonFactory();

    private JsonTree() {}

    static Object parse(String json) {
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

    static Map<String, Object> parseObject(String json) {
        return asObject(parse(json), json);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> parent, String field) {
        return asObject(parent.get(field), field);
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Map<String, Object> parent, String field) {
        return (List<Object>) assertInstanceOf(List.class, parent.get(field), () -> field + " in " + parent);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> parent, String field) {
        List<Object> values = array(parent, field);
        values.forEach(value -> assertInstanceOf(Map.class, value, () -> field + " element in " + parent));
        return (List<Map<String, Object>>) (List<?>) values;
    }

    static String string(Map<String, Object> parent, String field) {
        return assertInstanceOf(String.class, parent.get(field), () -> field + " in " + parent);
    }

    static BigDecimal number(Map<String, Object> parent, String field) {
        return assertInstanceOf(BigDecimal.class, parent.get(field), () -> field + " in " + parent);
    }

    static boolean bool(Map<String, Object> parent, String field) {
        return assertInstanceOf(Boolean.class, parent.get(field), () -> field + " in " + parent);
    }

    /** A number as the JSON tree holds it, for comparing with {@code assertEquals}. */
    static BigDecimal num(double value) {
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
