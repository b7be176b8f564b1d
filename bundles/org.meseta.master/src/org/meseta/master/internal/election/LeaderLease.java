package org.meseta.master.internal.election;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.meseta.daemon.Actor;

/**
 * How long the leader may still trust that it leads, having heard nothing since from ZooKeeper. A ZooKeeper server
 * expires a session only when it has heard nothing from its client for the session timeout, and another master can
 * lead only once this leader's node has gone with its session: so if a request this leader sent at time {@code t}
 * was answered, no other master leads before {@code t + timeout}. The lease confirms this master's node every third of
 * the timeout and holds until two thirds of the timeout after the last confirmed request was sent, the silence after
 * which the ZooKeeper client itself gives up its connection.
 *
 * <p>What it adds to watching the connection: a process that was paused longer than that (a long garbage collection,
 * SIGSTOP, a frozen machine) finds its lease lapsed the moment it goes on, before its ZooKeeper client has noticed
 * anything, so it does not act in the meantime. Assumes the clocks of this machine and the servers run at the same
 * rate. {@link #held()} may be called on any thread. Lifecycle: {@link #start} once, then {@link #close()}.
 */
final class LeaderLease implements AutoCloseable {

    private final CuratorFramework client;
    private final String znode;
    private final long boundNanos;
    private final Duration renewal;
    private final Actor actor = new Actor("master-lease");
    /** {@link System#nanoTime()} when the last request that was answered (the node exists) was sent. */
    private final AtomicLong confirmed = new AtomicLong();

    private LeaderLease(CuratorFramework client, String znode, Duration sessionTimeout) {
        this.client = client;
        this.znode = znode;
        this.boundNanos = sessionTimeout.toNanos() * 2 / 3;
        this.renewal = sessionTimeout.dividedBy(3);
    }

    /**
     * The lease of the leader whose node is {@code znode}, held from now (its election was just reported) and
     * renewed from now on.
     *
     * @param sessionTimeout the session timeout the servers negotiated (or, if not known, the one asked for)
     */
    static LeaderLease start(CuratorFramework client, String znode, Duration sessionTimeout) {
        LeaderLease lease = new LeaderLease(client, znode, sessionTimeout);
        lease.confirmed.set(System.nanoTime());
        lease.actor.run(lease::renew);
        return lease;
    }

    /** Whether this master may still act as the leader. */
    boolean held() {
        return System.nanoTime() - confirmed.get() < boundNanos;
    }

    private void renew() {
        long sent = System.nanoTime();
        try {
            client.checkExists().inBackground((curator, event) -> {
                if (event.getResultCode() == KeeperException.Code.OK.intValue() && event.getStat() != null) {
                    confirmed.accumulateAndGet(sent, Math::max);
                }
            }).forPath(znode);
        } catch (Exception e) {
            // Not renewed: the lease runs out, as it should when ZooKeeper cannot be asked.
        }
        actor.schedule(renewal, this::renew);
    }

    /** Stops renewing; the lease lapses by itself. Idempotent. */
    @Override
    public void close() {
        actor.close();
    }
}
