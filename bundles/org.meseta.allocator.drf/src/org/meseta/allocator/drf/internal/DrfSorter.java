package org.meseta.allocator.drf.internal;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
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

    /** The kept order: a client's place key is where it was last ranked ({@link ClientNode#setRank}). */
    private static final Comparator<ClientNode> BY_RANK = (a, b) -> compare(a.rankedShare(), a.rankedCount(),
            a.path(), b.rankedShare(), b.rankedCount(), b.path());

    // The active clients in order, each placed by its rank key; null until sorted after a change other than an
    // allocation. Kept only while the tree is flat.
    private List<ClientNode> flatOrder;
    // The client names of flatOrder, read through; replaced with it.
    private List<String> flatView;
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
            flatOrder = new ArrayList<>();
            for (String client : clientNames()) {
                ClientNode node = client(client);
                if (node.isActiveClient()) {
                    rank(node);
                    flatOrder.add(node);
                }
            }
            flatOrder.sort(BY_RANK);
            flatView = new PathsView(flatOrder);
        }
        return flatView;
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
        flatView = null;
    }

    /** Puts an active client whose allocation changed where its new share places it in the kept order. */
    @Override
    void allocationChanged(ClientNode client) {
        // Every active client is in the kept order while there is one: anything else that changes it drops it.
        if (flatOrder == null || !client.isActiveClient()) {
            return;
        }
        flatOrder.remove(Collections.binarySearch(flatOrder, client, BY_RANK));
        rank(client);
        flatOrder.add(-Collections.binarySearch(flatOrder, client, BY_RANK) - 1, client);
    }

    /** Ranks a client of the flat tree, where its subtree is itself. */
    private void rank(ClientNode client) {
        client.setRank(share(client.subtreeQuantities(), client.path()), client.subtreeCount());
    }

    private double share(Quantities allocated, String path) {
        return allocated.dominantShareOf(total()) / weight(path);
    }

    /** Share first, then allocation count, then path, which is unique. */
    private static int compare(double share, long count, String path, double otherShare, long otherCount,
            String otherPath) {
        int byShare = Double.compare(share, otherShare);
        if (byShare != 0) {
            return byShare;
        }
        int byCount = Long.compare(count, otherCount);
        return byCount != 0 ? byCount : path.compareTo(otherPath);
    }

    /** The paths of the kept order, read through. */
    private static final class PathsView extends AbstractList<String> implements RandomAccess {

        private final List<ClientNode> clients;

        PathsView(List<ClientNode> clients) {
            this.clients = clients;
        }

        @Override
        public String get(int index) {
            return clients.get(index).path();
        }

        @Override
        public int size() {
            return clients.size();
        }
    }

    /** A sibling's place when its parent's children are sorted: its share and allocation count, then its path. */
    private record Ranked(Sibling sibling, double share, long count) implements Comparable<Ranked> {

        @Override
        public int compareTo(Ranked other) {
            return compare(share, count, sibling.path(), other.share, other.count, other.sibling.path());
        }
    }
}
