package org.meseta.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.meseta.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting into a {@link Teardown} and handing over to {@link Instances}, as every daemon's start does. */
class InstancesTest {

    private final LogCapture log = LogCapture.of(Instances.class);
    private final Instances instances = new Instances();
    private final List<String> closed = new ArrayList<>();

    @AfterEach
    void releaseLog() {
        log.close();
        instances.closeAll();
    }

    /** Starts an instance owning two resources, failing before the hand-over when told to. */
    private Daemon.Running start(String name, boolean failBeforeAdopting) throws DaemonException {
        try (Teardown teardown = new Teardown()) {
            teardown.own(() -> closed.add(name + " server"));
            teardown.own(() -> closed.add(name + " actor"));
            if (failBeforeAdopting) {
                throw new DaemonException("Failed to bind 127.0.0.1:5050: Address already in use");
            }
            return instances.adopt("127.0.0.1:5050", name, teardown);
        }
    }

    @Test
    void anAdoptedInstanceIsReportedStoppedOnceWhenClosed() throws DaemonException {
        Daemon.Running running = start("Master m1", false);
        assertEquals("127.0.0.1:5050", running.endpoint());
        assertEquals(List.of(), closed, "adopted resources stay open");

        running.close();
        running.close();

        assertEquals(List.of("Master m1 actor", "Master m1 server"), closed);
        assertEquals(List.of("Master m1 stopped"), log.messages());
    }

    @Test
    void aFailedStartClosesWhatItAcquiredWithoutReportingAStop() {
        assertThrows(DaemonException.class, () -> start("Master m2", true));

        assertEquals(List.of("Master m2 actor", "Master m2 server"), closed);
        assertEquals(List.of(), log.messages());
    }

    @Test
    void closeAllStopsEveryInstanceStillRunning() throws DaemonException {
        Daemon.Running first = start("Agent a1", false);
        start("Agent a2", false);
        first.close();

        instances.closeAll();

        assertEquals(List.of("Agent a1 stopped", "Agent a2 stopped"), log.messages());
    }
}
