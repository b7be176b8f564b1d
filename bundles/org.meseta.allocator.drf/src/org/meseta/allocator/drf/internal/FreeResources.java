package org.meseta.allocator.drf.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.resources.Resources;

/**
 * Each agent's free resources (its total less what is allocated on it) and what each role may be offered of them,
 * kept until the agent's total or allocation changes, so that a pass over agents whose allocation is what it was
 * (typically: offered, then declined) does no resource arithmetic for them.
 *
 * <p>An entry is valid for the total and the allocated sum it was computed from: the same total object, and an
 * allocated sum equal to the one it was computed from. Callers need not invalidate anything; {@link #forget} only
 * frees the memory of an agent that is gone. Mutable; owned by the allocator's thread.
 */
final class FreeResources {

    /**
     * What one role may be offered on one agent: unallocated, and marked as allocated to the role, with the
     * quantities of that, which the sorters keep and do not change.
     */
    record Offerable(Resources available, Resources offered, Quantities quantities) {

        Offerable(Resources available, Resources offered) {
            this(available, offered, Quantities.of(offered));
        }
    }

    private static final class Entry {
        final Resources total;
        final Resources allocated;
        final Resources free;
        final Map<String, Optional<Offerable>> byRole = new HashMap<>();

        Entry(Resources total, Resources allocated) {
            this.total = total;
            this.allocated = allocated;
            this.free = total.minus(allocated);
        }

        boolean isFor(Resources total, Resources allocated) {
            return this.total == total && (this.allocated == allocated || this.allocated.equals(allocated));
        }
    }

    private final MinAllocatable minAllocatable;
    private final Map<AgentID, Entry> entries = new HashMap<>();

    FreeResources(MinAllocatable minAllocatable) {
        this.minAllocatable = minAllocatable;
    }

    /**
     * What {@code role} may be offered of the agent's free resources ({@link RoleResources#allocatableTo}), or
     * empty when that does not meet the minimum allocatable resources.
     *
     * @param allocated everything allocated on the agent, without allocation roles
     */
    Optional<Offerable> offerable(AgentID agent, Resources total, Resources allocated, String role) {
        Entry entry = entry(agent, total, allocated);
        Optional<Offerable> offerable = entry.byRole.get(role);
        if (offerable == null) {
            Resources available = RoleResources.allocatableTo(entry.free, role);
            offerable = minAllocatable.isMetBy(available)
                    ? Optional.of(new Offerable(available, available.allocatedTo(role)))
                    : Optional.empty();
            entry.byRole.put(role, offerable);
        }
        return offerable;
    }

    /**
     * The agent's free resources: {@code total} less {@code allocated}.
     *
     * @param allocated everything allocated on the agent, without allocation roles
     */
    Resources free(AgentID agent, Resources total, Resources allocated) {
        return entry(agent, total, allocated).free;
    }

    private Entry entry(AgentID agent, Resources total, Resources allocated) {
        Entry entry = entries.get(agent);
        if (entry == null || !entry.isFor(total, allocated)) {
            entry = new Entry(total, allocated);
            entries.put(agent, entry);
        }
        return entry;
    }

    void forget(AgentID agent) {
        entries.remove(agent);
    }
}
