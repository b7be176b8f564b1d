package org.meseta.registry;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * The registry of masters elected through ZooKeeper: one znode per entry under {@code <zk path>/registry}, its name
 * the URL-encoded key, its data the value. Every write is a ZooKeeper transaction that first checks that the writer's
 * own leader znode still exists (<em>fencing</em>): a master whose session expired, or that otherwise lost its
 * leadership, cannot write even if it does not know yet, since its ephemeral znode is gone. Large writes are split
 * into transactions of at most {@value #OPS_PER_TRANSACTION} changes, each fenced the same way.
 *
 * <p>Reads issue every {@code getData} at once (pipelined), so recovering 50,000 agents takes a few round trips,
 * not 50,000.
 */
public final class ZkRegistryStore implements RegistryStore {

    private static final int OPS_PER_TRANSACTION = 200;
    private static final int BYTES_PER_TRANSACTION = 512 * 1024;
    private static final long READ_TIMEOUT_SECONDS = 60;

    private final CuratorFramework client;
    private final String base;
    private final Supplier<Optional<String>> fence;
    private final Set<String> existing = new HashSet<>();

    /**
     * @param base the registry's znode, e.g. {@code /meseta/registry}; created (persistent) if missing
     * @param fence the writer's own leader znode, empty while it is not elected
     */
    public ZkRegistryStore(CuratorFramework client, String base, Supplier<Optional<String>> fence) {
        this.client = client;
        this.base = base;
        this.fence = fence;
    }

    @Override
    public Map<String, byte[]> load() throws RegistryException {
        List<String> children;
        try {
            createBase();
            children = client.getChildren().forPath(base);
        } catch (Exception e) {
            throw failure("read", e);
        }
        Map<String, byte[]> entries = new ConcurrentHashMap<>();
        AtomicReference<KeeperException.Code> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(children.size());
        ZooKeeper zooKeeper;
        try {
            zooKeeper = client.getZookeeperClient().getZooKeeper();
        } catch (Exception e) {
            throw failure("read", e);
        }
        for (String child : children) {
            zooKeeper.getData(base + "/" + child, false, (rc, path, context, data, stat) -> {
                KeeperException.Code code = KeeperException.Code.get(rc);
                if (code == KeeperException.Code.OK) {
                    entries.put(URLDecoder.decode(child, StandardCharsets.UTF_8), data == null ? new byte[0] : data);
                } else if (code != KeeperException.Code.NONODE) {
                    error.compareAndSet(null, code);
                }
                done.countDown();
            }, null);
        }
        try {
            if (!done.await(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new RegistryException("Cannot read the registry " + describe() + ": no answer within "
                        + READ_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("Interrupted while reading the registry " + describe(), e);
        }
        if (error.get() != null) {
            throw new RegistryException("Cannot read the registry " + describe() + ": " + error.get());
        }
        synchronized (existing) {
            existing.clear();
            existing.addAll(entries.keySet());
        }
        return Map.copyOf(entries);
    }

    /**
     * Creates the registry's znode (and its parents) as a persistent node: not a container, which ZooKeeper deletes
     * once it is empty, so that creating an entry later never fails for want of its parent.
     */
    private void createBase() throws Exception {
        if (client.checkExists().forPath(base) == null) {
            try {
                client.create().creatingParentsIfNeeded().forPath(base);
            } catch (KeeperException.NodeExistsException e) {
                // another master created it meanwhile
            }
        }
    }

    @Override
    public void write(Map<String, Optional<byte[]>> changes) throws RegistryException {
        String leader = fence.get().orElseThrow(() -> new FencedException("This master is not elected: it may not"
                + " write the registry " + describe()));
        List<CuratorOp> batch = new ArrayList<>();
        Set<String> created = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        int bytes = 0;
        try {
            for (Map.Entry<String, Optional<byte[]>> change : changes.entrySet()) {
                Optional<CuratorOp> op = op(change.getKey(), change.getValue(), created, deleted);
                if (op.isEmpty()) {
                    continue;
                }
                batch.add(op.get());
                bytes += change.getValue().map(value -> value.length).orElse(0) + change.getKey().length();
                if (batch.size() == OPS_PER_TRANSACTION || bytes >= BYTES_PER_TRANSACTION) {
                    commit(leader, batch, created, deleted);
                    bytes = 0;
                }
            }
            commit(leader, batch, created, deleted);
        } catch (RegistryException e) {
            throw e;
        } catch (Exception e) {
            throw failure("write", e);
        }
    }

    private Optional<CuratorOp> op(String key, Optional<byte[]> value, Set<String> created, Set<String> deleted)
            throws Exception {
        String path = base + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        boolean exists;
        synchronized (existing) {
            exists = existing.contains(key);
        }
        if (value.isEmpty()) {
            if (!exists) {
                return Optional.empty();
            }
            deleted.add(key);
            return Optional.of(client.transactionOp().delete().forPath(path));
        }
        if (exists) {
            return Optional.of(client.transactionOp().setData().forPath(path, value.get()));
        }
        created.add(key);
        return Optional.of(client.transactionOp().create().forPath(path, value.get()));
    }

    /** Runs {@code batch} after the fence check, then records which keys exist; empties the batch. */
    private void commit(String leader, List<CuratorOp> batch, Set<String> created, Set<String> deleted)
            throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        List<CuratorOp> ops = new ArrayList<>();
        ops.add(client.transactionOp().check().forPath(leader));
        ops.addAll(batch);
        try {
            client.transaction().forOperations(ops);
        } catch (KeeperException e) {
            if (client.checkExists().forPath(leader) == null) {
                throw new FencedException("This master's leader znode " + leader + " is gone: another master may"
                        + " lead, so it may not write the registry " + describe());
            }
            throw e;
        }
        synchronized (existing) {
            existing.addAll(created);
            existing.removeAll(deleted);
        }
        batch.clear();
        created.clear();
        deleted.clear();
    }

    private RegistryException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new RegistryException("Cannot " + what + " the registry " + describe() + ": " + e, e);
    }

    @Override
    public String describe() {
        return "zk:" + base;
    }

    @Override
    public void close() {
        // the client is the caller's
    }
}
