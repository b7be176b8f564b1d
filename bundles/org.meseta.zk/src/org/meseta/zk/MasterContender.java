package org.meseta.zk;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.meseta.api.json.JsonCodec;
import org.meseta.zk.internal.GroupMember;
import org.meseta.zk.internal.SerialCallbacks;

/**
 * A master's candidacy for leadership, in Mesos's znode layout: {@link #start()} creates the ephemeral sequential
 * node {@code <group>/json.info_NNNNNNNNNN} holding the master's {@link MasterInfo} as JSON, and the master whose
 * node has the smallest sequence number among the group's members leads. Any Mesos-aware detector (and
 * {@link MasterDetector}) finds the leader from the same nodes.
 *
 * <p>Events, in order: at most one {@link Elected}, then at most one {@link Lost}, which is final. Leadership
 * ends with the candidacy: the contender reports {@link Lost} as soon as Curator reports the connection
 * {@code SUSPENDED}, {@code LOST} or {@code READ_ONLY}, or when its node disappears, and then deletes its node if it
 * still exists, so the next candidate takes over. It never contends again: a master that lost must stop acting
 * as leader (no writes, no offers, no launches) and exit, as Mesos masters do. Writes made as leader should be
 * fenced by {@link Elected#znode()}: a ZooKeeper transaction that checks that node exists fails once the
 * session that created it is gone.
 *
 * <p>Threads: the listener is called on one thread of this contender's own, never concurrently and never on the
 * caller's thread; it must not block for long. Lifecycle: LATENT, then {@link #start()} once, then
 * {@link #close()}; the Curator client is the caller's and must be started before {@link #start()}.
 */
public final class MasterContender implements Closeable {

    /** What happened to the candidacy. */
    public sealed interface Event permits Elected, Lost {
    }

    /**
     * This master leads.
     *
     * @param znode the full path of this master's node: the fencing token for its writes
     */
    public record Elected(String znode) implements Event {
    }

    /**
     * The candidacy (and the leadership, if held) ended; no further event follows.
     *
     * @param reason what ended it, for the log
     */
    public record Lost(String reason) implements Event {
    }

    private enum State { LATENT, STARTED, CLOSED }

    private final CuratorFramework client;
    private final String group;
    private final byte[] data;
    private final Consumer<? super Event> listener;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final SerialCallbacks callbacks = new SerialCallbacks("meseta-zk-contender");
    private final ConnectionStateListener connectionListener =
            (curator, newState) -> callbacks.execute(() -> connectionChanged(newState));
    private final Watcher watcher = event -> callbacks.execute(this::readGroup);

    // Owned by the callbacks thread.
    private Optional<String> znode = Optional.empty();
    private boolean elected;
    private boolean ended;

    /**
     * A contender for the group at {@code groupPath} (e.g. {@link ZkUrl#path()}), announcing {@code info}.
     *
     * @param listener told of {@link Elected} and {@link Lost} as described above
     */
    public MasterContender(CuratorFramework client, String groupPath, MasterInfo info,
            Consumer<? super Event> listener) {
        this.client = client;
        this.group = groupPath;
        this.data = JsonCodec.encode(info);
        this.listener = listener;
    }

    /**
     * Creates this master's node and starts following the group. Returns at once.
     *
     * @throws IllegalStateException if called before
     */
    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("The contender was started before");
        }
        client.getConnectionStateListenable().addListener(connectionListener);
        callbacks.execute(this::create);
    }

    /**
     * Withdraws: deletes this master's node (in the background, retried while the session lasts) so the next
     * candidate takes over, and stops the contender's thread. No event starts being delivered after this returns.
     * Idempotent; does not close the Curator client.
     */
    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) == State.CLOSED) {
            return;
        }
        client.getConnectionStateListenable().removeListener(connectionListener);
        callbacks.execute(() -> end(Optional.empty()));
        callbacks.shutdown();
    }

    private void create() {
        try {
            client.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                    .inBackground((curator, event) -> {
                        if (!callbacks.execute(() -> created(event)) && isOk(event)) {
                            deleteNode(event.getName());
                        }
                    })
                    .forPath(group + ("/".equals(group) ? "" : "/") + GroupMember.JSON_PREFIX, data);
        } catch (Exception e) {
            end(Optional.of("Failed to create the master's znode under " + group + ": " + e));
        }
    }

    private void created(CuratorEvent event) {
        if (!isOk(event)) {
            end(Optional.of("Failed to create the master's znode under " + group + ": "
                    + KeeperException.Code.get(event.getResultCode())));
            return;
        }
        znode = Optional.of(event.getName());
        if (ended) {
            // Lost or closed while the create was in flight: the node must not linger as a leader nobody runs.
            deleteNode(event.getName());
            return;
        }
        readGroup();
    }

    private void readGroup() {
        if (ended) {
            return;
        }
        try {
            client.getChildren().usingWatcher(watcher)
                    .inBackground((curator, event) -> callbacks.execute(() -> groupRead(event)))
                    .forPath(group);
        } catch (Exception e) {
            end(Optional.of("Failed to read the group " + group + ": " + e));
        }
    }

    private void groupRead(CuratorEvent event) {
        if (ended) {
            return;
        }
        if (!isOk(event)) {
            end(Optional.of("Failed to read the group " + group + ": "
                    + KeeperException.Code.get(event.getResultCode())));
            return;
        }
        List<String> children = event.getChildren();
        String name = znode.orElseThrow().substring(znode.orElseThrow().lastIndexOf('/') + 1);
        if (!children.contains(name)) {
            end(Optional.of("The master's znode " + znode.orElseThrow() + " was deleted"));
            return;
        }
        boolean leads = GroupMember.leader(children).map(leader -> leader.name().equals(name)).orElse(false);
        if (leads && !elected) {
            elected = true;
            deliver(new Elected(znode.orElseThrow()));
        }
    }

    private void connectionChanged(ConnectionState newState) {
        switch (newState) {
            case CONNECTED, RECONNECTED -> {
                // The candidacy survives only within one uninterrupted connection; nothing to resume.
            }
            case SUSPENDED, LOST, READ_ONLY ->
                end(Optional.of("The ZooKeeper connection is " + newState + ": leadership can no longer be"
                        + " trusted"));
        }
    }

    /** Ends the candidacy once: reports {@code reason} (if any) and deletes the node. */
    private void end(Optional<String> reason) {
        if (ended) {
            return;
        }
        ended = true;
        reason.ifPresent(text -> deliver(new Lost(text)));
        znode.ifPresent(this::deleteNode);
    }

    private static boolean isOk(CuratorEvent event) {
        return event.getResultCode() == KeeperException.Code.OK.intValue();
    }

    /** Deletes the node; safe on any thread. */
    private void deleteNode(String path) {
        try {
            // Guaranteed: retried in the background until it succeeds or the session is gone.
            client.delete().guaranteed().inBackground().forPath(path);
        } catch (Exception e) {
            // The session ends with the master, and ZooKeeper removes the ephemeral node then.
        }
    }

    private void deliver(Event event) {
        if (state.get() == State.STARTED) {
            listener.accept(event);
        }
    }
}
