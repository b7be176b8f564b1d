package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.testing.FakeMaster;
import org.meseta.testing.GetAgentsJson;

/**
 * A real client, as {@link ClusterClients} makes it, against a fake master on 127.0.0.1, with intervals shortened
 * to milliseconds. Each test waits (bounded) for the states it expects; when the client polls and when it stops
 * is tested with a manual clock in {@code internal.PollingClusterClientTest}.
 */
@Timeout(30)
class ClusterClientTest {

    static final PollSettings FAST = new PollSettings(Duration.ofMillis(50), Duration.ofMillis(40),
            Duration.ofMillis(200), Duration.ofSeconds(2));

    private static final String NODE_A = GetAgentsJson.agent("M-S0", "node-a", true, new double[] {4, 8192, 20480},
            new double[] {1, 2048, 0}, "rack:r1");
    private static final String NODE_B = GetAgentsJson.agent("M-S1", "node-b", true, new double[] {2, 4096, 0},
            new double[] {0, 0, 0}, "");

    private FakeMaster master;
    private ClusterClient client;
    private final StateRecorder states = new StateRecorder();

    @BeforeEach
    void start() throws Exception {
        master = FakeMaster.start();
        client = ClusterClients.create(FAST);
        client.addListener(states);
    }

    @AfterEach
    void stop() {
        client.close();
        master.close();
    }

    private static MasterAddress address(FakeMaster master) {
        return MasterAddress.of(master.uri());
    }

    @Test
    void startsDisconnectedAndTellsANewListenerSo() {
        assertInstanceOf(ConnectionState.Disconnected.class, states.await(ConnectionState.class));
        assertInstanceOf(ConnectionState.Disconnected.class, client.state());
    }

    @Test
    void followsAgentsJoiningChangingAndLeaving() {
        master.answer(GetAgentsJson.getAgents(NODE_A));
        client.connect(address(master));

        states.await(ConnectionState.Connecting.class);
        ConnectionState.Connected first = states.await(ConnectionState.Connected.class);
        assertEquals(List.of(new AgentRow("M-S0", "node-a", new ResourceAmounts(4, 8192, 20480),
                new ResourceAmounts(1, 2048, 0), "rack:r1", true)), first.snapshot().agents());
        assertEquals(address(master), first.leader());

        master.answer(GetAgentsJson.getAgents(NODE_A, NODE_B));
        states.await(ConnectionState.Connected.class, c -> c.snapshot().agents().size() == 2);

        master.answer(GetAgentsJson.getAgents(GetAgentsJson.agent("M-S0", "node-a", false,
                new double[] {4, 8192, 20480}, new double[] {3, 2048, 0}, "rack:r1")));
        ConnectionState.Connected changed = states.await(ConnectionState.Connected.class,
                c -> c.snapshot().agents().size() == 1);
        assertFalse(changed.snapshot().agents().get(0).active());
        assertEquals(3, changed.snapshot().agents().get(0).used().cpus());
    }

    @Test
    void asksWithAJsonGetAgentsCall() {
        client.connect(address(master));
        states.await(ConnectionState.Connected.class);

        FakeMaster.Received request = master.received().get(0);
        assertEquals(new FakeMaster.Received("POST", "/api/v1", "application/json", "application/json",
                "{\"type\":\"GET_AGENTS\"}"), request);
    }

    @Test
    void aMasterGoingDownIsUnreachableWithAReasonAndComingBackIsConnectedAgain() throws Exception {
        master.answer(GetAgentsJson.getAgents(NODE_A));
        client.connect(address(master));
        states.await(ConnectionState.Connected.class);

        master.stop();
        ConnectionState.Unreachable down = states.await(ConnectionState.Unreachable.class);
        assertEquals(address(master), down.master());
        assertEquals(FAST.firstRetryDelay(), down.retryIn());
        // The first failure may also be a poll cut off by the stop; the retry surely finds no server.
        ConnectionState.Unreachable later = states.await(ConnectionState.Unreachable.class);
        assertEquals("connection refused", later.reason());
        assertEquals(FAST.firstRetryDelay().multipliedBy(2), later.retryIn(), "the delay doubles");

        master.restart();
        ConnectionState.Connected back = states.await(ConnectionState.Connected.class);
        assertEquals(1, back.snapshot().agents().size());
    }

    @Test
    void followsARedirectToTheLeader() throws Exception {
        try (FakeMaster leader = FakeMaster.start()) {
            leader.answer(GetAgentsJson.getAgents(NODE_B));
            master.redirectTo(leader.uri());
            client.connect(address(master));

            ConnectionState.Connected connected = states.await(ConnectionState.Connected.class);

            assertEquals(address(master), connected.master());
            assertEquals(address(leader), connected.leader());
            assertEquals("node-b", connected.snapshot().agents().get(0).hostname());
            assertEquals("POST", leader.received().get(0).method());
            assertEquals("/api/v1", leader.received().get(0).path());
        }
    }

    @Test
    void givesUpOnARedirectLoop() {
        master.redirectTo(master.uri());
        client.connect(address(master));

        ConnectionState.ProtocolError error = states.await(ConnectionState.ProtocolError.class);

        assertEquals("more than 3 redirects, the last to //" + address(master) + "/api/v1", error.reason());
    }

    @Test
    void aMalformedAnswerIsAProtocolErrorAndTheClientRecoversWhenItIsFixed() {
        master.answer("{\"type\":\"GET_AGENTS\",\"get_agents\":{\"agents\":[{\"agent_info\":");
        client.connect(address(master));

        ConnectionState.ProtocolError error = states.await(ConnectionState.ProtocolError.class);
        assertTrue(error.reason().startsWith("malformed GET_AGENTS response: "), error.reason());

        master.answer(GetAgentsJson.getAgents(NODE_A));
        states.await(ConnectionState.Connected.class);
    }

    @Test
    void anHttpErrorShowsTheStatusAndTheMastersMessage() {
        master.answerStatus(503, "Master has not finished recovery\nmore detail");
        client.connect(address(master));

        ConnectionState.ProtocolError error = states.await(ConnectionState.ProtocolError.class);

        assertEquals("HTTP 503: Master has not finished recovery", error.reason());
    }

    @Test
    void aMasterThatDoesNotAnswerTimesOut() {
        try (ClusterClient impatient = ClusterClients.create(new PollSettings(FAST.pollInterval(),
                FAST.firstRetryDelay(), FAST.maxRetryDelay(), Duration.ofMillis(300)))) {
            StateRecorder impatientStates = new StateRecorder();
            impatient.addListener(impatientStates);
            master.delayAnswers(Duration.ofSeconds(2));

            impatient.connect(address(master));

            assertEquals("no answer within 300 ms", impatientStates.await(ConnectionState.Unreachable.class).reason());
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        client.addListener(state -> {
            throw new IllegalStateException("listener bug");
        });
        StateRecorder second = new StateRecorder();
        client.addListener(second);

        client.connect(address(master));

        second.await(ConnectionState.Connected.class);
    }
}
