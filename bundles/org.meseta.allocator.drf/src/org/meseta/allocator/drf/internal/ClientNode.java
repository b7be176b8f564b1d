package org.meseta.allocator.drf.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.resources.Resources;

/**
 * One role path in a sorter's tree ({@code eng}, {@code eng/frontend}; the root has the empty path). A node may be
 * a client itself, have children, or both: {@code eng} can be a client while {@code eng/frontend} is another.
 *
 * <p>Each node keeps two tallies: its own allocation (when it is a client) and its subtree's (its own plus every
 * descendant's), so that a share of a subtree is read, never re-summed. Mutable; owned by its {@link TreeSorter}.
 */
final class ClientNode {

    private final String path;
    private final ClientNode parent;
    // Sorted by path, so that policies start from the same order whatever the order of adds was.
    private final Map<String, ClientNode> children = new TreeMap<>();
    private final Map<AgentID, Resources> allocation = new HashMap<>();
    private final Quantities own = new Quantities();
    private final Quantities subtree = new Quantities();
    private long ownCount;
    private long subtreeCount;
    private boolean client;
    private boolean active;
    private int activeClientsInSubtree;

    ClientNode(String path, ClientNode parent) {
        this.path = path;
        this.parent = parent;
    }

    String path() {
        return path;
    }

    ClientNode parent() {
        return parent;
    }

    Collection<ClientNode> children() {
        return children.values();
    }

    ClientNode child(String childPath) {
        return children.computeIfAbsent(childPath, key -> new ClientNode(key, this));
    }

    /** True for a node that is neither a client nor on the way to one: the tree no longer needs it. */
    boolean isUnused() {
        return !client && children.isEmpty();
    }

    /** Takes this node out of its parent's children; the root has no parent and stays. */
    void detach() {
        if (parent != null) {
            parent.children.remove(path);
        }
    }

    boolean isActiveClient() {
        return client && active;
    }

    boolean hasActiveClients() {
        return activeClientsInSubtree > 0;
    }

    /** Makes this node an active client with nothing allocated. */
    void becomeClient() {
        client = true;
        setActive(true);
    }

    /** Stops being a client: its allocation no longer counts for it or for its ancestors. */
    void stopBeingClient() {
        setActive(false);
        for (ClientNode node = this; node != null; node = node.parent) {
            node.subtree.subtract(own);
            node.subtreeCount -= ownCount;
        }
        allocation.clear();
        own.clear();
        ownCount = 0;
        client = false;
    }

    void setActive(boolean wanted) {
        if (active == wanted) {
            return;
        }
        active = wanted;
        for (ClientNode node = this; node != null; node = node.parent) {
            node.activeClientsInSubtree += wanted ? 1 : -1;
        }
    }

    /** Counts {@code resources} (of which {@code quantities} count towards shares) as allocated on {@code agent}. */
    void allocate(AgentID agent, Resources resources, Quantities quantities) {
        allocation.merge(agent, resources, Resources::plus);
        own.add(quantities);
        ownCount++;
        for (ClientNode node = this; node != null; node = node.parent) {
            node.subtree.add(quantities);
            node.subtreeCount++;
        }
    }

    /**
     * Stops counting {@code resources} on {@code agent}; only what is there is taken away.
     *
     * @param excluded resource names that do not count towards shares
     */
    void unallocate(AgentID agent, Resources resources, Set<String> excluded) {
        Resources before = allocation.getOrDefault(agent, Resources.empty());
        Resources after = before.minus(resources);
        if (after.isEmpty()) {
            allocation.remove(agent);
        } else {
            allocation.put(agent, after);
        }
        Quantities removed = Quantities.of(before, excluded);
        removed.subtract(Quantities.of(after, excluded));
        own.subtract(removed);
        for (ClientNode node = this; node != null; node = node.parent) {
            node.subtree.subtract(removed);
        }
    }

    /** What is allocated to this client, summed over agents. */
    Resources allocation() {
        return allocation.values().stream().reduce(Resources.empty(), Resources::plus);
    }

    Quantities ownQuantities() {
        return own;
    }

    long ownCount() {
        return ownCount;
    }

    Quantities subtreeQuantities() {
        return subtree;
    }

    long subtreeCount() {
        return subtreeCount;
    }
}
