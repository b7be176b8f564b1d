package org.meseta.api.agentlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.junit.jupiter.api.Test;
import org.meseta.api.json.JsonCodecException;
import org.meseta.testing.JsonTree;

class AgentLinkMessagesTest {

    private static final AgentInfo AGENT = AgentInfo.newBuilder().setHostname("a1").setPort(5051).build();
    private static final MasterInfo MASTER = MasterInfo.newBuilder().setId("m").setIp(16777343).setPort(5050)
            .setPid("master@127.0.0.1:5050").setHostname("localhost").build();

    @Test
    void subscribeRoundTripsThroughItsDocumentedJson() throws JsonCodecException {
        AgentSubscribe subscribe = new AgentSubscribe(AGENT, "slave(1)@127.0.0.1:5051", "1.11.0");

        JsonTree.assertSameJson("""
                {"agent_info":{"hostname":"a1","port":5051},"pid":"slave(1)@127.0.0.1:5051","version":"1.11.0"}""",
                new String(subscribe.toJson(), StandardCharsets.UTF_8));
        assertEquals(subscribe, AgentSubscribe.fromJson(subscribe.toJson()));
    }

    @Test
    void registeredRoundTripsWithItsPingSchedule() throws JsonCodecException {
        AgentEvent.Registered registered = new AgentEvent.Registered(AgentID.newBuilder().setValue("m-S0").build(),
                MASTER, Duration.ofMillis(1500), 5);

        AgentEvent read = AgentEvent.fromJson(registered.toJson());

        assertEquals(registered, read);
        assertEquals(Duration.ofMillis(7500), ((AgentEvent.Registered) read).pingTimeout());
    }

    @Test
    void pingAndPongRoundTrip() throws JsonCodecException {
        assertInstanceOf(AgentEvent.Ping.class, AgentEvent.fromJson("{\"type\":\"PING\"}".getBytes()));
        AgentPong pong = new AgentPong(AgentID.newBuilder().setValue("m-S3").build());
        assertEquals(pong, AgentPong.fromJson(pong.toJson()));
    }

    @Test
    void unknownFieldsAreIgnoredAndNullMeansAbsent() throws JsonCodecException {
        AgentSubscribe read = AgentSubscribe.fromJson(("{\"extra\":[1,{\"x\":2}],\"agent_info\":{\"hostname\":\"a1\"},"
                + "\"pid\":\"slave(1)@10.0.0.2:5051\",\"version\":\"1.11.0\",\"more\":null}").getBytes());

        assertEquals("a1", read.agentInfo().getHostname());
    }

    @Test
    void malformedJsonIsDescribedWithoutParserInternals() {
        JsonCodecException error = assertThrows(JsonCodecException.class,
                () -> AgentSubscribe.fromJson("{\"pid\": slave}".getBytes()));

        assertTrue(error.getMessage().startsWith("Malformed JSON at line 1"), error.getMessage());
        assertFalse(error.getMessage().contains("Source"), error.getMessage());
    }

    @Test
    void badPidIsRefusedNamingTheExpectedForm() {
        JsonCodecException error = assertThrows(JsonCodecException.class, () -> AgentSubscribe.fromJson(
                "{\"agent_info\":{\"hostname\":\"a1\"},\"pid\":\"agent@host\",\"version\":\"1\"}".getBytes()));

        assertEquals("Invalid agent pid 'agent@host': expected slave(N)@ip:port", error.getMessage());
    }

    @Test
    void missingFieldIsNamed() {
        JsonCodecException error = assertThrows(JsonCodecException.class,
                () -> AgentPong.fromJson("{}".getBytes()));

        assertEquals("Field 'agent_id' must be an object", error.getMessage());
    }

    @Test
    void unknownEventTypeIsAnError() {
        JsonCodecException error = assertThrows(JsonCodecException.class,
                () -> AgentEvent.fromJson("{\"type\":\"REBOOT\"}".getBytes()));

        assertEquals("Unknown agent event type 'REBOOT'", error.getMessage());
    }

    @Test
    void invalidPingScheduleIsRefused() {
        String json = new String(new AgentEvent.Registered(AgentID.newBuilder().setValue("s").build(), MASTER,
                Duration.ofSeconds(1), 1).toJson(), StandardCharsets.UTF_8).replace("\"max_ping_timeouts\":1",
                        "\"max_ping_timeouts\":0");

        assertThrows(JsonCodecException.class, () -> AgentEvent.fromJson(json.getBytes()));
    }
}
