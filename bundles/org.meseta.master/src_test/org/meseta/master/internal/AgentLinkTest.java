package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentLink;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The master's side of the agent link, through real HTTP against a master started from its command line. */
class AgentLinkTest {

    private static final Duration PING = Duration.ofMillis(200);
    private static final String FAST_PINGS = "--agent_ping_timeout=200ms";
    private static final String MAX_TIMEOUTS = "--max_agent_ping_timeouts=3";
    /** For agents that answer: a slow pong on a loaded machine must not look like a dead agent. */
    private static final int TOLERATED_TIMEOUTS = 5;
    private static final String TOLERANT = "--max_agent_ping_timeouts=" + TOLERATED_TIMEOUTS;
    /** For tests about the link itself: no ping can interfere. */
    private static final String NO_PINGS = "--agent_ping_timeout=10mins";

    @TempDir
    Path workDir;

    private TestMaster master;

    @AfterEach
    void stopMaster() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void subscribeOpensAChunkedJsonStreamThatStartsWithRegistered() throws Exception {
        master = TestMaster.start(workDir, FAST_PINGS, MAX_TIMEOUTS);
        LinkSession link = master.subscribe(LinkSession.subscription(null, 15051));

        AgentEvent.Registered registered = link.registered();

        String masterId = master.id();
        assertEquals(masterId + "-S0", registered.agentId().getValue());
        assertEquals(masterId, registered.masterInfo().getId());
        assertEquals("master@127.0.0.1:" + master.port, registered.masterInfo().getPid());
        assertEquals(TestMaster.HOSTNAME, registered.masterInfo().getHostname());
        assertEquals(master.port, registered.masterInfo().getPort());
        assertEquals(PING, registered.pingInterval());
        assertEquals(3, registered.maxPingTimeouts());
        assertEquals("application/json", link.headers().first("Content-Type").orElseThrow());
        assertEquals("chunked", link.headers().first("Transfer-Encoding").orElseThrow());
        assertEquals(List.of(), link.problems());
    }

    @Test
    void eachNewAgentGetsTheNextIdUnderTheMasterId() throws Exception {
        master = TestMaster.start(workDir, NO_PINGS);

        String first = master.subscribe(LinkSession.subscription(null, 15051)).registered().agentId().getValue();
        String second = master.subscribe(LinkSession.subscription(null, 15052)).registered().agentId().getValue();

        assertEquals(master.id() + "-S0", first);
        assertEquals(master.id() + "-S1", second);
        assertEquals(2, JsonTree.objects(master.state(), "slaves").size());
    }

    @Test
    void pingsKeepArrivingWhileTheAgentAnswersThem() throws Exception {
        master = TestMaster.start(workDir, FAST_PINGS, TOLERANT);
        LinkSession link = master.subscribe(LinkSession.subscription(null, 15051));
        AgentID id = link.registered().agentId();

        // One ping more than may go unanswered: unanswered, the master sends only TOLERATED_TIMEOUTS of them and
        // then closes the link, so the last one comes only if the pongs were counted.
        for (int ping = 1; ping <= TOLERATED_TIMEOUTS + 1; ping++) {
            assertInstanceOf(AgentEvent.Ping.class, link.next(LinkSession.WAIT), "ping " + ping);
            link.pong(id);
        }

        assertFalse(link.isEnded());
        assertTrue(master.isActive(id.getValue()));
        assertEquals(List.of(), link.problems());
    }

    @Test
    void unansweredPingsMakeTheAgentUnreachableAndTheMasterClosesTheStream() throws Exception {
        master = TestMaster.start(workDir, FAST_PINGS, MAX_TIMEOUTS);
        LinkSession link = master.subscribe(LinkSession.subscription(null, 15051));
        AgentID id = link.registered().agentId();
        assertTrue(master.isActive(id.getValue()));

        assertEquals("end", link.awaitEnd(LinkSession.WAIT));

        Map<String, Object> state = master.state();
        assertTrue(JsonTree.objects(state, "slaves").stream().noneMatch(slave -> id.getValue().equals(slave.get("id"))),
                "an unreachable agent is no longer a registered one");
        assertEquals(BigDecimal.ZERO, JsonTree.number(state, "activated_slaves"));
        assertEquals(BigDecimal.ZERO, JsonTree.number(state, "deactivated_slaves"));
        assertEquals(BigDecimal.ONE, JsonTree.number(state, "unreachable_slaves"));
    }

