package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.AgentRow;
import org.meseta.console.core.ClusterSnapshot;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.PollSettings;
import org.meseta.console.core.ResourceAmounts;
import org.meseta.testing.FakeMaster;
import org.meseta.testing.GetAgentsJson;

/**
 * When the client polls and when it stops, on a {@link ManualClientThread}: the client's work runs on the test
 * thread and time moves only when the test advances it, so every assertion is about what happened, never about
 * how long it took. The master is a real HTTP server on 127.0.0.1 ({@link FakeMaster}); the test waits for each
 * of its answers to arrive. As a poll is sent only while the client's work runs, the requests the master has
 * received once the answers are in are exactly the polls the client made.
 */
@Timeout(30)
class PollingClusterClientTest {

    /** Poll every second; retry after 3 s, 6 s, then every 10 s (all different, to tell them apart). */
    private static final PollSettings SETTINGS = new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(10), Duration.ofSeconds(5));
    private static final String NODE_A = GetAgentsJson.agent("M-S0", "node-a", true, new double[] {4, 8192, 0},
            new double[] {0, 0, 0}, "");
    private static final ClusterSnapshot ONLY_NODE_A = new ClusterSnapshot(List.of(new AgentRow("M-S0", "node-a",
            new ResourceAmounts(4, 8192, 0), ResourceAmounts.NONE, "", true)));

    private final ManualClientThread thread = new ManualClientThread();
    private final List<ConnectionState> states = new ArrayList<>();
    private FakeMaster master;
    private PollingClusterClient client;

    @BeforeEach
    void start() throws Exception {
        master = FakeMaster.start();
        master.answer(GetAgentsJson.getAgents(NODE_A));
        client = new PollingClusterClient(SETTINGS, thread);
        client.addListener(states::add);
        thread.runReady();
    }

    @AfterEach
    void stop() {
        client.close();
        master.close();
    }

    private static MasterAddress address(FakeMaster of) {
        return MasterAddress.of(of.uri());
    }

    private static ConnectionState connected(FakeMaster to) {
        return new ConnectionState.Connected(address(to), address(to), ONLY_NODE_A);
    }

    /** Connects and waits for the first answer. */
    private void connect() throws InterruptedException {
        client.connect(address(master));
        thread.awaitArrivals(1);
    }

    @Test
    void pollsOncePerIntervalAndReportsOnlyChanges() throws Exception {
        connect();
        assertEquals(List.of(SETTINGS.pollInterval()), thread.pendingDelays(), "the next poll waits one interval");

        thread.advance(SETTINGS.pollInterval().minusMillis(1));
        assertEquals(List.of(Duration.ofMillis(1)), thread.pendingDelays(), "not yet due");
        for (int i = 0; i < 3; i++) {
            thread.advance(thread.pendingDelays().get(0));
            thread.awaitArrivals(1);
        }

        assertEquals(4, master.received().size(), "one request to connect and one per interval");
        assertEquals(List.of(new ConnectionState.Disconnected(), new ConnectionState.Connecting(address(master)),
                connected(master)), states, "three identical answers are not reported again");
    }

    @Test
    void aChangeIsReportedAtTheNextPoll() throws Exception {
        connect();
        master.answer(GetAgentsJson.getAgents());

        thread.advance(SETTINGS.pollInterval());
        thread.awaitArrivals(1);

        assertEquals(new ConnectionState.Connected(address(master), address(master), ClusterSnapshot.EMPTY),
                states.get(states.size() - 1));
    }

    @Test
    void aFailingMasterIsRetriedAfterDoublingDelaysAndPolledAtTheIntervalOnceItAnswers() throws Exception {
        master.answerStatus(503, "Master has not finished recovery");
        connect();

        List<Duration> retries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Duration retry = thread.pendingDelays().get(0);
            retries.add(retry);
            thread.advance(retry);
            thread.awaitArrivals(1);
        }
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(10),
                Duration.ofSeconds(10)), retries);
        assertEquals(5, master.received().size());

        master.answer(GetAgentsJson.getAgents(NODE_A));
        thread.advance(Duration.ofSeconds(10));
        thread.awaitArrivals(1);
        assertEquals(connected(master), states.get(states.size() - 1));
        assertEquals(List.of(SETTINGS.pollInterval()), thread.pendingDelays());

        master.answerStatus(503, "Master has not finished recovery");
        thread.advance(SETTINGS.pollInterval());
        thread.awaitArrivals(1);
        assertEquals(List.of(SETTINGS.firstRetryDelay()), thread.pendingDelays(), "the back-off starts again");
    }

    @Test
    void disconnectCancelsTheNextPoll() throws Exception {
        connect();

        client.disconnect();
        thread.runReady();

        assertEquals(new ConnectionState.Disconnected(), states.get(states.size() - 1));
        assertEquals(List.of(), thread.pendingDelays());
        thread.advance(SETTINGS.maxRetryDelay().multipliedBy(10));
        assertEquals(1, master.received().size(), "no request after the first");
    }

    @Test
    void anAnswerArrivingAfterDisconnectIsDroppedAndNotFollowedByAPoll() throws Exception {
        client.connect(address(master));
        thread.runReady();
        client.disconnect();
        thread.runReady();

        thread.awaitArrivals(1);

        assertEquals(List.of(new ConnectionState.Disconnected(), new ConnectionState.Connecting(address(master)),
                new ConnectionState.Disconnected()), states);
        assertEquals(List.of(), thread.pendingDelays());
    }

    @Test
    void switchingMastersIgnoresTheOldMastersAnswerAndPollsOnlyTheNewOne() throws Exception {
        try (FakeMaster other = FakeMaster.start()) {
            other.answer(GetAgentsJson.getAgents(NODE_A));
            client.connect(address(master));
            thread.runReady();
            client.connect(address(other));
            thread.runReady();

            thread.awaitArrivals(2);
            thread.advance(SETTINGS.pollInterval());
            thread.awaitArrivals(1);

            assertEquals(List.of(new ConnectionState.Disconnected(), new ConnectionState.Connecting(address(master)),
                    new ConnectionState.Connecting(address(other)), connected(other)), states);
            assertEquals(1, master.received().size(), "the old master was asked once");
            assertEquals(2, other.received().size(), "the new one at connecting and after one interval");
        }
    }

    @Test
    void closeStopsTheThreadAndRefusesNewConnections() throws Exception {
        connect();

        client.close();

        assertTrue(thread.isShutdown());
        assertEquals(List.of(), thread.pendingDelays());
        assertThrows(IllegalStateException.class, () -> client.connect(address(master)));
        client.close();
        assertEquals(1, master.received().size());
    }
}
