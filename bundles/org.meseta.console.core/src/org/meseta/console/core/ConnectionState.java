package org.meseta.console.core;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a {@link ClusterClient} stands with its master. Immutable values; a client reports a new one to its
 * listeners whenever it differs from the previous one.
 *
 * <pre>
 *  Disconnected ──connect──► Connecting ──SUBSCRIBED──► Connected ◄─────────────────────┐
 *                               ▲   │                       │ stream ended, broke or    │ SUBSCRIBED (perhaps
 *       (zk://) a leader named ─┘   │ (zk://) none named    │ went silent               │ from a new leader)
 *                   NoLeader ◄──────┘                       ▼                           │
 *                                           Unreachable / ProtocolError (back-off) ─────┘
 *  HTTP 401 or 403 from the master ──► Unauthorized (no retry until connect is called again)
 * </pre>
 *
 * <p>With a {@link MasterLocation.ZooKeeper} location the client watches the group: a new leader makes it
 * subscribe there at once ({@link Connected#previousLeader()} names the one before), no leader makes it
 * {@link NoLeader}.
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

    /** A master was chosen (or a new leader detected) and has not sent its snapshot yet. */
    record Connecting(MasterLocation master) implements ConnectionState {
        /** Connecting to one master. */
        public Connecting(MasterAddress master) {
            this(MasterLocation.of(master));
        }

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
     * @param leader the master that answered: {@code master} itself, the leader it redirected to, or the leader
     *        found in ZooKeeper
     * @param previousLeader the leader of the previous subscription, when it was another master (the leader
     *        changed while the client reconnected)
     */
    record Connected(MasterLocation master, MasterAddress leader, Optional<MasterAddress> previousLeader)
            implements ConnectionState {
        /** Connected to one master. */
        public Connected(MasterAddress master, MasterAddress leader, Optional<MasterAddress> previousLeader) {
            this(MasterLocation.of(master), leader, previousLeader);
        }

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
            String via = master.equals(MasterLocation.of(leader)) ? "" : " (leader " + leader + ")";
            String changed = previousLeader.map(previous -> " · leader changed from " + previous).orElse("");
            return "Connected to " + master + via + changed;
        }
    }

    /**
     * The ZooKeeper group names no leading master (none is elected yet, ZooKeeper cannot be reached, or the
     * session was lost); the client subscribes as soon as the group names one. The last model stays visible.
     */
    record NoLeader(MasterLocation master) implements ConnectionState {
        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public String describe() {
            return "No leading master in " + master + " · waiting for ZooKeeper to name one";
        }
    }

    /**
     * The master could not be reached, or its stream broke (refused, timed out, unknown host, reset, silent); the
     * client reconnects by itself after {@code retryIn}.
     */
    record Unreachable(MasterLocation master, String reason, Duration retryIn) implements ConnectionState {
        /** One master was unreachable. */
        public Unreachable(MasterAddress master, String reason, Duration retryIn) {
            this(MasterLocation.of(master), reason, retryIn);
        }

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
    record ProtocolError(MasterLocation master, String reason, Duration retryIn) implements ConnectionState {
        /** One master gave an unusable answer. */
        public ProtocolError(MasterAddress master, String reason, Duration retryIn) {
            this(MasterLocation.of(master), reason, retryIn);
        }

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

    /**
     * The master refused the subscription because of the credentials (HTTP 401: none or wrong ones; 403: the user
     * may not read the cluster). The client does not retry with the same credentials: the user connects again with
     * others.
     *
     * @param master the master the user chose
     * @param credentials the credentials it refused; empty when none were given
     * @param reason the master's answer, for example {@code HTTP 401}
     */
    record Unauthorized(MasterLocation master, Optional<Credentials> credentials, String reason)
            implements ConnectionState {
        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public String describe() {
            return credentials.map(given -> "Master " + master + " refused the credentials of '" + given.principal()
                    + "' (" + reason + ") · connect again with another user or password")
                    .orElse("Master " + master + " requires credentials (" + reason
                            + ") · connect again with a user and password");
        }
    }
}
