package org.meseta.console.core;

import java.util.Optional;

import org.meseta.console.core.model.ClusterState;

/**
 * The console's live view of one master: a model of the cluster kept up to date by the master's operator event
 * stream and Meseta's offer stream, never by polling.
 *
 * <p><b>How it follows the master.</b> {@link #connect} subscribes to the operator API ({@code SUBSCRIBE} on
 * {@code /api/v1}); the first event, {@code SUBSCRIBED}, carries the master's {@code GET_STATE} snapshot, which
 * replaces the model; every later event changes it. Once subscribed, the client also opens Meseta's offer stream
 * ({@code GET /api/v1/meseta/offers}) on the same master, which adds outstanding offers and the allocator's view of
 * the roles; a master without it (a Mesos master) is followed all the same, without offers. A non-leading master's
 * {@code 307} redirect is followed to the leader; given a ZooKeeper group, the client subscribes to the leader the
 * group names and moves to the next one when it changes. When a stream ends, breaks or stays silent for
 * {@link ClientSettings#missedHeartbeats()} heartbeat intervals, the client subscribes again after a back-off and
 * takes a new snapshot; meanwhile the last model stays visible.
 *
 * <p><b>Two kinds of listener.</b> A {@link ClusterListener} hears every change of the {@link ConnectionState}; a
 * {@link ClusterChangeListener} hears what changed in the model, coalesced (at most once per
 * {@link ClientSettings#coalesceInterval()}). Views usually register both.
 *
 * <p><b>Threading.</b> All methods may be called from any thread and return at once; network I/O and listener
 * calls happen on the client's own threads, never on the caller's.
 *
 * <p><b>Failures.</b> Nothing the master does (refusing connections, timing out, redirecting, answering garbage)
 * escapes as an exception: it becomes an {@link ConnectionState.Unreachable} or {@link ConnectionState.ProtocolError}
 * state and the client keeps retrying until the master answers again or {@link #connect}, {@link #disconnect} or
 * {@link #close} is called.
 *
 * <p>Create one with {@link ClusterClients#create()}.
 */
public interface ClusterClient extends AutoCloseable {

    /**
     * Starts following {@code master}, dropping the previous master: the model is emptied (a reset change) and the
     * state becomes {@link ConnectionState.Connecting}, then connected or failed. With a
     * {@link MasterLocation.ZooKeeper} location the client watches the group and follows whichever master leads it,
     * across failovers. {@code credentials}, when given, go with every request as HTTP basic authentication; they
     * are kept in memory only.
     *
     * @throws IllegalStateException if the client is closed
     */
    void connect(MasterLocation master, Optional<Credentials> credentials);

    /**
     * Starts following the one master at {@code master}, without credentials.
     *
     * @throws IllegalStateException if the client is closed
     */
    default void connect(MasterAddress master) {
        connect(MasterLocation.of(master), Optional.empty());
    }

    /**
     * Stops following the current master; the model is emptied and the state becomes
     * {@link ConnectionState.Disconnected}.
     */
    void disconnect();

    /**
     * Subscribes again to the current master and replaces the model with the new snapshot, keeping the current one
     * visible until then. For what the event streams do not report (an agent drained, deactivated or reactivated, a
     * reservation made), after an action that changed it. Does nothing while disconnected.
     */
    void resync();

    /** The most recent connection state (it may be a moment ahead of what listeners have been told). */
    ConnectionState state();

    /** The most recently published model (as told to change listeners). */
    ClusterState cluster();

    /** The master that answered the current subscription, once subscribed; requests for actions go there. */
    Optional<MasterAddress> leader();

    /** The credentials of the current connection, for requests to its master and agents; empty without. */
    Optional<Credentials> credentials();

    /**
     * Registers {@code listener} and then tells it the current state, so a late listener needs no separate query.
     * Adding a listener twice has no further effect.
     */
    void addListener(ClusterListener listener);

    /** Unregisters {@code listener}; it may still receive a call already under way. */
    void removeListener(ClusterListener listener);

    /**
     * Registers {@code listener} and then tells it a reset change with the current model. Adding a listener twice
     * has no further effect.
     */
    void addChangeListener(ClusterChangeListener listener);

    /** Unregisters {@code listener}; it may still receive a call already under way. */
    void removeChangeListener(ClusterChangeListener listener);

    /** Closes the streams and frees the client's threads. Idempotent; listeners are not told anything more. */
    @Override
    void close();
}
