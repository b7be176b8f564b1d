package org.meseta.allocator.drf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.allocator.drf.internal.Fixtures.MESOS_MIN_ALLOCATABLE;
import static org.meseta.allocator.drf.internal.Fixtures.agent;
import static org.meseta.allocator.drf.internal.Fixtures.resources;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.mesos.v1.Protos.AgentID;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.drf.internal.FreeResources.Offerable;
import org.meseta.api.resources.Resources;

/** The kept free resources of agents against a fresh computation. */
class FreeResourcesTest {

    private final MinAllocatable minAllocatable = new MinAllocatable(MESOS_MIN_ALLOCATABLE);
    private final FreeResources free = new FreeResources(minAllocatable);

    @Test
    void keptOfferableResourcesAreThoseComputedAfreshAsAllocationsComeAndGo() {
        List<AgentID> agents = List.of(agent("s1"), agent("s2"), agent("s3"));
        List<Resources> totals = List.of(resources("cpus:8;mem:1024;ports:[31000-31010]"),
                resources("cpus:4;mem:512;cpus(eng):2;mem(eng):256"),
                resources("cpus:2;mem:64;disk(eng/web):100;mem(ops):128"));
        // Few distinct sums, each parsed afresh every time, so that entries are reused for equal, not the same, sums.
        List<String> sums = List.of("", "cpus:1;mem:32", "cpus:2;mem:64", "cpus:2;mem:64;ports:[31000-31005]",
                "cpus(eng):2;mem(eng):256", "mem(ops):128;cpus:1", "cpus:2;mem:64;disk(eng/web):100");
        List<String> roles = List.of("*", "eng", "eng/web", "ops");
        Random random = new Random(3);
        for (int step = 0; step < 3000; step++) {
            int index = random.nextInt(agents.size());
            AgentID agent = agents.get(index);
            Resources total = totals.get(index);
            Resources allocated = resources(sums.get(random.nextInt(sums.size())));
            if (!total.contains(allocated)) {
                continue;
            }
            String role = roles.get(random.nextInt(roles.size()));
            if (random.nextInt(100) == 0) {
                free.forget(agent);
            }
            assertEquals(fresh(total, allocated, role), free.offerable(agent, total, allocated, role),
                    "after step " + step);
        }
    }

    @Test
    void anotherTotalForTheSameAgentIsNotServedFromTheKeptOne() {
        Resources small = resources("cpus:1;mem:64");
        Resources big = resources("cpus:8;mem:1024");
        free.offerable(agent("s1"), small, Resources.empty(), "*");

        assertEquals(fresh(big, Resources.empty(), "*"), free.offerable(agent("s1"), big, Resources.empty(), "*"));
    }

    private Optional<Offerable> fresh(Resources total, Resources allocated, String role) {
        Resources available = RoleResources.allocatableTo(total.minus(allocated), role);
        return minAllocatable.isMetBy(available)
                ? Optional.of(new Offerable(available, available.allocatedTo(role)))
                : Optional.empty();
    }
}
