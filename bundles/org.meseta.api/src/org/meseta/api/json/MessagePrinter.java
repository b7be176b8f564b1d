package org.meseta.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.util.Base64;

/**
 * Writes a protobuf message as a JSON object the way Mesos does: .proto field names, enum value names,
 * bytes in padded standard base64, every integer width as a JSON number (unsigned ones unsigned),
 * non-finite doubles as the strings {@code "Infinity"}, {@code "-Infinity"} and {@code "NaN"}.
 *
 * <p>A field is printed when it is set, or, for a singular field outside a oneof, when the .proto
 * declares an explicit non-deprecated {@code [default = ...]} for it; repeated fields only when
 * non-empty; map fields as a JSON object keyed by the map key. Unknown fields and extensions are
 * never printed. Stateless.
 */
final class MessagePrinter {

    private MessagePrinter() {}

    static void write(JsonGenerator out, MessageOrBuilder message) throws IOException {
        out.writeStartObject();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.isRepeated()) {
                if (message.getRepeatedFieldCount(field) > 0) {
                    out.writeFieldName(field.getName());
                    if (field.isMapField()) {
                        writeMap(out, message, field);
                    } else {
                        writeArray(out, message, field);
                    }
                }
            } else if (message.hasField(field) || printsDefault(field)) {
                out.writeFieldName(field.getName());
                writeValue(out, field, message.getField(field));
            }
        }
        out.writeEndObject();
    }

    private static boolean printsDefault(FieldDescriptor field) {
        return field.hasDefaultValue() && !field.getOptions().getDeprecated()
                && field.getRealContainingOneof() == null;
    }

    private static void writeArray(JsonGenerator out, MessageOrBuilder message, FieldDescriptor field)
            throws IOException {
        int count = message.getRepeatedFieldCount(field);
        out.writeStartArray();
        for (int i = 0; i < count; i++) {
            writeValue(out, field, message.getRepeatedField(field, i));
        }
        out.writeEndArray();
    }

    private static void writeMap(JsonGenerator out, MessageOrBuilder message, FieldDescriptor field)
            throws IOException {
        FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
        int count = message.getRepeatedFieldCount(field);
        out.writeStartObject();
        for (int i = 0; i < count; i++) {
            MessageOrBuilder entry = (MessageOrBuilder) message.getRepeatedField(field, i);
            out.writeFieldName(mapKey(keyField, entry.getField(keyField)));
            writeValue(out, valueField, entry.getField(valueField));
        }
        out.writeEndObject();
    }

    private static String mapKey(FieldDescriptor keyField, Object key) {
        return switch (keyField.getType()) {
            case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) key);
            case UINT64, FIXED64 -> Long.toUnsignedString((Long) key);
            case STRING -> wellFormed((String) key);
            case BOOL, INT32, SINT32, SFIXED32, INT64, SINT64, SFIXED64 -> key.toString();
            case DOUBLE, FLOAT, BYTES, ENUM, MESSAGE, GROUP ->
                throw new IllegalArgumentException("protobuf does not allow map keys of type " + keyField.getType());
        };
    }

    private static void writeValue(JsonGenerator out, FieldDescriptor field, Object value) throws IOException {
        switch (field.getType()) {
            case DOUBLE -> writeDouble(out, (Double) value);
            case FLOAT -> writeFloat(out, (Float) value);
            case INT32, SINT32, SFIXED32 -> out.writeNumber((Integer) value);
            case UINT32, FIXED32 -> out.writeNumber(Integer.toUnsignedLong((Integer) value));
            case INT64, SINT64, SFIXED64 -> out.writeNumber((Long) value);
            case UINT64, FIXED64 -> writeUnsigned64(out, (Long) value);
            case BOOL -> out.writeBoolean((Boolean) value);
            case STRING -> out.writeString(wellFormed((String) value));
            case BYTES -> out.writeString(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case ENUM -> out.writeString(((EnumValueDescriptor) value).getName());
            case MESSAGE, GROUP -> write(out, (MessageOrBuilder) value);
        }
    }

    private static void writeUnsigned64(JsonGenerator out, long value) throws IOException {
        if (value >= 0) {
            out.writeNumber(value);
        } else {
            out.writeNumber(Long.toUnsignedString(value));
        }
    }

    // JSON has no literal for non-finite numbers; Mesos clients read these strings back as doubles.
    private static void writeDouble(JsonGenerator out, double value) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeString(nonFiniteName(value));
        }
    }

    private static void writeFloat(JsonGenerator out, float value) throws IOException {
        if (Float.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeString(nonFiniteName(value));
        }
    }

    private static String nonFiniteName(double value) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }

    /**
     * A Java string set through a builder may hold an unpaired surrogate, which has no UTF-8 encoding:
     * the generator would fail half-way through a document or write invalid UTF-8. Such chars are
     * replaced by U+FFFD, the Unicode replacement character.
     */
    static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return replaceUnpairedSurrogates(text);
                }
                i++;
            }
        }
        return text;
    }

    private static String replaceUnpairedSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        // codePoints() yields a paired surrogate as one supplementary code point, a lone one as itself.
        text.codePoints().forEach(c -> out.appendCodePoint(
                c <= 0xFFFF && Character.isSurrogate((char) c) ? 0xFFFD : c));
        return out.toString();
    }
}
