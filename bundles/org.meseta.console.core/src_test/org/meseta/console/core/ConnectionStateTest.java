package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConnectionStateTest {

    private static final MasterAddress MASTER = MasterAddress.parse("127.0.0.1:5050");
    private static final AgentRow AGENT = new AgentRow("S1", "h1", ResourceAmounts.NONE, ResourceAmounts.NONE, "",
            true);

    @Test
    void connectedCountsAgentsAndNamesALeaderElsewhere() {
        ConnectionState one = new ConnectionState.Connected(MASTER, MASTER, new ClusterSnapshot(List.of(AGENT)));
        ConnectionState two = new ConnectionState.Connected(MASTER, MasterAddress.parse("10.0.0.2:5050"),
                new ClusterSnapshot(List.of(AGENT, AGENT)));

        assertEquals("Connected to 127.0.0.1:5050 · 1 agent", one.describe());
        assertEquals("Connected to 127.0.0.1:5050 (leader 10.0.0.2:5050) · 2 agents", two.describe());
        assertTrue(one.isConnected());
    }

    @Test
    void failuresGiveTheReasonAndWhenTheNextTryIs() {
        ConnectionState unreachable = new ConnectionState.Unreachable(MASTER, "connection refused",
                Duration.ofSeconds(2));
        ConnectionState protocolError = new ConnectionState.ProtocolError(MASTER, "HTTP 503: no leader",
                Duration.ofMillis(4500));

        assertEquals("Master 127.0.0.1:5050 unreachable (connection refused) · retrying in 2 s",
                unreachable.describe());
        assertEquals("Master 127.0.0.1:5050 gave an unusable answer (HTTP 503: no leader) · retrying in 5 s",
                protocolError.describe());
        assertFalse(unreachable.isConnected());
        assertFalse(protocolError.isConnected());
    }

    @Test
    void shortRetryDelaysAreShownInMilliseconds() {
        assertEquals("Master 127.0.0.1:5050 unreachable (x) · retrying in 250 ms",
                new ConnectionState.Unreachable(MASTER, "x", Duration.ofMillis(250)).describe());
    }

    @Test
    void beforeTheFirstAnswer() {
        assertEquals("Not connected", new ConnectionState.Disconnected().describe());
        assertEquals("Connecting to 127.0.0.1:5050…", new ConnectionState.Connecting(MASTER).describe());
        assertFalse(new ConnectionState.Connecting(MASTER).isConnected());
    }
}
