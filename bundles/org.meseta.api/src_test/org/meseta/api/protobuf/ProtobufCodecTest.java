package org.meseta.api.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.junit.jupiter.api.Test;

class ProtobufCodecTest {

    @Test
    void decodesWhatTheGeneratedClassesEncode() throws InvalidProtocolBufferException {
        FrameworkInfo info = FrameworkInfo.newBuilder().setUser("u").setName("n").addRoles("eng")
                .setFailoverTimeout(3600).build();

        assertEquals(info, ProtobufCodec.decode(info.toByteArray(), FrameworkInfo.newBuilder()).build());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        byte[] nameOnly = FrameworkInfo.newBuilder().setName("n").buildPartial().toByteArray();

        InvalidProtocolBufferException error = assertThrows(InvalidProtocolBufferException.class,
                () -> ProtobufCodec.decode(nameOnly, FrameworkInfo.newBuilder()));

        assertEquals("Missing required fields: user", error.getMessage());
    }

    @Test
    void garbageIsRefused() {
        assertThrows(InvalidProtocolBufferException.class,
                () -> ProtobufCodec.decode(new byte[] {(byte) 0xff, (byte) 0xff, 1}, Call.newBuilder()));
    }

    /** CVE-2024-7254: unknown groups nested deep enough would overflow the stack of a recursive parser. */
    @Test
    void deeplyNestedUnknownGroupsAreRefusedNotOverflowed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int depth = 200_000;
        for (int i = 0; i < depth; i++) {
            bytes.write(0x7b); // field 15, wire type 3: start group (unknown to Call)
        }
        for (int i = 0; i < depth; i++) {
            bytes.write(0x7c); // field 15, wire type 4: end group
        }

        InvalidProtocolBufferException error = assertThrows(InvalidProtocolBufferException.class,
                () -> ProtobufCodec.decode(bytes.toByteArray(), Call.newBuilder()));

        assertTrue(error.getMessage().contains("nesting") || error.getMessage().contains("recursion"),
                error.getMessage());
    }

    @Test
    void unknownFieldsWithinTheLimitAreKept() throws InvalidProtocolBufferException {
        byte[] withUnknown = Call.newBuilder().setType(Call.Type.GET_HEALTH)
                .setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
                        .addField(999, com.google.protobuf.UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.copyFromUtf8("x")).build())
                        .build())
                .build().toByteArray();

        Call call = ProtobufCodec.decode(withUnknown, Call.newBuilder()).build();

        assertEquals(Call.Type.GET_HEALTH, call.getType());
    }
}
