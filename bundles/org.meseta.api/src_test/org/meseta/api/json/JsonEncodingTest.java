package org.meseta.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.meseta.testing.JsonTree.assertSameJson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Call.DrainAgent;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.junit.jupiter.api.Test;

class JsonEncodingTest {

    @Test
    void encodeIsCompactUtf8WithoutTrailingNewline() {
        byte[] json = JsonCodec.encode(Filters.getDefaultInstance());
        assertEquals("{\"refuse_seconds\":5.0}", new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void documentIsTheValueTheWriterWritesAsCompactUtf8() {
        byte[] json = JsonCodec.document(generator -> {
            generator.writeStartObject();
            generator.writeStringField("name", "n\u00f6de");
            generator.writeFieldName("agent_id");
            JsonCodec.write(generator, AgentID.newBuilder().setValue("S1").build());
            generator.writeEndObject();
        });

        assertEquals("{\"name\":\"n\u00f6de\",\"agent_id\":{\"value\":\"S1\"}}",
                new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void aWriterThatFailsIsReportedUnchecked() {
        IOException broken = new IOException("broken writer");

        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> JsonCodec.document(generator -> {
            throw broken;
        }));

        assertSame(broken, thrown.getCause());
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8() {
        byte[] json = JsonCodec.encode(AgentID.newBuilder().setValue("n\u00f6de-\u6771").build());
        assertEquals("{\"value\":\"n\u00f6de-\u6771\"}", new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void unsetRequiredFieldWithDefaultIsPrintedAndUint32IsUnsigned() {
        // 10.0.0.200 packed in network order into a little-endian uint32 is above Integer.MAX_VALUE.
        MasterInfo master = MasterInfo.newBuilder().setId("m1").setIp((int) 3355443210L).buildPartial();
        assertSameJson("{\"id\":\"m1\",\"ip\":3355443210,\"port\":5050}", JsonCodec.encodeToString(master));
    }

    @Test
    void nonFiniteDoublesArePrintedAsStringsAndReadBack() throws JsonCodecException {
        FrameworkInfo framework = FrameworkInfo.newBuilder().setUser("u").setName("n")
                .setFailoverTimeout(Double.POSITIVE_INFINITY).build();
        String json = JsonCodec.encodeToString(framework);
        assertSameJson("{\"user\":\"u\",\"name\":\"n\",\"failover_timeout\":\"Infinity\",\"checkpoint\":false}", json);
        assertEquals(Double.POSITIVE_INFINITY,
                JsonCodec.decode(json, FrameworkInfo.newBuilder()).getFailoverTimeout());
        assertSameJson("{\"value\":\"NaN\"}",
                JsonCodec.encodeToString(Value.Scalar.newBuilder().setValue(Double.NaN).build()));
        assertSameJson("{\"value\":\"-Infinity\"}",
                JsonCodec.encodeToString(Value.Scalar.newBuilder().setValue(Double.NEGATIVE_INFINITY).build()));
    }

    @Test
    void unpairedSurrogateIsReplacedSoOutputStaysValidUtf8() {
        String json = JsonCodec.encodeToString(AgentID.newBuilder().setValue("a\ud800b\ud83d\ude00").build());
        assertEquals("{\"value\":\"a\ufffdb\ud83d\ude00\"}", json);
    }

    @Test
    void unknownFieldsAreNotPrinted() throws InvalidProtocolBufferException {
        // Field 99 (varint 7) is not part of AgentID; protobuf keeps it as an unknown field.
        byte[] wire = {0x0a, 0x01, 'a', (byte) 0x98, 0x06, 0x07};
        AgentID withUnknown = AgentID.parseFrom(wire);
        assertFalse(withUnknown.getUnknownFields().asMap().isEmpty());
        assertEquals("{\"value\":\"a\"}", JsonCodec.encodeToString(withUnknown));
    }

    @Test
    void durationIsAPlainMessageNotProto3String() throws JsonCodecException {
        DrainAgent drain = DrainAgent.newBuilder().setAgentId(AgentID.newBuilder().setValue("S1"))
                .setMaxGracePeriod(Duration.newBuilder().setSeconds(90).setNanos(500)).build();
        String mesosJson = """
                {"agent_id":{"value":"S1"},"max_grace_period":{"seconds":90,"nanos":500},"mark_gone":false}""";
        assertSameJson(mesosJson, JsonCodec.encodeToString(drain));
        assertEquals(drain.toBuilder().setMarkGone(false).build(),
                JsonCodec.decode(mesosJson, DrainAgent.newBuilder()).build());
    }

    @Test
    void mapFieldIsAnObjectKeyedByMapKey() throws JsonCodecException {
        QuotaConfig quota = QuotaConfig.newBuilder().setRole("dev")
                .putGuarantees("cpus", Value.Scalar.newBuilder().setValue(2).build())
                .putGuarantees("mem", Value.Scalar.newBuilder().setValue(4096).build())
                .putLimits("cpus", Value.Scalar.newBuilder().setValue(8).build())
                .build();
        String mesosJson = """
                {"role":"dev","guarantees":{"cpus":{"value":2.0},"mem":{"value":4096.0}},
                 "limits":{"cpus":{"value":8.0}}}""";
        assertSameJson(mesosJson, JsonCodec.encodeToString(quota));
        assertEquals(quota, JsonCodec.decode(mesosJson, QuotaConfig.newBuilder()).build());
    }

    @Test
    void buildersAreEncodedLikeTheMessagesTheyBuild() {
        FrameworkInfo.Builder builder = FrameworkInfo.newBuilder().setUser("u").setName("n");
        builder.getIdBuilder().setValue("f1");
        assertEquals(JsonCodec.encodeToString(builder.build()), JsonCodec.encodeToString(builder));
    }

    @Test
    void writeEmbedsTheMessageAsOneValueOfAHandBuiltDocument() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JsonCodec.factory().createGenerator(text)) {
            generator.writeStartObject();
            generator.writeStringField("kind", "filters");
            generator.writeFieldName("filters");
            JsonCodec.write(generator, Filters.newBuilder().setRefuseSeconds(0.5).build());
            generator.writeEndObject();
        }
        assertEquals("{\"kind\":\"filters\",\"filters\":{\"refuse_seconds\":0.5}}", text.toString());
    }
}
