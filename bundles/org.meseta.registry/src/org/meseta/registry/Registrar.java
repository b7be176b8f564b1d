package org.meseta.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.meseta.registry.internal.RegistryCodec;

/**
 * Keeps the {@link Registry} in a {@link RegistryStore}, as Mesos's registrar does: operations are applied in the
 * order they come, in batches (whatever arrived while the previous write ran goes out as one write), and each
 * operation's future completes once the registry holding it is stored. Only the entries an operation changes are
 * written.
 *
 * <p>A write that fails fails every operation of its batch and the registrar for good: what the store holds is then
 * uncertain, or (a {@link FencedException}) another master leads. The master using it must stop acting and exit, as a
 * Mesos master does when its registrar fails. Thread-safe; writes run on one thread of the registrar's own.
 */
public final class Registrar implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Registrar.class.getName());

    /** An operation and its future; without an operation, a barrier completed with the batch it is in. */
    private record Pending(Optional<RegistryOperation> operation, CompletableFuture<Registry> stored) {}

    private final RegistryStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("registrar").daemon().factory());
    private final List<Pending> pending = new ArrayList<>();
    private boolean draining;
    private volatile Registry registry;
    private Map<String, byte[]> entries;
    private volatile RegistryException failure;

    private Registrar(RegistryStore store, Registry registry, Map<String, byte[]> entries) {
        this.store = store;
        this.registry = registry;
        this.entries = entries;
    }

    /**
     * Reads the registry from {@code store}.
     *
     * @throws RegistryException if the store cannot be read or holds something that is not a registry
     */
    public static Registrar recover(RegistryStore store) throws RegistryException {
        Map<String, byte[]> entries = store.load();
        return new Registrar(store, RegistryCodec.decode(entries), new HashMap<>(entries));
    }

    /** The registry as last stored (the recovered one before any write). */
    public Registry registry() {
        return registry;
    }

    /** Where the registry is kept, for messages. */
    public String describe() {
        return store.describe();
    }

    /**
     * Applies {@code operation} after those applied before it; the future completes with the stored registry that
     * holds it, or exceptionally with the {@link RegistryException} of a failed write (then, and after any earlier
     * failure, the registrar takes nothing more).
     */
    public CompletableFuture<Registry> apply(RegistryOperation operation) {
        return submit(Optional.of(operation));
    }

    /**
     * Completes once every operation applied before this call is stored (with the registry then stored), or
     * exceptionally as they failed.
     */
    public CompletableFuture<Registry> flushed() {
        return submit(Optional.empty());
    }

    private CompletableFuture<Registry> submit(Optional<RegistryOperation> operation) {
        CompletableFuture<Registry> stored = new CompletableFuture<>();
        RegistryException failed = failure;
        if (failed != null) {
            stored.completeExceptionally(failed);
            return stored;
        }
        synchronized (pending) {
            pending.add(new Pending(operation, stored));
            if (!draining) {
                draining = true;
                writer.execute(this::drain);
            }
        }
        return stored;
    }

    private void drain() {
        while (true) {
            List<Pending> batch;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    draining = false;
                    return;
                }
                batch = List.copyOf(pending);
                pending.clear();
            }
            write(batch);
        }
    }

    private void write(List<Pending> batch) {
        if (failure != null) {
            batch.forEach(p -> p.stored().completeExceptionally(failure));
            return;
        }
        Registry next = registry;
        for (Pending p : batch) {
            if (p.operation().isPresent()) {
                next = p.operation().get().applyTo(next);
            }
        }
        Map<String, byte[]> nextEntries = RegistryCodec.encode(next);
        Map<String, Optional<byte[]>> changes = new HashMap<>();
        nextEntries.forEach((key, value) -> {
            if (!Arrays.equals(entries.get(key), value)) {
                changes.put(key, Optional.of(value));
            }
        });
        entries.keySet().stream().filter(key -> !nextEntries.containsKey(key))
                .forEach(key -> changes.put(key, Optional.empty()));
        try {
            if (!changes.isEmpty()) {
                store.write(changes);
            }
        } catch (RegistryException e) {
            LOG.log(System.Logger.Level.ERROR, "The registry {0} cannot be written: {1}", store.describe(),
                    e.getMessage());
            failure = e;
            batch.forEach(p -> p.stored().completeExceptionally(e));
            return;
        }
        registry = next;
        entries = nextEntries;
        Registry stored = next;
        batch.forEach(p -> p.stored().complete(stored));
    }

    /** Stops taking operations; those pending are written first. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
