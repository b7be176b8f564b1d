package org.meseta.api.protobuf;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.io.IOException;

/**
 * Decodes binary protobuf into the Mesos v1 generated classes without running their own (pre-3.22) parsers:
 * the bytes are parsed as a {@link DynamicMessage} by the current runtime, which limits nesting, and the
 * result is merged into the builder by reflection. Stateless and thread-safe.
 */
public final class ProtobufCodec {

    /** Nesting limit, as protobuf's default and the JSON codec's. */
    public static final int MAX_NESTING_DEPTH = 100;

    private ProtobufCodec() {}

    /**
     * Merges {@code bytes} into {@code builder} and checks that required fields are set.
     *
     * @return {@code builder}
     * @throws InvalidProtocolBufferException when the bytes are not a valid message of the builder's type, nest
     *     deeper than {@link #MAX_NESTING_DEPTH}, or miss required fields (the message lists them)
     */
    public static <B extends Message.Builder> B decode(byte[] bytes, B builder) throws InvalidProtocolBufferException {
        CodedInputStream input = CodedInputStream.newInstance(bytes);
        input.setRecursionLimit(MAX_NESTING_DEPTH);
        DynamicMessage parsed = parse(input, builder.getDescriptorForType());
        builder.mergeFrom(parsed);
        if (!builder.isInitialized()) {
            throw new InvalidProtocolBufferException("Missing required fields: "
                    + String.join(", ", parsed.findInitializationErrors()));
        }
        return builder;
    }

    private static DynamicMessage parse(CodedInputStream input, Descriptor type) throws InvalidProtocolBufferException {
        try {
            return DynamicMessage.newBuilder(type).mergeFrom(input).buildPartial();
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            // Reading from an array has no other I/O to fail; keep the one checked type callers handle.
            throw new InvalidProtocolBufferException(e);
        }
    }
}
