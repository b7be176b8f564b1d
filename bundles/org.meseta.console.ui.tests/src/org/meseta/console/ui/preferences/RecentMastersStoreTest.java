package org.meseta.console.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.MasterLocation;
import org.osgi.service.prefs.Preferences;

class RecentMastersStoreTest {

    private static final MasterAddress A = MasterAddress.parse("a:5050");
    private static final MasterAddress B = MasterAddress.parse("b:5050");
    private static final MasterLocation GROUP = MasterLocation.parse("zk://zk1:2181/mesos");

    // A node of its own, so that tests do not see each other's lists.
    private final Preferences node = InstanceScope.INSTANCE.getNode("org.meseta.console.ui.tests")
            .node(UUID.randomUUID().toString());
    private final RecentMastersStore store = new RecentMastersStore(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void remembersMastersMostRecentFirstInOnePreference() {
        store.remember(MasterLocation.of(A));
        store.remember(GROUP);
        store.remember(MasterLocation.of(A));

        assertEquals(List.of(MasterLocation.of(A), GROUP), store.load().masters());
        assertEquals("a:5050\nzk://zk1:2181/mesos", node.get(RecentMastersStore.KEY, null));
    }

    @Test
    void aSuccessfulConnectionIsRemembered() {
        store.stateChanged(new ConnectionState.Connected(A, A, Optional.empty()));

        assertEquals(List.of(MasterLocation.of(A)), store.load().masters());
    }

    @Test
    void attemptsThatFailAreNotRemembered() {
        store.stateChanged(new ConnectionState.Connecting(B));
        store.stateChanged(new ConnectionState.Unreachable(B, "connection refused", Duration.ofSeconds(1)));

        assertEquals(List.of(), store.load().masters());
    }

    @Test
    void aDamagedPreferenceGivesTheValidEntries() {
        node.put(RecentMastersStore.KEY, "b:5050,???,a:5050");

        assertEquals(List.of(MasterLocation.of(B), MasterLocation.of(A)), store.load().masters());
    }
}
