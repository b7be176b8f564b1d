package org.meseta.zk;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.Closeable;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.zk.internal.GroupMember;
import org.meseta.zk.internal.SerialCallbacks;

/**
 * Follows the leading master of a group in Mesos's znode layout, as agents, schedulers' tools and the console
 * need: the leader is the member of {@code <group>} with the smallest sequence number; its node's data is its
 * {@link MasterInfo}, as JSON ({@code json.info_}, what Meseta and Mesos 0.24+ masters write) or as binary
 * protobuf ({@code info_}, older Mesos masters).
 *
 * <p>The listener is told the leader whenever it changes, starting with the first reading after
 * {@link #start()}: {@code Optional.empty()} when there is none (no members, no group node, the leader's node
 * holds something else, or the ZooKeeper session was lost). While the connection is merely suspended, the last
 * leader stands (it may still lead); the group is read again on reconnection.
 *
 * <p>Threads: the listener is called on one thread of this detector's own, never concurrently, with a value
 * different from the one before; it must not block for long. {@link #leader()} may be called on any thread.
 * Lifecycle: {@link #start()} once, then {@link #close()}; the Curator client is the caller's and must be started.
 */
public final class MasterDetector implements Closeable {

    private static final System.Logger LOG = System.getLogger(MasterDetector.class.getName());

    private enum State { LATENT, STARTED, CLOSED }

    private final CuratorFramework client;
    private final String group;
    private final Consumer<? super Optional<MasterInfo>> listener;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final SerialCallbacks callbacks = new SerialCallbacks("meseta-zk-detector");
    private final ConnectionStateListener connectionListener =
            (curator, newState) -> callbacks.execute(() -> connectionChanged(newState));
    private final Watcher watcher = event -> callbacks.execute(this::readGroup);
    private volatile Optional<MasterInfo> leader = Optional.empty();
    private boolean reported;

    /** A detector for the group at {@code groupPath} (e.g. {@link ZkUrl#path()}). */
    public MasterDetector(CuratorFramework client, String groupPath, Consumer<? super Optional<MasterInfo>> listener) {
        this.client = client;
        this.group = groupPath;
        this.listener = listener;
    }

    /**
     * Starts following the group. Returns at once.
     *
     * @throws IllegalStateException if called before
     */
    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("The detector was started before");
        }
        client.getConnectionStateListenable().addListener(connectionListener);
        callbacks.execute(this::readGroup);
    }

    /** The leader last reported to the listener (empty before the first report). */
    public Optional<MasterInfo> leader() {
        return leader;
    }

    /** Stops following; no report starts being delivered after this returns. Idempotent. */
    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) != State.CLOSED) {
            client.getConnectionStateListenable().removeListener(connectionListener);
            callbacks.shutdown();
        }
    }

    private void readGroup() {
        try {
            client.getChildren().usingWatcher(watcher)
                    .inBackground((curator, event) -> callbacks.execute(() -> groupRead(event)))
                    .forPath(group);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Failed to read the masters' group " + group, e);
        }
    }

    private void groupRead(CuratorEvent event) {
        if (event.getResultCode() == KeeperException.Code.NONODE.intValue()) {
            // No group yet: learn when it appears (the watcher fires on its creation).
            watchCreation();
            report(Optional.empty());
            return;
        }
        if (event.getResultCode() != KeeperException.Code.OK.intValue()) {
            // Connection trouble: the connection listener re-reads once it is back.
            return;
        }
        GroupMember.leader(event.getChildren()).ifPresentOrElse(this::readLeader, () -> report(Optional.empty()));
    }

    /**
     * Watches for the group's creation. A group created between the listing that found none and this check exists
     * already: its creation fires no watch, so it is read again at once (masters and agents starting together hit
     * this: the agent then never learnt of the leader).
     */
    private void watchCreation() {
        try {
            client.checkExists().usingWatcher(watcher).inBackground((curator, event) -> {
                if (event.getResultCode() == KeeperException.Code.OK.intValue()) {
                    callbacks.execute(this::readGroup);
                }
            }).forPath(group);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Failed to watch for the masters' group " + group, e);
        }
    }

    private void readLeader(GroupMember member) {
        try {
            client.getData().inBackground((curator, event) -> callbacks.execute(() -> leaderRead(member, event)))
                    .forPath(group + ("/".equals(group) ? "" : "/") + member.name());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Failed to read the leading master's znode " + member.name(), e);
        }
    }

    private void leaderRead(GroupMember member, CuratorEvent event) {
        if (event.getResultCode() == KeeperException.Code.NONODE.intValue()) {
            // It left between the listing and the read; the children watch brings the next reading.
            return;
        }
        if (event.getResultCode() == KeeperException.Code.OK.intValue()) {
            report(masterInfo(member, event.getData()));
        }
    }

    private Optional<MasterInfo> masterInfo(GroupMember member, byte[] data) {
        try {
            return switch (member.label()) {
                case GroupMember.JSON_LABEL -> Optional.of(JsonCodec.decode(data, MasterInfo.newBuilder()).build());
                case GroupMember.PROTOBUF_LABEL -> Optional.of(MasterInfo.parseFrom(data));
                default -> unsupported(member, "it has no MasterInfo label ('json.info_' or 'info_')");
            };
        } catch (JsonCodecException | InvalidProtocolBufferException e) {
            return unsupported(member, e.getMessage());
        }
    }

    private Optional<MasterInfo> unsupported(GroupMember member, String why) {
        LOG.log(System.Logger.Level.WARNING, "The leading master's znode " + group + "/" + member.name()
                + " cannot be read: " + why);
        return Optional.empty();
    }

    private void connectionChanged(ConnectionState newState) {
        switch (newState) {
            case CONNECTED, RECONNECTED, READ_ONLY -> readGroup();
            case SUSPENDED -> {
                // The leader may well still lead; wait for the session's fate.
            }
            case LOST -> report(Optional.empty());
        }
    }

    private void report(Optional<MasterInfo> detected) {
        if (reported && detected.equals(leader)) {
            return;
        }
        reported = true;
        leader = detected;
        if (state.get() == State.STARTED) {
            listener.accept(detected);
        }
    }
}
