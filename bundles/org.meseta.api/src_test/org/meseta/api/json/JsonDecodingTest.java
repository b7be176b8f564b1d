package org.meseta.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.CapabilityInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/** The leniencies of Mesos's JSON parser that real clients depend on. */
class JsonDecodingTest {

    @Test
    void nullFieldIsTreatedAsUnset() throws JsonCodecException {
        FrameworkInfo framework = JsonCodec.decode(
                "{\"name\":\"x\",\"user\":\"u\",\"id\":null,\"roles\":null,\"role\":null,\"checkpoint\":null}",
                FrameworkInfo.newBuilder()).build();
        assertEquals("x", framework.getName());
        assertFalse(framework.hasId());
        assertFalse(framework.hasField(FrameworkInfo.getDescriptor().findFieldByName("role")));
        assertFalse(framework.hasCheckpoint());
        assertEquals(0, framework.getRolesCount());
    }

    @Test
    void nullForNestedMessageAndRepeatedFieldsLikeGoAndJavaScriptClientsSend() throws JsonCodecException {
        Resource resource = JsonCodec.decode("""
                {"name":"ports","type":"RANGES","ranges":null,"reservations":null,"role":null,
                 "allocation_info":null,"scalar":{"value":1,"unknown":null}}""", Resource.newBuilder()).build();
        assertFalse(resource.hasRanges());
        assertEquals(0, resource.getReservationsCount());
        assertEquals(1.0, resource.getScalar().getValue());
    }