    @Test
    void theMasterKeepsPingingAnUnansweringAgentUntilItGivesUp() throws Exception {
        master = TestMaster.start(workDir, FAST_PINGS, MAX_TIMEOUTS);
        LinkSession link = master.subscribe(LinkSession.subscription(null, 15051));
        link.registered();

        link.awaitEnd(LinkSession.WAIT);

        int pings = 0;
        while (link.poll(Duration.ZERO).isPresent()) {
            pings++;
        }
        assertEquals(3, pings, "one ping per interval until --max_agent_ping_timeouts are unanswered");
    }

    @Test
    void aSingleLostPongIsForgivenWhenLaterPingsAreAnswered() throws Exception {
        master = TestMaster.start(workDir, FAST_PINGS, TOLERANT);
        LinkSession link = master.subscribe(LinkSession.subscription(null, 15051));
        AgentID id = link.registered().agentId();

        // Lost: not answered. Then answering the next ones, more than may go unanswered in a row.
        assertInstanceOf(AgentEvent.Ping.class, link.next(LinkSession.WAIT));
        for (int i = 0; i <= TOLERATED_TIMEOUTS; i++) {
            assertInstanceOf(AgentEvent.Ping.class, link.next(LinkSession.WAIT));
            link.pong(id);
        }

        assertFalse(link.isEnded());
        assertTrue(master.isActive(id.getValue()));
    }

    @Test
    void closingTheStreamMakesTheAgentInactiveAtOnce() throws Exception {
        master = TestMaster.start(workDir, NO_PINGS);
        LinkSession link = master.subscribe(LinkSession.subscription(null, 15051));
        String id = link.registered().agentId().getValue();
        assertTrue(master.isActive(id));

        link.close();

        Eventually.await("the agent is inactive", () -> !master.isActive(id));
    }

    @Test
    void resubscribingWithTheIdReactivatesTheSameAgentAndSetsReregisteredTime() throws Exception {
        master = TestMaster.start(workDir, NO_PINGS);
        LinkSession first = master.subscribe(LinkSession.subscription(null, 15051));
        String id = first.registered().agentId().getValue();
        first.close();
        Eventually.await("the agent is inactive", () -> !master.isActive(id));
        BigDecimal registeredTime = JsonTree.number(master.slave(id), "registered_time");
        assertFalse(master.slave(id).containsKey("reregistered_time"));

        LinkSession second = master.subscribe(LinkSession.subscription(id, 15051));

        assertEquals(id, second.registered().agentId().getValue());
        Map<String, Object> slave = master.slave(id);
        assertTrue(JsonTree.bool(slave, "active"));
        assertEquals(registeredTime, JsonTree.number(slave, "registered_time"));
        assertTrue(JsonTree.number(slave, "reregistered_time").compareTo(registeredTime) >= 0, slave::toString);
        assertEquals(1, JsonTree.objects(master.state(), "slaves").size());
    }

    @Test
    void aNewSubscriptionReplacesTheOpenStreamAndTheAgentStaysActive() throws Exception {
        master = TestMaster.start(workDir, NO_PINGS);
        LinkSession first = master.subscribe(LinkSession.subscription(null, 15051));
        String id = first.registered().agentId().getValue();

        LinkSession second = master.subscribe(LinkSession.subscription(id, 15051));

        assertEquals(id, second.registered().agentId().getValue());
        assertEquals("end", first.awaitEnd(LinkSession.WAIT));
        // The old stream's end must not deactivate the agent that now uses the new one.
        Eventually.holds("the agent stays active on its new stream", Duration.ofMillis(300),
                () -> master.isActive(id));
        assertFalse(second.isEnded());
    }

