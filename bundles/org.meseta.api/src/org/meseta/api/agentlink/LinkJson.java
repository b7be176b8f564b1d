package org.meseta.api.agentlink;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.json.JsonValueWriter;

/** The JSON envelope of agent-link messages: a flat object of strings, numbers and Mesos messages. */
final class LinkJson {

    private LinkJson() {}

    @FunctionalInterface
    interface Reader<T> {
        T read(Fields fields) throws JsonCodecException;
    }

    /** The envelope object; {@code fields} writes its fields. */
    static byte[] write(JsonValueWriter fields) {
        return JsonCodec.document(generator -> {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        });
    }

    static void writeMessage(JsonGenerator generator, MessageOrBuilder message) throws IOException {
        JsonCodec.write(generator, message);
    }

    static <T> T read(byte[] json, Reader<T> reader) throws JsonCodecException {
        JsonParser parser;
        try {
            parser = JsonCodec.factory().createParser(json);
        } catch (IOException e) {
            throw new JsonCodecException("Unreadable JSON: " + e.getMessage());
        }
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonCodecException("Expected a JSON object");
            }
            Map<String, Object> values = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (token) {
                    case START_OBJECT -> values.put(name, copyObject(parser));
                    case START_ARRAY -> parser.skipChildren();
                    case VALUE_NULL -> values.remove(name);
                    default -> values.put(name, parser.getText());
                }
            }
            return reader.read(new Fields(values));
        } catch (IOException e) {
            throw JsonCodec.malformed(e, parser);
        }
    }

    private static byte[] copyObject(JsonParser parser) throws IOException {
        try {
            return JsonCodec.document(generator -> generator.copyCurrentStructure(parser));
        } catch (UncheckedIOException e) {
            // Copying reads on: a malformed or oversized nested object fails here.
            throw e.getCause();
        }
    }

    /** The fields of one envelope; missing or mistyped fields are reported by name. */
    static final class Fields {
        private final Map<String, Object> values;

        private Fields(Map<String, Object> values) {
            this.values = values;
        }

        String string(String name) throws JsonCodecException {
            if (values.get(name) instanceof String text) {
                return text;
            }
            throw missing(name, "a string");
        }

        double number(String name) throws JsonCodecException {
            try {
                return Double.parseDouble(string(name));
            } catch (NumberFormatException e) {
                throw missing(name, "a number");
            }
        }

        <B extends Message.Builder> B message(String name, B builder) throws JsonCodecException {
            if (values.get(name) instanceof byte[] json) {
                try {
                    return JsonCodec.decode(json, builder);
                } catch (JsonCodecException e) {
                    throw new JsonCodecException("Invalid '" + name + "': " + e.getMessage());
                }
            }
            throw missing(name, "an object");
        }

        <T> T object(String name, Reader<T> reader) throws JsonCodecException {
            if (values.get(name) instanceof byte[] json) {
                return read(json, reader);
            }
            throw missing(name, "an object");
        }

        private static JsonCodecException missing(String name, String expected) {
            return new JsonCodecException("Field '" + name + "' must be " + expected);
        }
    }
}
