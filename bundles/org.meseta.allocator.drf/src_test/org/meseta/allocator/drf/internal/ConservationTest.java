package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.allocated;
import static org.meseta.allocator.drf.internal.Fixtures.framework;
import static org.meseta.allocator.drf.internal.Fixtures.inRole;
import static org.meseta.allocator.drf.internal.Fixtures.inRoles;
import static org.meseta.allocator.drf.internal.Fixtures.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.Allocation;
import org.meseta.allocator.api.Allocator;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Roles;
import org.meseta.testing.ManualClock;

/**
 * Property: whatever happens, the allocator never hands out more than an agent has, never offers a reservation
 * outside the role it is reserved to and that role's descendants, and what it has handed out plus what it still
 * offers when asked to give everything away is exactly the agent's total. Random sequences of
 * events, each from a fixed seed so that a failure can be replayed; the test keeps its own account of what is held.
 */
class ConservationTest {

    private static final List<String> AGENT_TOTALS = List.of("cpus:4;mem:1024;ports:[31000-31099]",
            "cpus:2;mem:512;cpus(a):1;mem(a):256", "cpus:8;mem:4096;disk:1000;mem(a/b):128");
    private static final List<FrameworkInfo> FRAMEWORKS = List.of(inRole("*"), inRole("a"), inRole("a/b"),
            inRoles("*", "a"));

    private final ManualClock clock = new ManualClock();
    private Random dice;
    private Allocator allocator;
    private final Map<AgentID, Resources> totals = new LinkedHashMap<>();
    private final Map<AgentID, Map<FrameworkID, Resources>> held = new LinkedHashMap<>();
    private final List<FrameworkID> frameworks = new ArrayList<>();
    private int added;

    @Test
    void resourcesAreConservedUnderRandomEvents() {
        for (long seed = 0; seed < 200; seed++) {
            reset(seed);
            for (int step = 0; step < 60; step++) {
                randomEvent();
                assertNothingHeldBeyondTotals(seed);
            }
            assertEverythingFreeIsOffered(seed);
        }
    }

    private void reset(long seed) {
        dice = new Random(seed);
        allocator = Fixtures.allocator(clock, List.of(), seed);
        totals.clear();
        held.clear();
        frameworks.clear();
    }

    private void randomEvent() {
        switch (dice.nextInt(9)) {
            case 0 -> addAgent();
            case 1 -> pick(new ArrayList<>(totals.keySet())).ifPresent(this::removeAgent);
            case 2 -> addFramework(pick(FRAMEWORKS).orElseThrow());
            case 3 -> pick(frameworks).ifPresent(this::removeFramework);
            case 4, 5 -> allocate();
            case 6 -> recoverSome();
            case 7 -> toggleSomething();
            default -> clock.advance(Duration.ofSeconds(dice.nextInt(5)));
        }
    }

    private void addAgent() {
        AgentID id = agent("s" + added++);
        Resources total = resources(pick(AGENT_TOTALS).orElseThrow());
        Map<FrameworkID, Resources> used = new HashMap<>();
        // Tasks that outlived a failover: a framework uses a core, in a role it may or may not subscribe to.
        pick(frameworks).ifPresent(framework -> used.put(framework, allocated("cpus:1", "*")));
        allocator.addAgent(id, AgentInfo.newBuilder().setHostname(id.getValue()).build(), total, used);
        totals.put(id, total);
        held.put(id, new HashMap<>(used));
    }

    private void removeAgent(AgentID id) {
        allocator.removeAgent(id);
        totals.remove(id);
        held.remove(id);
    }

    private void addFramework(FrameworkInfo info) {
        FrameworkID id = framework("f" + added++);
        allocator.addFramework(id, info, Map.of(), dice.nextBoolean(), Set.of());
        frameworks.add(id);
    }

    private void removeFramework(FrameworkID id) {
        allocator.removeFramework(id);
        frameworks.remove(id);
        held.values().forEach(byFramework -> byFramework.remove(id));
    }

