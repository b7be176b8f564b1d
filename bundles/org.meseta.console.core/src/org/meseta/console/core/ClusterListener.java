package org.meseta.console.core;

/**
 * Told about every change of a {@link ClusterClient}'s {@link ConnectionState}.
 *
 * <p>Called on the client's own thread, never on a UI thread: a UI must hand the state over to its
 * UI thread itself. Calls for one client are sequential and in order. The listener must return
 * quickly and must not block; an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ClusterListener {

    /** The client's state is now {@code state} (never {@code null}). */
    void stateChanged(ConnectionState state);
}
