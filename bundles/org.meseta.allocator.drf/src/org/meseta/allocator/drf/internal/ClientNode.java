package org.meseta.allocator.drf.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.resources.Resources;

/**
 * One role path in a sorter's tree ({@code eng}, {@code eng/frontend}; the root has the empty path). A node may be
 * a client itself, have children, or both: {@code eng} can be a client while {@code eng/frontend} is another.
 *
 * <p>Each node keeps two tallies: its own allocation (when it is a client) and its subtree's (its own plus every
 * descendant's), so that a share of a subtree is read, never re-summed.
 *
 * <p>A client's allocation on an agent is kept as the parts it was allocated in, each with its quantities, and summed
 * only when {@link #allocation()} is asked for: unallocating a part given before (the same object: a whole offer
 * recovered) takes it and its quantities away with no resource arithmetic. Anything else is taken from the sum of
 * the parts, as {@link Resources#minus} does. (Ranges or sets allocated twice on one agent, which an allocator never
 * does, would thus stay allocated while one of the parts that held them is.) Mutable; owned by its
 * {@link TreeSorter}.
 */
final class ClientNode {

    // Parts beyond this many on one agent are summed into one, so that a client that is never unallocated anything
    // (or only parts of what it was allocated) on an agent keeps a bounded list there.
    private static final int MAX_PARTS = 8;

    private record Part(Resources resources, Quantities quantities) {
    }

    private final String path;
    private final ClientNode parent;
    // Sorted by path, so that policies start from the same order whatever the order of adds was.
    private final Map<String, ClientNode> children = new TreeMap<>();
    private final Map<AgentID, List<Part>> allocation = new HashMap<>();
    private final Quantities own = new Quantities();
    private final Quantities subtree = new Quantities();
    private long ownCount;
    private long subtreeCount;
    private boolean client;
    private boolean active;
    private int activeClientsInSubtree;
    // Where the kept order of a flat DrfSorter last placed this client: its weighted share, its count, and the
    // rank of its path among the clients'.
    private double rankedShare;
    private long rankedCount;
    private int rankedOrdinal;

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

    /** Counts {@code resources}, of {@code quantities} (kept, not changed), as allocated on {@code agent}. */
    void allocate(AgentID agent, Resources resources, Quantities quantities) {
        List<Part> parts = allocation.computeIfAbsent(agent, key -> new ArrayList<>(2));
        if (parts.size() == MAX_PARTS) {
            Part sum = sum(parts);
            parts.clear();
            parts.add(sum);
        }
        parts.add(new Part(resources, quantities));
        own.add(quantities);
        ownCount++;
        for (ClientNode node = this; node != null; node = node.parent) {
            node.subtree.add(quantities);
            node.subtreeCount++;
        }
    }

    /** Stops counting {@code resources} on {@code agent}; only what is there is taken away. */
    void unallocate(AgentID agent, Resources resources) {
        List<Part> parts = allocation.get(agent);
        if (parts == null) {
            return;
        }
        Quantities removed = takeAway(parts, resources);
        if (parts.isEmpty()) {
            allocation.remove(agent);
        }
        own.subtract(removed);
        for (ClientNode node = this; node != null; node = node.parent) {
            node.subtree.subtract(removed);
        }
    }

    /** What is allocated to this client, summed over agents. */
    Resources allocation() {
        Resources sum = Resources.empty();
        for (List<Part> parts : allocation.values()) {
            for (Part part : parts) {
                sum = sum.plus(part.resources());
            }
        }
        return sum;
    }

    /** Takes {@code resources} from the parts; @return the quantities taken */
    private static Quantities takeAway(List<Part> parts, Resources resources) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).resources() == resources) {
                return parts.remove(i).quantities();
            }
        }
        Part before = sum(parts);
        Resources after = before.resources().minus(resources);
        parts.clear();
        Quantities removed = before.quantities();
        if (!after.isEmpty()) {
            Quantities left = Quantities.of(after);
            removed.subtract(left);
            parts.add(new Part(after, left));
        }
        return removed;
    }

    /** @return a new part: the sum of {@code parts}, with fresh quantities */
    private static Part sum(List<Part> parts) {
        Resources resources = Resources.empty();
        Quantities quantities = new Quantities();
        for (Part part : parts) {
            resources = resources.plus(part.resources());
            quantities.add(part.quantities());
        }
        return new Part(resources, quantities);
    }

    /** Records where a {@link FlatOrder} placed this client: the key it is found by there. */
    void setRank(double share, long count, int ordinal) {
        rankedShare = share;
        rankedCount = count;
        rankedOrdinal = ordinal;
    }

    double rankedShare() {
        return rankedShare;
    }

    long rankedCount() {
        return rankedCount;
    }

    int rankedOrdinal() {
        return rankedOrdinal;
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