    @Test
    void nullArrayElementIsSkipped() throws JsonCodecException {
        FrameworkInfo framework = JsonCodec.decode(
                "{\"name\":\"x\",\"user\":\"u\",\"roles\":[\"a\",null,\"b\"],\"capabilities\":[null]}",
                FrameworkInfo.newBuilder()).build();
        assertEquals(List.of("a", "b"), framework.getRolesList());
        assertEquals(0, framework.getCapabilitiesCount());
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevelWhateverTheirShape() throws JsonCodecException {
        Call call = JsonCodec.decode("""
                {"future_flag":true,"type":"SUBSCRIBE","extra":{"a":[1,{"b":[[],{}]}],"c":null},
                 "subscribe":{"unknown":[1,2,3],"framework_info":{"user":"u","name":"n","new_field":{"x":"y"},
                   "capabilities":[{"type":"MULTI_ROLE","since":"2.0"}]}},"trailer":"x"}""",
                Call.newBuilder()).build();
        assertEquals(Call.Type.SUBSCRIBE, call.getType());
        FrameworkInfo framework = call.getSubscribe().getFrameworkInfo();
        assertEquals("n", framework.getName());
        assertEquals(FrameworkInfo.Capability.Type.MULTI_ROLE, framework.getCapabilities(0).getType());
    }

    @Test
    void numbersMayBeQuoted() throws JsonCodecException {
        Value.Range range = JsonCodec.decode("{\"begin\":\"31000\",\"end\":\"18446744073709551615\"}",
                Value.Range.newBuilder()).build();
        assertEquals(31000, range.getBegin());
        assertEquals(-1L, range.getEnd(), "uint64 max is kept as the all-ones bit pattern");
        assertEquals(3600.5, JsonCodec.decode("{\"name\":\"x\",\"user\":\"u\",\"failover_timeout\":\"3600.5\"}",
                FrameworkInfo.newBuilder()).getFailoverTimeout());
    }

    @Test
    void booleansMayBeQuoted() throws JsonCodecException {
        assertTrue(JsonCodec.decode("{\"name\":\"x\",\"user\":\"u\",\"checkpoint\":\"true\"}",
                FrameworkInfo.newBuilder()).getCheckpoint());
        FrameworkInfo.Builder notChecked = JsonCodec.decode("{\"name\":\"x\",\"user\":\"u\",\"checkpoint\":\"false\"}",
                FrameworkInfo.newBuilder());
        assertTrue(notChecked.hasCheckpoint());
        assertFalse(notChecked.getCheckpoint());
    }

    @Test
    void exponentNotationIsAcceptedForDoublesAndIntegralIntegers() throws JsonCodecException {
        assertEquals(3600000.0, JsonCodec.decode("{\"name\":\"x\",\"user\":\"u\",\"failover_timeout\":3.6e+06}",
                FrameworkInfo.newBuilder()).getFailoverTimeout());
        Value.Range range = JsonCodec.decode("{\"begin\":3.1e4,\"end\":32000.000}", Value.Range.newBuilder()).build();
        assertEquals(31000, range.getBegin());
        assertEquals(32000, range.getEnd());
        assertEquals(1700000000123456789L,
                JsonCodec.decode("{\"nanoseconds\":1.700000000123456789E18}", TimeInfo.newBuilder()).getNanoseconds(),
                "64-bit values are converted exactly, not through a double");
    }

    @Test
    void fractionalRefuseSecondsIsAccepted() throws JsonCodecException {
        assertEquals(0.25, JsonCodec.decode("{\"refuse_seconds\":0.25}", Filters.newBuilder()).getRefuseSeconds());
        Call decline = JsonCodec.decode("""
                {"type":"DECLINE","framework_id":{"value":"f"},
                 "decline":{"offer_ids":[{"value":"o1"}],"filters":{"refuse_seconds":1.5}}}""",
                Call.newBuilder()).build();
        assertEquals(1.5, decline.getDecline().getFilters().getRefuseSeconds());
    }

    @Test
    void doublesAcceptInfinityAndNaNStrings() throws JsonCodecException {
        assertEquals(Double.POSITIVE_INFINITY,
                JsonCodec.decode("{\"value\":\"Infinity\"}", Value.Scalar.newBuilder()).getValue());
        assertEquals(Double.NEGATIVE_INFINITY,
                JsonCodec.decode("{\"value\":\"-Infinity\"}", Value.Scalar.newBuilder()).getValue());
        assertTrue(Double.isNaN(JsonCodec.decode("{\"value\":\"NaN\"}", Value.Scalar.newBuilder()).getValue()));
    }

    @Test
    void unknownEnumNameInOptionalFieldLeavesItUnset() throws JsonCodecException {
        TaskStatus status = JsonCodec.decode("""
                {"task_id":{"value":"t"},"state":"TASK_RUNNING","reason":"REASON_FROM_A_NEWER_MESOS"}""",
                TaskStatus.newBuilder()).build();
        assertEquals(TaskState.TASK_RUNNING, status.getState());
        assertFalse(status.hasReason());
    }

    @Test
    void unknownEnumNameInRepeatedFieldDropsThatElement() throws JsonCodecException {
        CapabilityInfo capabilities = JsonCodec.decode("{\"capabilities\":[\"CHOWN\",\"FUTURE_CAP\",\"KILL\"]}",
                CapabilityInfo.newBuilder()).build();
        assertEquals(List.of(CapabilityInfo.Capability.CHOWN, CapabilityInfo.Capability.KILL),
                capabilities.getCapabilitiesList());
    }

    @Test
    void duplicateKeyKeepsTheLastValue() throws JsonCodecException {
        FrameworkInfo framework = JsonCodec.decode("""
                {"name":"first","user":"u","roles":["a","b"],"id":{"value":"f1"},
                 "name":"second","roles":["c"],"id":{"value":"f2"}}""", FrameworkInfo.newBuilder()).build();
        assertEquals("second", framework.getName());
        assertEquals(List.of("c"), framework.getRolesList());
        assertEquals("f2", framework.getId().getValue());
    }

    @Test
    void decodeMergesIntoTheBuilderLikeProtobufMergeFrom() throws JsonCodecException {
        FrameworkInfo.Builder builder = FrameworkInfo.newBuilder().setUser("u").setHostname("h").addRoles("a");
        JsonCodec.decode("{\"name\":\"n\",\"hostname\":null,\"roles\":[\"b\"]}", builder);
        assertEquals("u", builder.getUser());
        assertEquals("n", builder.getName());
        assertEquals("h", builder.getHostname(), "null in the document means absent, not 'erase'");
        assertEquals(List.of("a", "b"), builder.getRolesList());
    }

    @Test
    void bytesAcceptBase64WithOrWithoutPaddingInEitherAlphabet() throws JsonCodecException {
        byte[] expected = {(byte) 251, (byte) 255, (byte) 191, 16, 32, 48, 64, 80, 96, 112, (byte) 128, (byte) 144,
                (byte) 160, (byte) 176, (byte) 192, (byte) 208};
        for (String encoded : List.of("+/+/ECAwQFBgcICQoLDA0A==", "+/+/ECAwQFBgcICQoLDA0A", "-_-_ECAwQFBgcICQoLDA0A==",
                "-_-_ECAwQFBgcICQoLDA0A")) {
            TaskStatus status = JsonCodec.decode("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_LOST\",\"uuid\":\""
                    + encoded + "\"}", TaskStatus.newBuilder()).build();
            assertEquals(com.google.protobuf.ByteString.copyFrom(expected), status.getUuid(), encoded);
        }
    }

    @Test
    void documentMayStartWithWhitespaceAndEndWithNewline() throws JsonCodecException {
        assertEquals(2.0, JsonCodec.decode(" \n\t{ \"refuse_seconds\" : 2 }\n", Filters.newBuilder())
                .getRefuseSeconds());
    }

    @Test
    void readTakesOneEmbeddedObjectAndLeavesTheParserOnItsEnd() throws IOException, JsonCodecException {
        String document = "{\"events\":[{\"refuse_seconds\":1},{\"refuse_seconds\":2,\"x\":{}}],\"after\":true}";
        List<Double> read = new ArrayList<>();
        try (JsonParser parser = JsonCodec.factory().createParser(document)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            assertEquals("events", parser.nextFieldName());
            assertEquals(JsonToken.START_ARRAY, parser.nextToken());
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                read.add(JsonCodec.read(parser, Filters.newBuilder()).getRefuseSeconds());
                assertEquals(JsonToken.END_OBJECT, parser.currentToken());
            }
            assertEquals("after", parser.nextFieldName());
        }
        assertEquals(List.of(1.0, 2.0), read);
    }

    @Test
    void readDoesNotCheckRequiredFields() throws IOException, JsonCodecException {
        try (JsonParser parser = JsonCodec.factory().createParser("{\"user\":\"u\"}")) {
            parser.nextToken();
            assertFalse(JsonCodec.read(parser, FrameworkInfo.newBuilder()).isInitialized());
        }
    }

    @Test
    void documentBytesAreDecodedAsUtf8() throws JsonCodecException {
        byte[] json = "{\"user\":\"j\u00f6rg\",\"name\":\"\u6771\"}".getBytes(StandardCharsets.UTF_8);
        FrameworkInfo framework = JsonCodec.decode(json, FrameworkInfo.newBuilder()).build();
        assertEquals("j\u00f6rg", framework.getUser());
        assertEquals("\u6771", framework.getName());
    }
}