    private void allocate() {
        for (Allocation allocation : allocator.allocate()) {
            assertFalse(allocation.resources().isEmpty(), "empty allocation " + allocation);
            for (Resource resource : allocation.resources()) {
                assertEquals(allocation.role(), resource.getAllocationInfo().getRole(), "allocation role");
                assertReservationHonoured(allocation.role(), resource);
            }
            held.get(allocation.agentId()).merge(allocation.frameworkId(), allocation.resources(), Resources::plus);
        }
    }

    private static void assertReservationHonoured(String role, Resource resource) {
        if (resource.getReservationsCount() > 0) {
            String reservedTo = resource.getReservations(resource.getReservationsCount() - 1).getRole();
            assertTrue(role.equals(reservedTo) || Roles.isStrictSubroleOf(role, reservedTo),
                    "resource reserved to " + reservedTo + " offered to role " + role + ": " + resource);
        }
    }

    /** Gives back either everything a framework holds on an agent or one resource of it, maybe declining it. */
    private void recoverSome() {
        List<Map.Entry<AgentID, FrameworkID>> holdings = new ArrayList<>();
        held.forEach((agent, byFramework) -> byFramework.keySet().forEach(fw -> holdings.add(Map.entry(agent, fw))));
        pick(holdings).ifPresent(holding -> {
            Resources all = held.get(holding.getKey()).get(holding.getValue());
            Resource first = all.toList().get(0);
            Resources part = dice.nextBoolean() ? all : all.filter(resource -> resource.equals(first));
            Optional<Duration> refuse = dice.nextBoolean() ? Optional.of(Duration.ofSeconds(dice.nextInt(10)))
                    : Optional.empty();
            allocator.recoverResources(holding.getValue(), holding.getKey(), part, refuse);
            Resources left = all.minus(part);
            if (left.isEmpty()) {
                held.get(holding.getKey()).remove(holding.getValue());
            } else {
                held.get(holding.getKey()).put(holding.getValue(), left);
            }
        });
    }

    private void toggleSomething() {
        switch (dice.nextInt(4)) {
            case 0 -> pick(frameworks).ifPresent(id -> allocator.suppressOffers(id, Set.of()));
            case 1 -> pick(frameworks).ifPresent(id -> allocator.deactivateFramework(id));
            case 2 -> pick(new ArrayList<>(totals.keySet())).ifPresent(allocator::deactivateAgent);
            default -> pick(frameworks).ifPresent(id -> allocator.activateFramework(id));
        }
    }

    private void assertNothingHeldBeyondTotals(long seed) {
        totals.forEach((agent, total) -> assertTrue(total.contains(heldOn(agent)),
                "seed " + seed + ": " + agent.getValue() + " has " + total + " but " + heldOn(agent) + " is held"));
    }

    /** With every framework and agent active and a framework in every role, one pass offers all that is free. */
    private void assertEverythingFreeIsOffered(long seed) {
        frameworks.forEach(id -> {
            allocator.activateFramework(id);
            allocator.reviveOffers(id, Set.of());
        });
        totals.keySet().forEach(allocator::activateAgent);
        addFramework(inRoles("*", "a", "a/b"));
        allocator.activateFramework(frameworks.get(frameworks.size() - 1));

        allocate();

        totals.forEach((agent, total) -> assertEquals(total, heldOn(agent),
                "seed " + seed + ": held plus offered on " + agent.getValue()));
        assertEquals(List.of(), allocator.allocate(), "seed " + seed + ": a second pass finds nothing free");
    }

    private Resources heldOn(AgentID agent) {
        return held.get(agent).values().stream().map(Fixtures::unallocated).reduce(Resources.empty(), Resources::plus);
    }

    private <T> Optional<T> pick(List<T> choices) {
        return choices.isEmpty() ? Optional.empty() : Optional.of(choices.get(dice.nextInt(choices.size())));
    }
}
