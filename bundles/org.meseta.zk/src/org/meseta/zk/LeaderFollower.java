package org.meseta.zk;

import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.mesos.v1.Protos.MasterInfo;

/**
 * A {@link MasterDetector} with a ZooKeeper client of its own, for the clients of a cluster (agents, tools, the
 * console) that need nothing else from ZooKeeper: it connects to {@code zk://} URL's ensemble and reports its
 * group's leader as {@link MasterDetector} does. {@link #close()} ends the session too.
 */
public final class LeaderFollower implements Closeable {

    private final CuratorFramework client;
    private final MasterDetector detector;

    private LeaderFollower(CuratorFramework client, MasterDetector detector) {
        this.client = client;
        this.detector = detector;
    }

    /**
     * Connects (in the background) and starts following; returns at once.
     *
     * @param listener told the leader whenever it changes, starting with the first reading, on the detector's
     *     thread (see {@link MasterDetector})
     */
    public static LeaderFollower start(ZkUrl url, Duration sessionTimeout, Consumer<? super Optional<MasterInfo>>
            listener) {
        CuratorFramework client = ZkClients.newClient(url, sessionTimeout);
        MasterDetector detector = new MasterDetector(client, url.path(), listener);
        client.start();
        detector.start();
        return new LeaderFollower(client, detector);
    }

    /** The leader last reported (empty before the first report). */
    public Optional<MasterInfo> leader() {
        return detector.leader();
    }

    /** Stops following, then ends the session; nothing is reported once this returns. Idempotent. */
    @Override
    public void close() {
        detector.close();
        client.close();
    }
}
