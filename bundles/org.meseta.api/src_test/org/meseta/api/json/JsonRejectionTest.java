package org.meseta.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Message;
import java.io.IOException;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/** Bad input ends in a JsonCodecException whose message names the problem, never in anything else. */
class JsonRejectionTest {

    static String rejection(String json, Message.Builder builder) {
        return assertThrows(JsonCodecException.class, () -> JsonCodec.decode(json, builder)).getMessage();
    }

    static String rejection(String json) {
        return rejection(json, FrameworkInfo.newBuilder());
    }

    @Test
    void missingRequiredFieldsAreListedByPath() {
        assertEquals("Missing required fields: framework_info.user, framework_info.name",
                rejection("{\"framework_info\":{\"id\":{\"value\":\"f\"}}}", Call.Subscribe.newBuilder()));
        assertEquals("Missing required fields: id, framework_id, agent_id, hostname, resources[1].name",
                rejection("{\"resources\":[{\"name\":\"cpus\",\"type\":\"SCALAR\"},{\"type\":\"SCALAR\"}]}",
                        Offer.newBuilder()));
    }

    @Test
    void longListsOfMissingFieldsAreCutShort() {
        String resources = "{\"type\":\"SCALAR\"},".repeat(30);
        String message = rejection("{\"resources\":[" + resources.substring(0, resources.length() - 1) + "]}",
                Offer.newBuilder());
        assertTrue(message.startsWith(
                "Missing required fields: id, framework_id, agent_id, hostname, resources[0].name,"), message);
        assertTrue(message.endsWith(", resources[15].name and 14 more"), message);
    }

    @Test
    void failedDecodeLeavesTheBuilderUntouched() {
        FrameworkInfo.Builder builder = FrameworkInfo.newBuilder().setUser("kept");
        assertThrows(JsonCodecException.class,
                () -> JsonCodec.decode("{\"user\":\"changed\",\"name\":\"n\"} trailing", builder));
        assertThrows(JsonCodecException.class,
                () -> JsonCodec.decode("{\"user\":\"changed\",\"checkpoint\":\"maybe\"}", builder));
        assertEquals(FrameworkInfo.newBuilder().setUser("kept").buildPartial(), builder.buildPartial());
    }

    @Test
    void wrongJsonTypeNamesTheFieldPath() {
        assertEquals("Invalid JSON for field 'framework_info.failover_timeout': expected a number, got \"abc\"",
                rejection("{\"framework_info\":{\"user\":\"u\",\"name\":\"n\",\"failover_timeout\":\"abc\"}}",
                        Call.Subscribe.newBuilder()));
        assertEquals("Invalid JSON for field 'name': expected a string, got an object",
                rejection("{\"user\":\"u\",\"name\":{\"first\":\"n\"}}"));
        assertEquals("Invalid JSON for field 'roles': expected an array, got \"web\"",
                rejection("{\"user\":\"u\",\"name\":\"n\",\"roles\":\"web\"}"));
        assertEquals("Invalid JSON for field 'id': expected an object, got \"f1\"",
                rejection("{\"user\":\"u\",\"name\":\"n\",\"id\":\"f1\"}"));
        assertEquals("Invalid JSON for field 'checkpoint': expected a boolean, got 1",
                rejection("{\"user\":\"u\",\"name\":\"n\",\"checkpoint\":1}"));
        assertEquals("Invalid JSON for field 'capabilities[1].type': expected an enum value name, got 3",
                rejection("{\"user\":\"u\",\"name\":\"n\",\"capabilities\":[{},{\"type\":3}]}"));
    }

    @Test
    void nonIntegralOrOutOfRangeIntegersAreRejected() {
        assertEquals("Invalid JSON for field 'begin': expected an integer, got 1.5",
                rejection("{\"begin\":1.5,\"end\":2}", Value.Range.newBuilder()));
        assertEquals("Invalid JSON for field 'begin': -1 is out of range for uint64",
                rejection("{\"begin\":-1,\"end\":2}", Value.Range.newBuilder()));
        assertEquals("Invalid JSON for field 'end': \"18446744073709551616\" is out of range for uint64",
                rejection("{\"begin\":1,\"end\":\"18446744073709551616\"}", Value.Range.newBuilder()));
        assertEquals("Invalid JSON for field 'port': 2147483648 is out of range for int32",
                rejection("{\"port\":2147483648}", Address.newBuilder()));
        assertEquals("Invalid JSON for field 'port': expected an integer, got \"80a\"",
                rejection("{\"port\":\"80a\"}", Address.newBuilder()));
    }

    @Test
    void unknownEnumNameInRequiredFieldIsRejected() {
        assertEquals("Invalid JSON for field 'type': unknown value \"TENSOR\" for enum mesos.v1.Value.Type",
                rejection("{\"name\":\"gpus\",\"type\":\"TENSOR\"}", Resource.newBuilder()));
        assertTrue(rejection("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_DREAMING\"}", TaskStatus.newBuilder())
                .startsWith("Invalid JSON for field 'state': unknown value \"TASK_DREAMING\""));
    }

    @Test
    void invalidBase64IsRejectedNamingTheField() {
        assertEquals("Invalid JSON for field 'uuid': expected a base64 string, got \"not base64!\"",
                rejection("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_LOST\",\"uuid\":\"not base64!\"}",
                        TaskStatus.newBuilder()));
        assertTrue(rejection("{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_LOST\",\"data\":\"A\"}",
                TaskStatus.newBuilder()).startsWith("Invalid JSON for field 'data'"));
    }

