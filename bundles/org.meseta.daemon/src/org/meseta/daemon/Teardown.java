package org.meseta.daemon;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a daemon instance owns (servers, clients, actors), closed in the reverse order it was acquired.
 *
 * <p>{@code start} acquires into a {@code Teardown} inside try-with-resources, so a failure half-way closes
 * what was already acquired; on success {@link Instances#adopt} takes the resources over. Not thread-safe:
 * one thread acquires, then hands over.
 */
public final class Teardown implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Teardown.class.getName());

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    /** Takes ownership of {@code resource} and returns it. */
    public <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        return resource;
    }

    /** Moves everything owned into a new Teardown; this one is left empty. */
    Teardown transfer() {
        Teardown moved = new Teardown();
        moved.owned.addAll(owned);
        owned.clear();
        return moved;
    }

    /** Closes everything owned, newest first; one failure does not stop the rest. Idempotent. */
    @Override
    public void close() {
        while (!owned.isEmpty()) {
            AutoCloseable resource = owned.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Failed to close " + resource + ": " + e.getMessage(), e);
            }
        }
    }
}
