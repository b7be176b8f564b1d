package org.meseta.master.internal.election;

import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.flags.StoutDuration;
import org.meseta.daemon.Actor;
import org.meseta.zk.MasterContender;

/**
 * This master's candidacy for leadership through ZooKeeper, kept up as a Mesos master keeps it: a follower whose
 * candidacy ends (its session expired, its node was deleted, its connection was suspended) contends again with a
 * new node, at the end of the queue, after {@link #RECONTEND_DELAY}; once elected, the end of the candidacy is the
 * end of the leadership, reported once, and the candidacy is over.
 *
 * <p>The listener is called on the candidacy's own thread, never concurrently: {@link Listener#elected} at most
 * once, then {@link Listener#lost} at most once. Lifecycle: {@link #start()} once, then {@link #close()}, which
 * withdraws (deletes this master's node).
 */
final class Candidacy implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Candidacy.class.getName());

    /** How long a follower that lost its candidacy waits to contend again, so a broken ZooKeeper is not hammered. */
    static final Duration RECONTEND_DELAY = Duration.ofSeconds(1);

    /** Told of the leadership. */
    interface Listener {

        /** This master leads; {@code znode} is its node, the fencing token of what it writes. */
        void elected(String znode);

        /** This master, which led, does no more; {@code reason} says why, for the log. */
        void lost(String reason);
    }

    private final CuratorFramework client;
    private final String group;
    private final MasterInfo info;
    private final Listener listener;
    private final Actor actor = new Actor("master-candidacy");

    // Owned by the actor thread.
    private MasterContender contender;
    /** Tells events of the current contender from those of contenders closed before it. */
    private long generation;
    private boolean elected;
    private boolean over;
    private Actor.Timer recontend = () -> {};

    Candidacy(CuratorFramework client, String group, MasterInfo info, Listener listener) {
        this.client = client;
        this.group = group;
        this.info = info;
        this.listener = listener;
    }

    /** Contends; returns at once. */
    void start() {
        actor.run(this::contend);
    }

    private void contend() {
        if (over) {
            return;
        }
        long current = ++generation;
        contender = new MasterContender(client, group, info, event -> actor.run(() -> on(current, event)));
        contender.start();
    }

    private void on(long contenderGeneration, MasterContender.Event event) {
        if (contenderGeneration != generation || over) {
            return;
        }
        switch (event) {
            case MasterContender.Elected electedAs -> {
                elected = true;
                listener.elected(electedAs.znode());
            }
            case MasterContender.Lost lost -> {
                contender.close();
                if (elected) {
                    over = true;
                    listener.lost(lost.reason());
                } else {
                    LOG.log(System.Logger.Level.INFO, "Lost candidacy as a follower ({0}); contending again in {1}",
                            lost.reason(), StoutDuration.format(RECONTEND_DELAY));
                    recontend = actor.schedule(RECONTEND_DELAY, this::contend);
                }
            }
        }
    }

    /** Reports nothing more and contends no more, from now on; the node stays until {@link #close()}. Idempotent. */
    void withdraw() {
        actor.call(() -> {
            over = true;
            recontend.cancel();
            return null;
        }).exceptionally(closedBefore -> null).join();
    }

    /** Withdraws and deletes this master's node (unless its session is gone already, and the node with it). */
    @Override
    public void close() {
        withdraw();
        actor.call(() -> {
            if (contender != null) {
                contender.close();
            }
            return null;
        }).exceptionally(closedBefore -> null).join();
        actor.close();
    }
}