    @Test
    void topLevelValueMustBeAnObject() {
        assertEquals("Expected a JSON object, got an array", rejection("[{\"user\":\"u\",\"name\":\"n\"}]"));
        assertEquals("Expected a JSON object, got \"text\"", rejection("\"text\""));
        assertEquals("Expected a JSON object, got null", rejection("null"));
        assertEquals("Expected a JSON object, got an empty document", rejection("  "));
    }

    @Test
    void malformedJsonReportsPositionWithoutParserInternals() {
        String trailingComma = rejection("{\"user\":\"u\",}");
        assertTrue(trailingComma.startsWith("Malformed JSON at line 1, column 13: "), trailingComma);
        String secondLine = rejection("{\"user\":\"u\",\n \"name\": nope}");
        assertTrue(secondLine.startsWith("Malformed JSON at line 2, column "), secondLine);
        String truncated = rejection("{\"user\":\"u\",\"name\":\"n");
        assertTrue(truncated.startsWith("Malformed JSON at line 1, column "), truncated);
        assertEquals("Malformed JSON at line 1, column 25: unexpected content after the JSON object",
                rejection("{\"user\":\"u\",\"name\":\"n\"} {\"x\":1}"));
        for (String message : new String[] {trailingComma, secondLine, truncated, rejection("{\"a\":NaN}"),
                rejection("{\"a\":'single'}"), rejection("{\"a\":01}")}) {
            assertCleanMessage(message);
        }
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] json = {'{', '"', 'u', 's', 'e', 'r', '"', ':', '"', (byte) 0xC3, '"', '}'};
        String message = assertThrows(JsonCodecException.class,
                () -> JsonCodec.decode(json, FrameworkInfo.newBuilder())).getMessage();
        assertTrue(message.startsWith("Malformed JSON at line 1"), message);
        assertCleanMessage(message);
    }

    @Test
    void deeplyNestedArraysAreRejectedWithoutStackOverflow() {
        String message = rejection("{\"unknown\":" + "[".repeat(100_000));
        assertEquals("JSON nested too deeply (more than 100 levels)", message);
        assertEquals("Expected a JSON object, got an array", rejection("[".repeat(100_000)));
    }

    @Test
    void deeplyNestedObjectsAreRejectedWithoutStackOverflow() {
        assertEquals("JSON nested too deeply (more than 100 levels)",
                rejection("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)));
        assertEquals("JSON nested too deeply (more than 100 levels)",
                rejection("{\"user\":\"u\",\"name\":\"n\",\"capabilities\":[{\"future\":" + "{\"a\":".repeat(200)));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() throws JsonCodecException {
        // The top-level object is level 1, so the unknown value may open 99 more levels.
        String atLimit = "{\"user\":\"u\",\"name\":\"n\",\"x\":" + "[".repeat(99) + "]".repeat(99) + "}";
        assertEquals("n", JsonCodec.decode(atLimit, FrameworkInfo.newBuilder()).getName());
        String beyond = "{\"user\":\"u\",\"name\":\"n\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertEquals("JSON nested too deeply (more than 100 levels)", rejection(beyond));
    }

    @Test
    void readCapsNestingEvenWithAParserFromAnotherFactory() throws IOException {
        String document = "{\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
        try (JsonParser parser = new JsonFactory().createParser(document)) {
            parser.nextToken();
            JsonCodecException failure = assertThrows(JsonCodecException.class,
                    () -> JsonCodec.read(parser, FrameworkInfo.newBuilder()));
            assertEquals("JSON nested too deeply (more than 100 levels)", failure.getMessage());
        }
    }

    @Test
    void hugeNumberLiteralsAreRejectedNotThrownUnchecked() {
        String longLiteral = "1" + "0".repeat(5000);
        String tooLong = rejection("{\"user\":\"u\",\"name\":\"n\",\"failover_timeout\":" + longLiteral + "}");
        assertTrue(tooLong.startsWith("Malformed JSON at line 1, column "), tooLong);
        assertTrue(tooLong.endsWith(": number literal is too long"), tooLong);
        assertEquals("Invalid JSON for field 'failover_timeout': 1e999999999 is out of range for double",
                rejection("{\"user\":\"u\",\"name\":\"n\",\"failover_timeout\":1e999999999}"));
        assertEquals("Invalid JSON for field 'begin': 1e99999999999 is out of range for uint64",
                rejection("{\"begin\":1e99999999999,\"end\":1}", Value.Range.newBuilder()));
        assertEquals("Invalid JSON for field 'begin': 1E+999999999 is out of range for uint64",
                rejection("{\"begin\":1E+999999999,\"end\":1}", Value.Range.newBuilder()));
        assertEquals("Invalid JSON for field 'end': expected an integer, got 1e-999999999",
                rejection("{\"begin\":1,\"end\":1e-999999999}", Value.Range.newBuilder()));
        assertTrue(rejection("{\"begin\":\"" + longLiteral + "\",\"end\":1}", Value.Range.newBuilder())
                .startsWith("Invalid JSON for field 'begin': expected an integer, got \"1000"));
        assertEquals("Invalid JSON for field 'value': \"1e400\" is out of range for double",
                rejection("{\"value\":\"1e400\"}", Value.Scalar.newBuilder()));
    }

    @Test
    void longOffendingValuesAreShortenedInMessages() {
        String message = rejection(
                "{\"user\":\"u\",\"name\":\"n\",\"failover_timeout\":\"" + "x".repeat(10_000) + "\"}");
        assertTrue(message.length() < 200, message);
        assertTrue(message.endsWith("...\""), message);
    }

    static void assertCleanMessage(String message) {
        for (String internal : new String[] {"com.fasterxml", "Exception", "`", "Source", "REDACTED", "\n", "\tat "}) {
            assertFalse(message.contains(internal), () -> "'" + internal + "' in: " + message);
        }
    }
}
