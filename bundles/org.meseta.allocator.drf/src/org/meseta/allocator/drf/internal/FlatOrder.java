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
 * <p>The arrays have room on both sides of the order, and a client moves out of its place and into its new one by
 * shifting whichever side of each place is shorter: an allocator's moves are mostly from the front (the client just
 * offered resources) to near the back, which then shifts little.
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
    // The order is at [head, tail) of the arrays.
    private int head;
    private int tail;

    /**
     * @param active the active clients, in any order
     * @param share each client's weighted share
     */
    FlatOrder(List<ClientNode> active, ToDoubleFunction<ClientNode> share) {
        ClientNode[] sorted = active.toArray(ClientNode[]::new);
        Arrays.sort(sorted, Comparator.comparing(ClientNode::path));
        for (int i = 0; i < sorted.length; i++) {
            sorted[i].setRank(share.applyAsDouble(sorted[i]), sorted[i].subtreeCount(), i);
        }
        Arrays.sort(sorted, BY_KEY);
        int capacity = 2 * sorted.length + 2;
        clients = new ClientNode[capacity];
        shares = new double[capacity];
        counts = new long[capacity];
        ordinals = new int[capacity];
        head = (capacity - sorted.length) / 2;
        tail = head + sorted.length;
        for (int i = 0; i < sorted.length; i++) {
            place(head + i, sorted[i]);
        }
    }

    /** Ranks {@code client}, one of the order's, again with its new share and its count, and moves it there. */
    void move(ClientNode client, double share) {
        int from = find(client.rankedShare(), client.rankedCount(), client.rankedOrdinal());
        if (from - head < tail - 1 - from) {
            shift(head, head + 1, from - head);
            clients[head++] = null;
        } else {
            shift(from + 1, from, tail - 1 - from);
            clients[--tail] = null;
        }
        client.setRank(share, client.subtreeCount(), client.rankedOrdinal());
        // Not found: no other client has its path.
        int to = -find(share, client.rankedCount(), client.rankedOrdinal()) - 1;
        boolean towardsHead = to - head < tail - to;
        if (towardsHead ? head == 0 : tail == clients.length) {
            to += recenter();
        }
        if (towardsHead) {
            shift(head, head - 1, to - head);
            head--;
            to--;
        } else {
            shift(to, to + 1, tail - to);
            tail++;
        }
        place(to, client);
    }

    @Override
    public String get(int index) {
        return clients[head + index].path();
    }

    @Override
    public int size() {
        return tail - head;
    }

    /** @return the array index of the key, or {@code -(insertion point) - 1}; a client's own key is at its place */
    private int find(double share, long count, int ordinal) {
        int low = head;
        int high = tail - 1;
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

    /** Moves the order to the middle of the arrays, which have room for more than one; @return by how much */
    private int recenter() {
        int size = tail - head;
        int by = (clients.length - size) / 2 - head;
        shift(head, head + by, size);
        if (by > 0) {
            Arrays.fill(clients, head, head + by, null);
        } else {
            Arrays.fill(clients, tail + by, tail, null);
        }
        head += by;
        tail += by;
        return by;
    }

    private void shift(int from, int to, int length) {
        System.arraycopy(clients, from, clients, to, length);
        System.arraycopy(shares, from, shares, to, length);
        System.arraycopy(counts, from, counts, to, length);
        System.arraycopy(ordinals, from, ordinals, to, length);
    }

    private void place(int index, ClientNode client) {
        clients[index] = client;
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