    @Test
    void anAgentAdmittedByAnEarlierMasterKeepsItsId() throws Exception {
        master = TestMaster.start(workDir, NO_PINGS);

        LinkSession link = master.subscribe(LinkSession.subscription("earlier-master-S7", 15051));

        assertEquals("earlier-master-S7", link.registered().agentId().getValue());
        assertTrue(master.isActive("earlier-master-S7"));
    }

    @TestFactory
    Stream<DynamicTest> invalidSubscriptionsAreRefusedWithAClearReason() throws Exception {
        String agent = "{\"hostname\":\"a.test\",\"port\":5051}";
        String[][] rows = {
            {"{", "Malformed JSON"},
            {"[]", "Expected a JSON object"},
            {"{\"pid\":\"slave(1)@127.0.0.1:5051\",\"version\":\"1.11.0\"}", "Field 'agent_info' must be an object"},
            {"{\"agent_info\":" + agent + ",\"pid\":\"nonsense\",\"version\":\"1.11.0\"}",
                "Invalid agent pid 'nonsense': expected slave(N)@ip:port"},
            {"{\"agent_info\":" + agent + ",\"version\":\"1.11.0\"}", "Field 'pid' must be a string"},
            {"{\"agent_info\":{\"port\":5051},\"pid\":\"slave(1)@127.0.0.1:5051\",\"version\":\"1.11.0\"}",
                "hostname"},
            {"{\"agent_info\":{\"hostname\":\"a.test\",\"resources\":[{\"name\":\"cpus\",\"type\":\"SCALAR\","
                    + "\"scalar\":{\"value\":-1}}]},\"pid\":\"slave(1)@127.0.0.1:5051\",\"version\":\"1.11.0\"}",
                "the scalar value must not be negative"},
            {"{\"agent_info\":{\"hostname\":\"a.test\",\"resources\":[{\"name\":\"ports\",\"type\":\"SCALAR\","
                    + "\"scalar\":{\"value\":3}}]},\"pid\":\"slave(1)@127.0.0.1:5051\",\"version\":\"1.11.0\"}",
                "'ports' must be ranges"},
        };
        master = TestMaster.start(workDir, NO_PINGS);
        return Stream.of(rows).map(row -> DynamicTest.dynamicTest(row[1], () -> {
            var response = Http.post(master.uri(AgentLink.SUBSCRIBE_PATH), row[0], "Content-Type", Http.JSON);

            assertEquals(400, response.statusCode(), () -> Http.text(response));
            assertEquals("text/plain; charset=utf-8", Http.contentType(response));
            assertTrue(Http.text(response).startsWith("Invalid agent subscription: "), Http.text(response));
            assertTrue(Http.text(response).contains(row[1]), Http.text(response));
            assertEquals(List.of(), JsonTree.array(master.state(), "slaves"));
        }));
    }

    @Test
    void pongForAnUnknownAgentIsNotFound() throws Exception {
        master = TestMaster.start(workDir, NO_PINGS);

        var response = Http.post(master.uri(AgentLink.CALL_PATH),
                "{\"type\":\"PONG\",\"agent_id\":{\"value\":\"nobody-S9\"}}",
                "Content-Type", Http.JSON);

        assertEquals(404, response.statusCode());
        assertEquals("Unknown agent nobody-S9; subscribe first", Http.text(response));
    }

    @Test
    void pongWithoutAnAgentIdIsABadRequest() throws Exception {
        master = TestMaster.start(workDir, NO_PINGS);

        var response = Http.post(master.uri(AgentLink.CALL_PATH), "{\"type\":\"PONG\"}", "Content-Type",
                Http.JSON);

        assertEquals(400, response.statusCode());
        assertEquals("Invalid agent call: Field 'agent_id' must be an object", Http.text(response));
    }

    @Test
    void theLinkEndpointsOnlyAcceptPost() throws Exception {
        master = TestMaster.start(workDir, NO_PINGS);

        var response = Http.get(master.uri(AgentLink.SUBSCRIBE_PATH));

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
    }
}
