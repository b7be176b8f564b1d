package org.meseta.console.core;

import java.time.Duration;

/**
 * Where a {@link ClusterClient} stands with its master. Immutable values; a client reports a new one
 * to its listeners whenever it differs from the previous one.
 *
 * <pre>
 *  Disconnected ──connect──► Connecting ──agents──► Connected ◄──────────┐
 *                                 │                    │ failure         │ agents
 *                                 └──failure──► Unreachable / ProtocolError (retried with back-off)
 * </pre>
 */
public sealed interface ConnectionState {

    /** Whether the last poll succeeded, so the agents shown are current. */
    boolean isConnected();

    /** One line for a status bar, for example {@code Connected to 127.0.0.1:5050 · 2 agents}. */
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

    /** A master was chosen and has not answered yet. */
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
     * The last poll succeeded.
     *
     * @param master the master the user chose
     * @param leader the master that answered: {@code master} itself, or the leader it redirected to
     * @param snapshot the agents in that answer
     */
    record Connected(MasterAddress master, MasterAddress leader, ClusterSnapshot snapshot)
            implements ConnectionState {
        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public String describe() {
            int count = snapshot.agents().size();
            String via = leader.equals(master) ? "" : " (leader " + leader + ")";
            return "Connected to " + master + via + " · " + count + (count == 1 ? " agent" : " agents");
        }
    }

    /**
     * The master could not be reached (refused, timed out, unknown host ...); the client retries by
     * itself after {@code retryIn}.
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
     * The master answered, but not with a usable agent list (an HTTP error status, a malformed or
     * unexpected body); the client retries by itself after {@code retryIn}.
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
