package org.meseta.api.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * Builds the user-facing messages of {@link JsonCodecException}. Jackson's own messages carry
 * configuration hints and class names meant for developers; only their first, plain part is kept.
 */
final class ParseErrors {

    /** Longest excerpt of an offending value quoted back to the client. */
    private static final int MAX_QUOTED_CHARS = 64;

    private ParseErrors() {}

    static JsonCodecException invalid(FieldPath path, String detail) {
        return new JsonCodecException("Invalid JSON for field '" + path + "': " + detail);
    }

    static JsonCodecException wrongType(FieldPath path, String expected, JsonParser parser) throws IOException {
        return invalid(path, "expected " + expected + ", got " + describe(parser));
    }

    static JsonCodecException tooDeep() {
        return new JsonCodecException("JSON nested too deeply (more than " + JsonCodec.MAX_NESTING_DEPTH + " levels)");
    }

    /** The value the parser is positioned on, as the client would recognise it. */
    static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "\"" + excerpt(parser.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> excerpt(parser.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case END_OBJECT -> "'}'";
            case END_ARRAY -> "']'";
            case FIELD_NAME, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE -> "an unexpected token";
        };
    }

    static String excerpt(String text) {
        String shortened = text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text;
        StringBuilder out = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /** Translates a failure of the parser itself (syntax, limits, encoding) into a codec error. */
    static JsonCodecException fromParser(IOException failure, JsonParser parser) {
        if (failure instanceof StreamConstraintsException limit) {
            return fromLimit(limit, parser);
        }
        JsonLocation location = failure instanceof JsonProcessingException syntax && syntax.getLocation() != null
                ? syntax.getLocation()
                : parser.currentLocation();
        return malformed(location, reasonOf(failure));
    }

    static JsonCodecException malformed(JsonLocation location, String reason) {
        return new JsonCodecException("Malformed JSON at line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ": " + reason);
    }

    private static JsonCodecException fromLimit(StreamConstraintsException limit, JsonParser parser) {
        String message = String.valueOf(limit.getOriginalMessage());
        if (message.startsWith("Document nesting depth")) {
            return tooDeep();
        }
        String what = message.startsWith("Number value length") ? "number literal is too long"
                : message.startsWith("String value length") ? "string is too long"
                : message.startsWith("Name length") ? "field name is too long"
                : "document exceeds the size limits";
        return malformed(parser.currentLocation(), what);
    }

    /**
     * The plain part of a Jackson message: cut before the source excerpt ("[Source: ...") and before
     * feature hints, which Jackson marks with backticks.
     */
    private static String reasonOf(IOException failure) {
        String message = failure instanceof JsonProcessingException syntax ? syntax.getOriginalMessage()
                : failure.getMessage();
        if (message == null || message.isBlank()) {
            return "invalid syntax";
        }
        message = cutAt(message, "\n");
        message = cutAt(message, " (start marker at");
        message = cutAt(message, "[Source:");
        message = cutAt(message, ": enable `");
        int backtick = message.indexOf('`');
        if (backtick >= 0) {
            message = message.substring(0, backtick);
        }
        message = message.strip();
        while (message.endsWith(":") || message.endsWith(";") || message.endsWith("(") || message.endsWith(",")) {
            message = message.substring(0, message.length() - 1).strip();
        }
        return message.isEmpty() ? "invalid syntax" : message;
    }

    private static String cutAt(String message, String marker) {
        int at = message.indexOf(marker);
        return at < 0 ? message : message.substring(0, at);
    }
}
