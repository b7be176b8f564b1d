package org.meseta.tests.integration.v1;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;

/**
 * The two encodings of the v1 APIs, as a Java client writes them: binary protobuf, or JSON from protobuf's own
 * {@link JsonFormat} with the proto field names (64-bit integers as strings, which Mesos accepts).
 */
public enum Wire {
    JSON("application/json"),
    PROTOBUF("application/x-protobuf");

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private final String mediaType;

    Wire(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] encode(Message message) {
        if (this == PROTOBUF) {
            return message.toByteArray();
        }
        try {
            return PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Cannot print " + message.getDescriptorForType().getName(), e);
        }
    }

    /** Parses {@code bytes} into {@code builder} and builds it. */
    @SuppressWarnings("unchecked")
    public <M extends Message> M decode(byte[] bytes, Message.Builder builder) throws InvalidProtocolBufferException {
        if (this == PROTOBUF) {
            builder.mergeFrom(bytes);
        } else {
            PARSER.merge(new String(bytes, StandardCharsets.UTF_8), builder);
        }
        return (M) builder.build();
    }
}
