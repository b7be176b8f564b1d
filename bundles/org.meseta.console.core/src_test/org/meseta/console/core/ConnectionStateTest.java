package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConnectionStateTest {

    private static final MasterAddress MASTER = MasterAddress.parse("127.0.0.1:5050");
    private static final MasterAddress OTHER = MasterAddress.parse("10.0.0.2:5050");

    @Test
    void connectedNamesALeaderElsewhereAndALeaderThatChanged() {
        ConnectionState.Connected direct = new ConnectionState.Connected(MASTER, MASTER, Optional.empty());
        ConnectionState.Connected redirected = new ConnectionState.Connected(MASTER, OTHER, Optional.empty());
        ConnectionState.Connected failedOver = new ConnectionState.Connected(MASTER, OTHER, Optional.of(MASTER));

        assertEquals("Connected to 127.0.0.1:5050", direct.describe());
        assertEquals("Connected to 127.0.0.1:5050 (leader 10.0.0.2:5050)", redirected.describe());
        assertEquals("Connected to 127.0.0.1:5050 (leader 10.0.0.2:5050) · leader changed from 127.0.0.1:5050",
                failedOver.describe());
        assertTrue(direct.isConnected());
        assertFalse(redirected.leaderChanged());
        assertTrue(failedOver.leaderChanged());
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
    void aZooKeeperGroupNamesItsLeaderAndSaysWhenNoneLeads() {
        MasterLocation group = MasterLocation.parse("zk://10.0.0.9:2181/mesos");

        assertEquals("Connected to zk://10.0.0.9:2181/mesos (leader 127.0.0.1:5050)",
                new ConnectionState.Connected(group, MASTER, Optional.empty()).describe());
        assertEquals("No leading master in zk://10.0.0.9:2181/mesos · waiting for ZooKeeper to name one",
                new ConnectionState.NoLeader(group).describe());
        assertFalse(new ConnectionState.NoLeader(group).isConnected());
    }

    @Test
    void refusedCredentialsAskTheUserForOthers() {
        ConnectionState none = new ConnectionState.Unauthorized(MasterLocation.of(MASTER), Optional.empty(),
                "HTTP 401");
        ConnectionState refused = new ConnectionState.Unauthorized(MasterLocation.of(MASTER),
                Optional.of(new Credentials("alice", "pw")), "HTTP 403");

        assertEquals("Master 127.0.0.1:5050 requires credentials (HTTP 401) · connect again with a user and password",
                none.describe());
        assertEquals("Master 127.0.0.1:5050 refused the credentials of 'alice' (HTTP 403) · connect again with "
                + "another user or password", refused.describe());
        assertFalse(refused.isConnected());
    }

    @Test
    void beforeTheFirstAnswer() {
        assertEquals("Not connected", new ConnectionState.Disconnected().describe());
        assertEquals("Connecting to 127.0.0.1:5050…", new ConnectionState.Connecting(MASTER).describe());
        assertFalse(new ConnectionState.Connecting(MASTER).isConnected());
    }
}
