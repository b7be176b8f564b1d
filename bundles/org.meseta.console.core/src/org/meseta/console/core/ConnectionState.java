package org.meseta.console.core;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a {@link ClusterClient} stands with its master. Immutable values; a client reports a new one to its
 * listeners whenever it differs from the previous one.
 *
 * <pre>
 *  Disconnected ──connect──► Connecting ──SUBSCRIBED──► Connected ◄────────────────────┐
 *                                 │                        │ stream ended, broke or   │ SUBSCRIBED
 *                                 │                        │ went silent              │ (perhaps from
 *                                 └──failure──► Unreachable / ProtocolError ──────────┘  a new leader)
 *                                               (reconnecting after a back-off)
 * </pre>
 */
public sealed interface ConnectionState {

    /** Whether the client is subscribed, so the model is live. */
    boolean isConnected();

    /** One line for a status bar, for example {@code Connected to 127.0.0.1:5050}. */
    String describe();

    /** No master chosen yet, or the client was told to disconnect. */
    record Disconnected() implements ConnectionState {
        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public String describe() {
            return "Not connected";
        }
    }

    /** A master was chosen and has not sent its snapshot yet. */
    record Connecting(MasterAddress master) implements ConnectionState {
        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public String describe() {
            return "Connecting to " + master + "…";
        }
    }

    /**
     * Subscribed: the model follows the master's events.
     *
     * @param master the master the user chose
     * @param leader the master that answered: {@code master} itself, or the leader it redirected to
     * @param previousLeader the leader of the previous subscription, when it was another master (the leader
     *        changed while the client reconnected)
     */
    record Connected(MasterAddress master, MasterAddress leader, Optional<MasterAddress> previousLeader)
            implements ConnectionState {
        @Override
        public boolean isConnected() {
            return true;
        }

        /** Whether the leader changed since the previous subscription. */
        public boolean leaderChanged() {
            return previousLeader.isPresent();
        }

        @Override
        public String describe() {
            String via = leader.equals(master) ? "" : " (leader " + leader + ")";
            String changed = previousLeader.map(previous -> " · leader changed from " + previous).orElse("");
            return "Connected to " + master + via + changed;
        }
    }

    /**
     * The master could not be reached, or its stream broke (refused, timed out, unknown host, reset, silent); the
     * client reconnects by itself after {@code retryIn}.
     */
    record Unreachable(MasterAddress master, String reason, Duration retryIn) implements ConnectionState {
        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public String describe() {
            return "Master " + master + " unreachable (" + reason + ") · retrying in " + RetryDelay.format(retryIn);
        }
    }

    /**
     * The master answered, but not with a usable stream (an HTTP error status, a malformed or unexpected record);
     * the client reconnects by itself after {@code retryIn}.
     */
    record ProtocolError(MasterAddress master, String reason, Duration retryIn) implements ConnectionState {
        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public String describe() {
            return "Master " + master + " gave an unusable answer (" + reason + ") · retrying in "
                    + RetryDelay.format(retryIn);
        }
    }
}
