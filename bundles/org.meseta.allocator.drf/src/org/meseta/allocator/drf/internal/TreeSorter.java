package org.meseta.allocator.drf.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.allocator.api.Sorter;
import org.meseta.api.resources.Resources;

/**
 * A hierarchical sorter: clients are role paths in a tree ({@code eng/frontend} lies below {@code eng}), and
 * {@link #sort()} orders the children of each node with the subclass's policy, depth first, so that a subtree's
 * clients follow each other. What differs between policies is only {@link #order}: DRF by share, random by weight.
 *
 * <p>Besides the {@link Sorter} contract: a client name must be a path of non-empty components separated by
 * {@code /}; adding an agent twice, or removing one that was never added, is a bug and throws
 * {@link IllegalArgumentException}; allocating nothing is ignored (it does not count as an allocation).
 */
abstract class TreeSorter implements Sorter {

    private final Set<String> excludedResourceNames;
    private final ClientNode root = new ClientNode("", null);
    private final Map<String, ClientNode> clients = new HashMap<>();
    // Weights may name paths that have no node (yet), as Mesos's --weights may name roles without frameworks.
    private final Map<String, Double> weights = new HashMap<>();
    private final Map<AgentID, Resources> agents = new HashMap<>();
    private final Quantities total = new Quantities();

    TreeSorter(Set<String> excludedResourceNames) {
        this.excludedResourceNames = Set.copyOf(excludedResourceNames);
    }

    /**
     * The policy: the order in which to visit {@code siblings} (children of one node, and the node itself when it is
     * an active client), each of which has at least one active client.
     */
    abstract List<Sibling> order(List<Sibling> siblings);

    /** The weight of a sibling's path, 1.0 unless {@link #updateWeight} said otherwise. */
    final double weight(Sibling sibling) {
        return weight(sibling.path());
    }

    /** The weight of a path, 1.0 unless {@link #updateWeight} said otherwise. */
    final double weight(String path) {
        Double weight = weights.get(path);
        return weight == null ? 1.0 : weight;
    }

    /** The scalar resources of every agent added, without the excluded names, which thus count in no share. */
    final Quantities total() {
        return total;
    }

    @Override
    public void add(String client) {
        checkPath(client);
        if (clients.containsKey(client)) {
            throw new IllegalArgumentException("Client " + client + " is already in the sorter");
        }
        ClientNode node = root;
        int end = -1;
        do {
            end = client.indexOf('/', end + 1);
            node = node.child(end < 0 ? client : client.substring(0, end));
        } while (end >= 0);
        node.becomeClient();
        clients.put(client, node);
    }

    @Override
    public void remove(String client) {
        ClientNode node = client(client);
        node.stopBeingClient();
        clients.remove(client);
        for (ClientNode unused = node; unused != root && unused.isUnused(); unused = unused.parent()) {
            unused.detach();
        }
    }

    @Override
    public boolean contains(String client) {
        return clients.containsKey(client);
    }

    @Override
    public void activate(String client) {
        client(client).setActive(true);
    }

    @Override
    public void deactivate(String client) {
        client(client).setActive(false);
    }

    @Override
    public void updateWeight(String path, double weight) {
        checkPath(path);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("Weight " + weight + " of " + path + " is not a positive number");
        }
        weights.put(path, weight);
    }

    @Override
    public final void allocated(String client, AgentID agent, Resources resources) {
        allocated(client, agent, resources, Quantities.of(resources));
    }

    /**
     * As {@link #allocated(String, AgentID, Resources)}, given the resources' quantities, so that the caller counts
     * them once for several sorters.
     *
     * @param quantities {@code Quantities.of(resources)}, which this sorter keeps and does not change
     */
    final void allocated(String client, AgentID agent, Resources resources, Quantities quantities) {
        ClientNode node = client(client);
        if (!resources.isEmpty()) {
            node.allocate(agent, resources, quantities);
            allocationChanged(node);
        }
    }

    @Override
    public final void unallocated(String client, AgentID agent, Resources resources) {
        ClientNode node = client(client);
        node.unallocate(agent, resources);
        allocationChanged(node);
    }

    /** Called after the allocation of a client changed; a policy that keeps an order moves the client in it. */
    void allocationChanged(ClientNode client) {
    }

    @Override
    public Resources allocation(String client) {
        return client(client).allocation();
    }

    @Override
    public void addAgent(AgentID agent, Resources resources) {
        if (agents.putIfAbsent(agent, resources) != null) {
            throw new IllegalArgumentException("Agent " + agent.getValue() + " is already in the sorter");
        }
        total.add(Quantities.of(resources, excludedResourceNames));
    }

    @Override
    public void removeAgent(AgentID agent) {
        Resources resources = agents.remove(agent);
        if (resources == null) {
            throw new IllegalArgumentException("Agent " + agent.getValue() + " is not in the sorter");
        }
        total.subtract(Quantities.of(resources, excludedResourceNames));
    }

    @Override
    public List<String> sort() {
        List<String> sorted = new ArrayList<>(clients.size());
        collect(root, sorted);
        return sorted;
    }

    /**
     * The same clients in the same order as {@link #sort()}, as a read-only list that a subclass may read through
     * from its own state rather than copy: it is valid only until the next call that changes the sorter (any call
     * but {@link #contains}, {@link #allocation} and the sorts), and reading it afterwards gives unspecified results.
     * This class returns a fresh {@link #sort()}.
     */
    List<String> sortedView() {
        return sort();
    }

    private void collect(ClientNode node, List<String> sorted) {
        List<Sibling> siblings = new ArrayList<>();
        if (node.isActiveClient()) {
            siblings.add(new Sibling(node, true));
        }
        for (ClientNode child : node.children()) {
            if (child.hasActiveClients()) {
                siblings.add(new Sibling(child, false));
            }
        }
        for (Sibling sibling : order(siblings)) {
            if (sibling.self()) {
                sorted.add(node.path());
            } else {
                collect(sibling.node(), sorted);
            }
        }
    }

    /** The names of the clients, active or not. */
    final Set<String> clientNames() {
        return clients.keySet();
    }

    /** @throws IllegalArgumentException for a client not in the sorter */
    final ClientNode client(String client) {
        ClientNode node = clients.get(client);
        if (node == null) {
            throw new IllegalArgumentException("Client " + client + " is not in the sorter");
        }
        return node;
    }

    private static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException("'" + path + "' is not a path of non-empty names separated by '/'");
        }
    }
}
