package org.meseta.api.agentlink;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.json.JsonValueWriter;

/**
 * The JSON envelope of agent-link messages: a flat object of strings, numbers, Mesos messages and arrays of Mesos
 * messages.
 */
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

    /** A named field holding a message. */
    static void writeMessage(JsonGenerator generator, String name, MessageOrBuilder message) throws IOException {
        generator.writeFieldName(name);
        JsonCodec.write(generator, message);
    }

    /** A named array of messages; omitted when empty, as Mesos omits empty repeated fields. */
    static void writeMessages(JsonGenerator generator, String name, List<? extends MessageOrBuilder> messages)
            throws IOException {
        if (messages.isEmpty()) {
            return;
        }
        generator.writeArrayFieldStart(name);
        for (MessageOrBuilder message : messages) {
            JsonCodec.write(generator, message);
        }
        generator.writeEndArray();
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
                    case START_ARRAY -> values.put(name, copyArray(parser));
                    case VALUE_NULL -> values.remove(name);
                    default -> values.put(name, parser.getText());
                }
            }
            return reader.read(new Fields(values));
        } catch (IOException e) {
            throw JsonCodec.malformed(e, parser);
        }
    }

    /** The array's elements: objects are kept as JSON documents, anything else is left out. */
    private static List<byte[]> copyArray(JsonParser parser) throws IOException {
        List<byte[]> elements = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                elements.add(copyObject(parser));
            } else {
                parser.skipChildren();
                elements.add(null);
            }
        }
        return elements;
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

        /** An optional message field: empty when absent or {@code null}. */
        <B extends Message.Builder> Optional<B> optionalMessage(String name, B builder) throws JsonCodecException {
            return values.containsKey(name) ? Optional.of(message(name, builder)) : Optional.empty();
        }

        /** A repeated message field: empty when absent or {@code null}; every element must be an object. */
        <M extends Message> List<M> messages(String name, Supplier<? extends Message.Builder> builders)
                throws JsonCodecException {
            Object value = values.get(name);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> elements)) {
                throw missing(name, "an array of objects");
            }
            List<M> messages = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                if (!(elements.get(i) instanceof byte[] json)) {
                    throw new JsonCodecException("Element " + i + " of '" + name + "' must be an object");
                }
                try {
                    @SuppressWarnings("unchecked")
                    M message = (M) JsonCodec.decode(json, builders.get()).build();
                    messages.add(message);
                } catch (JsonCodecException e) {
                    throw new JsonCodecException("Invalid element " + i + " of '" + name + "': " + e.getMessage());
                }
            }
            return List.copyOf(messages);
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
