package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Http;

/** {@code --offer_timeout}: offers neither used nor declined in time are rescinded and offered again. */
class OfferTimeoutTest {

    @TempDir
    Path workDir;

    private TestMaster master;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, "--agent_ping_timeout=10mins", "--allocation_interval=50ms",
                "--offer_timeout=200ms");
        master.agent();
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    @Test
    void anUnansweredOfferIsRescindedAndItsResourcesAreOfferedAgain() throws Exception {
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("silent"));
        framework.subscribed();
        Offer first = framework.offer();

        Event rescind = framework.next(Event.Type.RESCIND);

        assertEquals(first.getId(), rescind.getRescind().getOfferId());
        Offer again = framework.offer();
        assertNotEquals(first.getId(), again.getId());
        assertEquals(first.getResourcesList(), again.getResourcesList());
    }

    @Test
    void aDeclinedOfferIsNotRescinded() throws Exception {
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("decliner"));
        framework.subscribed();
        Offer first = framework.offer();

        framework.accepted(Calls.decline(first, 0));
        Offer second = framework.offer();

        // The second offer's timeout was set after the first one's, on the same actor: had the first offer's timer
        // survived the decline, its RESCIND would come before this one.
        assertEquals(second.getId(), framework.next(Event.Type.RESCIND).getRescind().getOfferId());
    }
}
