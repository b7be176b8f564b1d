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


import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocator;
import org.meseta.testing.ManualClock;

/** Frameworks and agents coming, going, connecting and disconnecting; resources in use when they are added. */
class LifecycleTest {

    private final Allocator allocator = Fixtures.allocator(new ManualClock());

    @Test
    void deactivatedFrameworkIsOfferedNothingUntilActivated() {
        allocator.addFramework(framework("f1"), inRole("*"), Map.of(), false, Set.of());
        addAgent(allocator, "s1", "cpus:1;mem:100");
        assertEquals(List.of(), allocator.allocate());

        allocator.activateFramework(framework("f1"));
        assertEquals(List.of(offer("f1", "*", "s1", "cpus:1;mem:100")), allocator.allocate());
    }

    @Test
    void deactivatedAgentOffersNothingUntilActivated() {
        addFramework(allocator, "f1", inRole("*"));
        addAgent(allocator, "s1", "cpus:1;mem:100");
        allocator.deactivateAgent(agent("s1"));
        assertEquals(List.of(), allocator.allocate());

        allocator.activateAgent(agent("s1"));
        assertEquals(List.of(offer("f1", "*", "s1", "cpus:1;mem:100")), allocator.allocate());
    }

    @Test
    void removingAFrameworkFreesWhatItHeld() {
        addFramework(allocator, "f1", inRole("*"));
        addAgent(allocator, "s1", "cpus:1;mem:100");
        allocator.allocate();

        allocator.removeFramework(framework("f1"));
        addFramework(allocator, "f2", inRole("*"));

        assertEquals(List.of(offer("f2", "*", "s1", "cpus:1;mem:100")), allocator.allocate());
    }

    @Test
    void removingAnAgentTakesItsAllocationsOutOfTheShares() {
        addFramework(allocator, "f1", inRole("*"));
        addFramework(allocator, "f2", inRole("*"));
        addAgent(allocator, "s1", "cpus:4;mem:400");
        assertEquals(List.of(offer("f1", "*", "s1", "cpus:4;mem:400")), allocator.allocate());
        addAgent(allocator, "s2", "cpus:1;mem:100");
        assertEquals(List.of(offer("f2", "*", "s2", "cpus:1;mem:100")), allocator.allocate());

        allocator.removeAgent(agent("s1"));
        // Late news for the agent that is gone changes nothing.
        allocator.recoverResources(framework("f1"), agent("s1"), allocated("cpus:4;mem:400", "*"),
                Optional.of(Duration.ofHours(1)));

        // f1 now holds nothing, f2 all of s2.
        addAgent(allocator, "s3", "cpus:1;mem:100");
        assertEquals(List.of(offer("f1", "*", "s3", "cpus:1;mem:100")), allocator.allocate());
    }

    @Test
    void resourcesInUseWhenAnAgentIsAddedAreNotOffered() {
        addFramework(allocator, "f1", inRole("*"));
        allocator.addAgent(agent("s1"), AgentInfo.newBuilder().setHostname("s1").build(),
                resources("cpus:4;mem:1024"), Map.of(framework("f1"), allocated("cpus:3;mem:512", "*")));

        assertEquals(List.of(offer("f1", "*", "s1", "cpus:1;mem:512")), allocator.allocate());
    }

    @Test
    void resourcesAFrameworkUsesWhenAddedCountTowardsItsShare() {
        addAgent(allocator, "s1", "cpus:2;mem:200");
        addAgent(allocator, "s2", "cpus:2;mem:200");
        // f1 alone would sort first by name; what it already uses puts it behind f2.
        allocator.addFramework(framework("f1"), inRole("*"), Map.of(agent("s1"), allocated("cpus:2;mem:200", "*")),
                true, Set.of());
        addFramework(allocator, "f2", inRole("*"));

        assertEquals(List.of(offer("f2", "*", "s2", "cpus:2;mem:200")), allocator.allocate());
    }

    @Test
    void usageReportedByTheAgentAndByTheFrameworkIsCountedOnce() {
        allocator.addAgent(agent("s1"), AgentInfo.newBuilder().setHostname("s1").build(),
                resources("cpus:4;mem:400"), Map.of(framework("f1"), allocated("cpus:1;mem:100", "*")));
        allocator.addFramework(framework("f1"), inRole("*"), Map.of(agent("s1"), allocated("cpus:1;mem:100", "*")),
                true, Set.of());

        assertEquals(List.of(offer("f1", "*", "s1", "cpus:3;mem:300")), allocator.allocate());

        allocator.recoverResources(framework("f1"), agent("s1"), allocated("cpus:1;mem:100", "*"), Optional.empty());
        assertEquals(List.of(offer("f1", "*", "s1", "cpus:1;mem:100")), allocator.allocate());
    }

    @Test
    void recoveringMoreThanIsAllocatedFreesOnlyWhatIsThere() {
        addFramework(allocator, "f1", inRole("*"));
        addAgent(allocator, "s1", "cpus:1;mem:100");
        allocator.allocate();

        allocator.recoverResources(framework("f1"), agent("s1"), allocated("cpus:5;mem:500", "*"), Optional.empty());
        allocator.recoverResources(framework("nobody"), agent("s1"), allocated("cpus:1", "*"), Optional.empty());
        allocator.recoverResources(framework("f1"), agent("nowhere"), allocated("cpus:1", "*"), Optional.empty());

        assertEquals(List.of(offer("f1", "*", "s1", "cpus:1;mem:100")), allocator.allocate());
    }

    @Test
    void callsForFrameworksAndAgentsThatAreGoneAreIgnored() {
        allocator.suppressOffers(framework("gone"), Set.of());
        allocator.reviveOffers(framework("gone"), Set.of());
        allocator.activateFramework(framework("gone"));
        allocator.deactivateFramework(framework("gone"));
        allocator.removeFramework(framework("gone"));
        allocator.activateAgent(agent("gone"));
        allocator.deactivateAgent(agent("gone"));
        allocator.removeAgent(agent("gone"));

        assertEquals(List.of(), allocator.allocate());
    }
}
