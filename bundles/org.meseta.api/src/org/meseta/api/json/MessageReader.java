package org.meseta.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;

/**
 * Walks a JSON object with a streaming parser and sets the fields of a protobuf builder, following
 * Mesos's rules: fields are matched by their .proto name; unknown fields are skipped whatever their
 * shape; {@code null} leaves a field unset (also for repeated and message fields, and for array
 * elements); a key that occurs twice keeps its last value; unknown enum names are dropped unless the
 * field is required. Required fields are not checked here.
 *
 * <p>Nesting is counted for every object and array, skipped ones included, and capped at
 * {@link JsonCodec#MAX_NESTING_DEPTH}, so recursion depth stays bounded whatever parser is supplied.
 * Not thread-safe: one instance per parse.
 */
final class MessageReader {

    private final JsonParser parser;

    MessageReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads the object the parser is positioned on (its START_OBJECT) into {@code builder}, leaving the
     * parser on the matching END_OBJECT.
     *
     * @param depth nesting level of this object, 1 for the outermost one
     */
    void readObject(Message.Builder builder, FieldPath path, int depth) throws IOException, JsonCodecException {
        requireDepth(depth);
        Descriptor type = builder.getDescriptorForType();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            FieldDescriptor field = type.findFieldByName(name);
            if (field == null) {
                skipValue(depth);
            } else if (token == JsonToken.VALUE_NULL) {
                builder.clearField(field);
            } else if (field.isMapField()) {
                readMap(builder, field, path.field(name), depth + 1);
            } else if (field.isRepeated()) {
                readArray(builder, field, path.field(name), depth + 1);
            } else {
                Object value = readValue(builder, field, path.field(name), depth);
                if (value == ScalarReader.UNKNOWN_ENUM) {
                    builder.clearField(field);
                } else {
                    builder.setField(field, value);
                }
            }
        }
    }

    private void readArray(Message.Builder builder, FieldDescriptor field, FieldPath path, int depth)
            throws IOException, JsonCodecException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ParseErrors.wrongType(path, "an array", parser);
        }
        requireDepth(depth);
        builder.clearField(field);
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NULL) {
                Object value = readValue(builder, field, path.element(index), depth);
                if (value != ScalarReader.UNKNOWN_ENUM) {
                    builder.addRepeatedField(field, value);
                }
            }
            index++;
        }
    }

    /** A protobuf map is a JSON object keyed by the map key; entries with a null value are left out. */
    private void readMap(Message.Builder builder, FieldDescriptor field, FieldPath path, int depth)
            throws IOException, JsonCodecException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ParseErrors.wrongType(path, "an object", parser);
        }
        requireDepth(depth);
        builder.clearField(field);
        Descriptor entryType = field.getMessageType();
        FieldDescriptor keyField = entryType.findFieldByNumber(1);
        FieldDescriptor valueField = entryType.findFieldByNumber(2);
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            FieldPath entryPath = path.mapKey(key);
            Object keyValue = ScalarReader.readMapKey(keyField, key, entryPath);
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            Message.Builder entry = builder.newBuilderForField(field);
            Object value = readValue(entry, valueField, entryPath, depth);
            if (value != ScalarReader.UNKNOWN_ENUM) {
                entry.setField(keyField, keyValue).setField(valueField, value);
                builder.addRepeatedField(field, entry.buildPartial());
            }
        }
    }

    /**
     * One value of {@code field} (a singular field, an array element or a map value) that belongs to
     * {@code owner}, which sits at nesting level {@code depth}.
     */
    private Object readValue(Message.Builder owner, FieldDescriptor field, FieldPath path, int depth)
            throws IOException, JsonCodecException {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return ScalarReader.read(parser, field, path);
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ParseErrors.wrongType(path, "an object", parser);
        }
        Message.Builder nested = owner.newBuilderForField(field);
        readObject(nested, path, depth + 1);
        return nested.buildPartial();
    }

    /** Skips the value the parser is positioned on, counting the nesting of what it skips. */
    private void skipValue(int depth) throws IOException, JsonCodecException {
        int open = 0;
        JsonToken token = parser.currentToken();
        do {
            if (token == null) {
                throw ParseErrors.malformed(parser.currentLocation(), "unexpected end of input");
            }
            if (token.isStructStart()) {
                requireDepth(depth + ++open);
            } else if (token.isStructEnd()) {
                open--;
            }
            if (open > 0) {
                token = parser.nextToken();
            }
        } while (open > 0);
    }

    private static void requireDepth(int depth) throws JsonCodecException {
        if (depth > JsonCodec.MAX_NESTING_DEPTH) {
            throw ParseErrors.tooDeep();
        }
    }
}
