package org.meseta.allocator.api;

import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.resources.Resources;

/**
 * Orders the clients of one level of the allocator by fair share (Mesos's {@code Sorter}): roles, or the frameworks
 * within one role. The allocator offers to clients in the order {@link #sort()} returns.
 *
 * <p>Clients are named by strings: role paths such as {@code eng/frontend} (a hierarchical sorter counts a role's
 * allocation towards each ancestor, and weights apply per subtree) or framework ids. A share is computed over the
 * scalar resources of the {@linkplain #addAgent total} only, excluding the names the sorter was created with.
 *
 * <p>Threading: used by one allocator on its thread; not thread-safe. Calls that name an unknown client throw
 * {@link IllegalArgumentException}, since they are bugs in the allocator, not input errors.
 */
public interface Sorter {

    /** Adds an active client with nothing allocated. Adding a client twice is a bug. */
    void add(String client);

    /** Removes a client and its allocation. */
    void remove(String client);

    boolean contains(String client);

    /** Includes the client in {@link #sort()} again. Idempotent. */
    void activate(String client);

    /** Leaves the client out of {@link #sort()}; its allocation still counts. Idempotent. */
    void deactivate(String client);

    /** Sets the weight of a client or of a role path above clients (default 1.0); shares are divided by it. */
    void updateWeight(String path, double weight);

    /** Counts {@code resources} on {@code agent} as allocated to {@code client}. */
    void allocated(String client, AgentID agent, Resources resources);

    /** Stops counting {@code resources} on {@code agent} as allocated to {@code client}. */
    void unallocated(String client, AgentID agent, Resources resources);

    /** What is allocated to {@code client} on each agent, summed. */
    Resources allocation(String client);

    /** Adds an agent's resources to the total that shares are computed against. */
    void addAgent(AgentID agent, Resources total);

    /** Removes an agent's resources from the total. */
    void removeAgent(AgentID agent);

    /**
     * The active clients in the order they should be offered resources: the policy's order (for DRF, the lowest
     * weighted dominant share first, ties broken by fewer allocations, then by name).
     */
    List<String> sort();
}
