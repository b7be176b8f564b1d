package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.allocated;
import static org.meseta.allocator.drf.internal.Fixtures.framework;
import static org.meseta.allocator.drf.internal.Fixtures.unallocated;

import java.util.List;
import java.util.Random;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.junit.jupiter.api.Test;
import org.meseta.api.resources.Resources;

/** The ledger's kept sums and unallocated forms against a fresh computation. */
class LedgerTest {

    private final Ledger ledger = new Ledger();

    @Test
    void keptSumsAndRemovedResourcesAreThoseComputedAfreshAfterRandomChanges() {
        List<AgentID> agents = List.of(agent("s1"), agent("s2"));
        List<FrameworkID> frameworks = List.of(framework("f1"), framework("f2"), framework("f3"));
        List<String> roles = List.of("web", "db");
        // Scalars only: the same port allocated twice, which the allocator never does, would not add up.
        List<String> amounts = List.of("cpus:1", "cpus:2;mem:10", "mem:5;disk:3", "disk:7");
        Random random = new Random(9);
        for (int step = 0; step < 3000; step++) {
            AgentID agent = agents.get(random.nextInt(agents.size()));
            FrameworkID framework = frameworks.get(random.nextInt(frameworks.size()));
            Resources amount = allocated(amounts.get(random.nextInt(amounts.size())),
                    roles.get(random.nextInt(roles.size())));
            switch (random.nextInt(4)) {
                case 0 -> ledger.add(framework, agent, amount);
                case 1 -> ledger.add(framework, agent, amount, unallocated(amount));
                default -> {
                    Resources before = ledger.of(framework).getOrDefault(agent, Resources.empty());
                    Ledger.Held removed = ledger.remove(framework, agent, amount);
                    Resources expected = before.minus(before.minus(amount));
                    assertEquals(expected, removed.allocated(), "after step " + step);
                    assertEquals(unallocated(expected), removed.unallocated(), "after step " + step);
                }
            }
            for (AgentID each : agents) {
                Resources sum = Resources.empty();
                for (FrameworkID holder : frameworks) {
                    sum = sum.plus(ledger.of(holder).getOrDefault(each, Resources.empty()));
                }
                assertEquals(unallocated(sum), ledger.allocatedOn(each), "after step " + step);
            }
        }
    }
}
