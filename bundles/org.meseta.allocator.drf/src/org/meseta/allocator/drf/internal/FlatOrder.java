package org.meseta.allocator.drf.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.ToDoubleFunction;

/**
 * The kept order of a flat {@link DrfSorter} (no client below another): its active clients by weighted share, then
 * allocation count, then path, read through as their paths. Each client's place key is also kept on its node
 * ({@link ClientNode#setRank}), and the keys of the whole order in primitive arrays, so that finding a client or its
 * new place is a binary search over those arrays rather than over the nodes. The path is represented by its rank
 * among the clients' paths, fixed when the order is built: the order is built afresh whenever the clients change.
 *
 * <p>Mutable; owned by one sorter, which must call {@link #move} after every change of an active client's share or
 * count, and build a new order after any other change.
 */
final class FlatOrder extends AbstractList<String> implements RandomAccess {

    private static final Comparator<ClientNode> BY_KEY = (a, b) -> compare(a.rankedShare(), a.rankedCount(),
            a.rankedOrdinal(), b.rankedShare(), b.rankedCount(), b.rankedOrdinal());

    private final ClientNode[] clients;
    private final double[] shares;
    private final long[] counts;
    private final int[] ordinals;

    /**
     * @param active the active clients, in any order
     * @param share each client's weighted share
     */
    FlatOrder(List<ClientNode> active, ToDoubleFunction<ClientNode> share) {
        clients = active.toArray(ClientNode[]::new);
        Arrays.sort(clients, Comparator.comparing(ClientNode::path));
        for (int i = 0; i < clients.length; i++) {
            clients[i].setRank(share.applyAsDouble(clients[i]), clients[i].subtreeCount(), i);
        }
        Arrays.sort(clients, BY_KEY);
        shares = new double[clients.length];
        counts = new long[clients.length];
        ordinals = new int[clients.length];
        for (int i = 0; i < clients.length; i++) {
            store(i, clients[i]);
        }
    }

    /** Ranks {@code client}, one of the order's, again with its new share and its count, and moves it there. */
    void move(ClientNode client, double share) {
        int from = find(client.rankedShare(), client.rankedCount(), client.rankedOrdinal());
        client.setRank(share, client.subtreeCount(), client.rankedOrdinal());
        int found = find(share, client.rankedCount(), client.rankedOrdinal());
        if (found >= 0) {
            // Its own place: no other client has its path.
            return;
        }
        int to = -found - 1;
        if (to > from) {
            to--;
            shift(from + 1, from, to - from);
        } else {
            shift(to, to + 1, from - to);
        }
        clients[to] = client;
        store(to, client);
    }

    @Override
    public String get(int index) {
        return clients[index].path();
    }

    @Override
    public int size() {
        return clients.length;
    }

    /** @return the index of the key, or {@code -(insertion point) - 1}; a client's own key is found at its index */
    private int find(double share, long count, int ordinal) {
        int low = 0;
        int high = clients.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(shares[middle], counts[middle], ordinals[middle], share, count, ordinal);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -low - 1;
    }

    private void shift(int from, int to, int length) {
        System.arraycopy(clients, from, clients, to, length);
        System.arraycopy(shares, from, shares, to, length);
        System.arraycopy(counts, from, counts, to, length);
        System.arraycopy(ordinals, from, ordinals, to, length);
    }

    private void store(int index, ClientNode client) {
        shares[index] = client.rankedShare();
        counts[index] = client.rankedCount();
        ordinals[index] = client.rankedOrdinal();
    }

    private static int compare(double share, long count, int ordinal, double otherShare, long otherCount,
            int otherOrdinal) {
        int byShare = Double.compare(share, otherShare);
        if (byShare != 0) {
            return byShare;
        }
        int byCount = Long.compare(count, otherCount);
        return byCount != 0 ? byCount : Integer.compare(ordinal, otherOrdinal);
    }
}
