package org.meseta.console.core;

/**
 * The console's live view of one master: it polls the master's agent list in the background and
 * reports every change as a {@link ConnectionState}.
 *
 * <p><b>Threading.</b> All methods may be called from any thread and return at once; network I/O
 * and listener calls happen on the client's own thread (see {@link ClusterListener}).
 *
 * <p><b>Failures.</b> Nothing the master does (refusing connections, timing out, redirecting,
 * answering garbage) escapes as an exception: it becomes an {@link ConnectionState.Unreachable} or
 * {@link ConnectionState.ProtocolError} state and the client keeps retrying with back-off until
 * the master answers again or {@link #connect}, {@link #disconnect} or {@link #close} is called.
 *
 * <p>Create one with {@link ClusterClients#create()}.
 */
public interface ClusterClient extends AutoCloseable {

    /**
     * Starts following {@code master}, dropping the previous master (results still in flight from
     * it are ignored). The state becomes {@link ConnectionState.Connecting} and then connected or
     * failed as the first answer arrives.
     *
     * @throws IllegalStateException if the client is closed
     */
    void connect(MasterAddress master);

    /** Stops following the current master; the state becomes {@link ConnectionState.Disconnected}. */
    void disconnect();

    /** The most recent state (it may be a moment ahead of what listeners have been told). */
    ConnectionState state();

    /**
     * Registers {@code listener} and then tells it the current state, so a late listener needs no
     * separate query. Adding a listener twice has no further effect.
     */
    void addListener(ClusterListener listener);

    /** Unregisters {@code listener}; it may still receive a call already under way. */
    void removeListener(ClusterListener listener);

    /** Stops polling and frees the client's threads. Idempotent; listeners are not told anything more. */
    @Override
    void close();
}
