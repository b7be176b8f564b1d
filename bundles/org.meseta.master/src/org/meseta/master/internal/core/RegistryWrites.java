package org.meseta.master.internal.core;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.meseta.registry.Registrar;
import org.meseta.registry.Registry;
import org.meseta.registry.RegistryOperation;

/**
 * Where the master's state changes that must survive it go: to the registrar once this master leads, nowhere while it
 * stands by (it changes nothing then). A write that fails means this master may no longer act (it lost its
 * leadership, or its registry is gone): {@code failed} is told, once, and stops it. Confined to the master's actor
 * thread, except that the registrar completes writes on its own.
 */
public final class RegistryWrites {

    private Optional<Registrar> registrar = Optional.empty();
    private Consumer<String> failed = reason -> { };
    private final AtomicBoolean reported = new AtomicBoolean();

    /** From now on operations go to {@code registrar}; a failed write is reported to {@code failed}. */
    void attach(Registrar to, Consumer<String> onFailure) {
        this.registrar = Optional.of(to);
        this.failed = onFailure;
    }

    /** Records {@code operation} after those recorded before it. */
    public void record(RegistryOperation operation) {
        registrar.ifPresent(r -> r.apply(operation).whenComplete((stored, failure) -> {
            if (failure != null) {
                fail("the registry " + r.describe() + " cannot be written: " + failure.getMessage());
            }
        }));
    }

    /**
     * This master must stop acting, for {@code reason}; only the first reason is told, on a thread of its own, since
     * stopping the master waits for the master's actor thread, where this may be called.
     */
    void fail(String reason) {
        if (reported.compareAndSet(false, true)) {
            Consumer<String> told = failed;
            Thread.ofVirtual().name("master-stop").start(() -> told.accept(reason));
        }
    }

    /** Completes once everything recorded so far is stored (at once without a registrar). */
    public CompletableFuture<Registry> flushed() {
        return registrar.map(Registrar::flushed).orElseGet(() -> CompletableFuture.completedFuture(Registry.EMPTY));
    }
}
