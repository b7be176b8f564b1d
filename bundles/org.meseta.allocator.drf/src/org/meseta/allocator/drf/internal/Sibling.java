package org.meseta.allocator.drf.internal;

/**
 * A candidate when a sorter orders what lies directly below one node of its tree: a child's whole subtree, or the
 * node itself when it is a client too ({@code self}; Mesos models it as a virtual leaf {@code eng/.}). A subtree
 * competes with the allocation of all its clients, so that {@code eng/frontend} makes {@code eng} less deserving
 * in the role sorter.
 */
record Sibling(ClientNode node, boolean self) {

    /** The role path; weights are looked up by it and ties end in its order. */
    String path() {
        return node.path();
    }

    Quantities allocated() {
        return self ? node.ownQuantities() : node.subtreeQuantities();
    }

    /** How many times resources were allocated to it (to any client in it, for a subtree). */
    long allocationCount() {
        return self ? node.ownCount() : node.subtreeCount();
    }
}
