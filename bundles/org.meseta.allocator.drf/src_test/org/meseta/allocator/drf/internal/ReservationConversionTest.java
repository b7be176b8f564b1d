package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.addAgent;
import static org.meseta.allocator.drf.internal.Fixtures.addFramework;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.allocated;
import static org.meseta.allocator.drf.internal.Fixtures.framework;
import static org.meseta.allocator.drf.internal.Fixtures.inRole;
import static org.meseta.allocator.drf.internal.Fixtures.offer;
import static org.meseta.allocator.drf.internal.Fixtures.resources;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocator;
import org.meseta.api.resources.ReservationOperations;
import org.meseta.api.resources.Resources;
import org.meseta.testing.ManualClock;

/**
 * Dynamic reservations through the allocator: {@code updateAllocation} converts what a framework holds (a RESERVE in
 * an ACCEPT), {@code updateAvailable} converts free resources (an operator's reserve) or refuses with Mesos's text;
 * either way the agent's total changes and the reserved resources go only to their role from then on.
 */
class ReservationConversionTest {

    private final Allocator allocator = Fixtures.allocator(new ManualClock());

    /** The static form {@code cpus(eng):1} made dynamic, as a RESERVE makes it. */
    private static Resources dynamic(Resources staticallyReserved) {
        return Resources.ofValidated(staticallyReserved.toList().stream().map(resource -> resource.toBuilder()
                .setReservations(0, resource.getReservations(0).toBuilder()
                        .setType(org.apache.mesos.v1.Protos.Resource.ReservationInfo.Type.DYNAMIC))
                .build()).toList());
    }

    @Test
    void aFrameworkReservingWhatItHoldsGetsItBackReservedAndOthersDoNot() {
        addFramework(allocator, "eng", inRole("eng"));
        addAgent(allocator, "s1", "cpus:2;mem:200");
        assertEquals(List.of(offer("eng", "eng", "s1", "cpus:2;mem:200")), allocator.allocate());
        Resources reserved = dynamic(allocated("cpus(eng):1;mem(eng):100", "eng"));
        ReservationOperations.Conversion reserve = ReservationOperations.reserve(reserved);

        allocator.updateAllocation(framework("eng"), agent("s1"), reserve.consumed(), reserve.converted());
        allocator.recoverResources(framework("eng"), agent("s1"),
                allocated("cpus:2;mem:200", "eng").minus(reserve.consumed()).plus(reserve.converted()),
                Optional.empty());
        addFramework(allocator, "other", inRole("other"));

        List<org.meseta.allocator.api.Allocation> allocations = allocator.allocate();
        assertEquals(2, allocations.size(), allocations::toString);
        for (org.meseta.allocator.api.Allocation allocation : allocations) {
            boolean toEng = allocation.frameworkId().getValue().equals("eng");
            // "other" holds nothing, so it comes first and takes what is unreserved.
            assertEquals(toEng ? reserved : allocated("cpus:1;mem:100", "other"), allocation.resources(),
                    allocation.toString());
        }
    }

    @Test
    void freeResourcesAreReservedAndUnreservedForAnOperator() {
        addAgent(allocator, "s1", "cpus:2;mem:200");
        Resources reserved = dynamic(resources("cpus(eng):1"));

        assertEquals(Optional.empty(), allocator.updateAvailable(agent("s1"), resources("cpus:1"), reserved));
        addFramework(allocator, "other", inRole("other"));
        assertEquals(List.of(offer("other", "other", "s1", "cpus:1;mem:200")), allocator.allocate());

        assertEquals(Optional.empty(), allocator.updateAvailable(agent("s1"), reserved, resources("cpus:1")));
        assertEquals(List.of(offer("other", "other", "s1", "cpus:1")), allocator.allocate());
    }

    @Test
    void convertingWhatIsNotFreeIsRefusedWithMesossText() {
        addFramework(allocator, "other", inRole("other"));
        addAgent(allocator, "s1", "cpus:2;mem:200");
        allocator.allocate();

        assertEquals(Optional.of("{} does not contain cpus:1"),
                allocator.updateAvailable(agent("s1"), resources("cpus:1"), dynamic(resources("cpus(eng):1"))));
        assertEquals(Optional.of("Unknown agent s2"),
                allocator.updateAvailable(agent("s2"), resources("cpus:1"), dynamic(resources("cpus(eng):1"))));
    }
}
