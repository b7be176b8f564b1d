package org.example.meseta.fifo.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.allocator.api.Sorter;
import org.meseta.api.resources.Resources;

/**
 * First come, first served: the active clients in the order they were added, whatever they hold and whatever
 * their weight. The oldest framework of a role, or the oldest role, is offered everything it wants before the
 * next one sees anything. Used on the allocator's thread only, as {@link Sorter} says.
 */
final class FifoSorter implements Sorter {

    /** Each client's allocation per agent, clients in the order they were added. */
    private final Map<String, Map<AgentID, Resources>> clients = new LinkedHashMap<>();
    private final Set<String> inactive = new HashSet<>();

    @Override
    public void add(String client) {
        if (clients.putIfAbsent(client, new HashMap<>()) != null) {
            throw new IllegalArgumentException("Client " + client + " was added twice");
        }
    }

    @Override
    public void remove(String client) {
        known(client);
        clients.remove(client);
        inactive.remove(client);
    }

    @Override
    public boolean contains(String client) {
        return clients.containsKey(client);
    }

    @Override
    public void activate(String client) {
        known(client);
        inactive.remove(client);
    }

    @Override
    public void deactivate(String client) {
        known(client);
        inactive.add(client);
    }

    @Override
    public void updateWeight(String path, double weight) {
        // Arrival order alone decides.
    }

    @Override
    public void allocated(String client, AgentID agent, Resources resources) {
        known(client).merge(agent, resources, Resources::plus);
    }

    @Override
    public void unallocated(String client, AgentID agent, Resources resources) {
        Map<AgentID, Resources> allocation = known(client);
        Resources left = allocation.getOrDefault(agent, Resources.empty()).minus(resources);
        if (left.isEmpty()) {
            allocation.remove(agent);
        } else {
            allocation.put(agent, left);
        }
    }

    @Override
    public Resources allocation(String client) {
        return known(client).values().stream().reduce(Resources.empty(), Resources::plus);
    }

    @Override
    public void addAgent(AgentID agent, Resources total) {
        // No shares, so no total to keep.
    }

    @Override
    public void removeAgent(AgentID agent) {
        // As addAgent.
    }

    @Override
    public List<String> sort() {
        return clients.keySet().stream().filter(client -> !inactive.contains(client)).toList();
    }

    private Map<AgentID, Resources> known(String client) {
        Map<AgentID, Resources> allocation = clients.get(client);
        if (allocation == null) {
            throw new IllegalArgumentException("Unknown client " + client);
        }
        return allocation;
    }
}
