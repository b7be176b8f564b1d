package org.meseta.allocator.drf.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.resources.Resources;

/**
 * Weighted dominant resource fairness (Mesos's {@code DRFSorter}), hierarchical: the
 * {@link org.meseta.allocator.api.Sorter} that offers first to the client whose weighted dominant share is lowest.
 *
 * <p>A share is the largest fraction of the total, over the scalar resource names of the agents added (less the
 * excluded names), that is allocated, divided by the weight of the path. Siblings are compared by the share of
 * their whole subtree, so {@code eng/frontend} and {@code eng/backend} together compete with {@code ops}. Ties go
 * to the sibling that was allocated to fewer times, then to the smaller path, which makes the order deterministic.
 *
 * <p>Shares are computed from tallies kept up to date on every allocation; nothing is re-summed. When no client
 * name has a {@code /} (frameworks within a role, flat roles), the order is also kept between calls: an allocation
 * moves only its client within it, so that the allocator, which asks once per agent, does not sort every client
 * each time. Anything else that changes shares (agents, weights, clients, activation) makes the next
 * {@link #sort()} sort afresh. Not thread-safe, as the contract says.
 */
final class DrfSorter extends TreeSorter {

    // The active clients in order; null until sorted after a change other than an allocation. Kept only while the
    // tree is flat.
    private FlatOrder flatOrder;
    private int nestedClients;

    DrfSorter(Set<String> excludedResourceNames) {
        super(excludedResourceNames);
    }

    @Override
    List<Sibling> order(List<Sibling> siblings) {
        // Each share once, unboxed.
        Ranked[] ranked = new Ranked[siblings.size()];
        for (int i = 0; i < ranked.length; i++) {
            Sibling sibling = siblings.get(i);
            ranked[i] = new Ranked(sibling, share(sibling.allocated(), sibling.path()), sibling.allocationCount());
        }
        Arrays.sort(ranked);
        List<Sibling> ordered = new ArrayList<>(ranked.length);
        for (Ranked entry : ranked) {
            ordered.add(entry.sibling());
        }
        return ordered;
    }

    @Override
    public List<String> sort() {
        return nestedClients > 0 ? super.sort() : new ArrayList<>(sortedView());
    }

    /**
     * {@inheritDoc}
     *
     * <p>While the tree is flat, this reads the kept order itself, so that it costs nothing to ask for and only the
     * clients visited to read.
     */
    @Override
    List<String> sortedView() {
        if (nestedClients > 0) {
            return super.sortedView();
        }
        if (flatOrder == null) {
            List<ClientNode> active = new ArrayList<>();
            for (String client : clientNames()) {
                ClientNode node = client(client);
                if (node.isActiveClient()) {
                    active.add(node);
                }
            }
            flatOrder = new FlatOrder(active, this::flatShare);
        }
        return flatOrder;
    }

    @Override
    public void add(String client) {
        super.add(client);
        if (client.indexOf('/') >= 0) {
            nestedClients++;
        }
        changed();
    }

    @Override
    public void remove(String client) {
        super.remove(client);
        if (client.indexOf('/') >= 0) {
            nestedClients--;
        }
        changed();
    }

    @Override
    public void activate(String client) {
        if (!client(client).isActiveClient()) {
            super.activate(client);
            changed();
        }
    }

    @Override
    public void deactivate(String client) {
        if (client(client).isActiveClient()) {
            super.deactivate(client);
            changed();
        }
    }

    @Override
    public void updateWeight(String path, double weight) {
        super.updateWeight(path, weight);
        changed();
    }

    @Override
    public void addAgent(AgentID agent, Resources resources) {
        super.addAgent(agent, resources);
        changed();
    }

    @Override
    public void removeAgent(AgentID agent) {
        super.removeAgent(agent);
        changed();
    }

    private void changed() {
        flatOrder = null;
    }

    /** Puts an active client whose allocation changed where its new share places it in the kept order. */
    @Override
    void allocationChanged(ClientNode client) {
        // Every active client is in the kept order while there is one: anything else that changes it drops it.
        if (flatOrder != null && client.isActiveClient()) {
            flatOrder.move(client, flatShare(client));
        }
    }

    /** The share of a client of the flat tree, where its subtree is itself. */
    private double flatShare(ClientNode client) {
        return share(client.subtreeQuantities(), client.path());
    }

    private double share(Quantities allocated, String path) {
        return allocated.dominantShareOf(total()) / weight(path);
    }

    /** A sibling's place when its parent's children are sorted: its share and allocation count, then its path. */
    private record Ranked(Sibling sibling, double share, long count) implements Comparable<Ranked> {

        @Override
        public int compareTo(Ranked other) {
            int byShare = Double.compare(share, other.share);
            if (byShare != 0) {
                return byShare;
            }
            int byCount = Long.compare(count, other.count);
            return byCount != 0 ? byCount : sibling.path().compareTo(other.sibling.path());
        }
    }
}
