package org.meseta.master.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.meseta.http.ResponseStream;

/**
 * Keeps a master that may no longer trust its leadership from reaching anyone: every stream the master writes to
 * (framework, agent, operator and offer streams) is {@linkplain #guard guarded}, and a write is let through only while
 * the leadership's lease holds (see {@code election.LeaderLease}). The first write refused tells {@code lapsed}, on a
 * thread of its own (stopping the master waits for the master's thread, which may be the writer), and every later
 * write is refused too. Closing a stream is never refused. Thread-safe.
 */
final class LeaseGuard {

    private volatile BooleanSupplier lease = () -> true;
    private volatile Consumer<String> lapsed = reason -> { };
    private final AtomicBoolean refused = new AtomicBoolean();

    /** From now on writes go through only while {@code lease} holds; {@code onLapse} is told when one is refused. */
    void watch(BooleanSupplier held, Consumer<String> onLapse) {
        this.lapsed = onLapse;
        this.lease = held;
    }

    /** {@code stream}, written to only while the lease holds. */
    ResponseStream guard(ResponseStream stream) {
        return new ResponseStream() {
            @Override
            public CompletableFuture<Void> write(byte[] chunk) {
                return mayWrite() ? stream.write(chunk) : CompletableFuture.failedFuture(
                        new IllegalStateException("This master no longer trusts that it leads"));
            }

            @Override
            public void close() {
                stream.close();
            }

            @Override
            public CompletableFuture<Void> closeFuture() {
                return stream.closeFuture();
            }

            @Override
            public boolean isOpen() {
                return stream.isOpen();
            }
        };
    }

    private boolean mayWrite() {
        if (!refused.get() && lease.getAsBoolean()) {
            return true;
        }
        if (refused.compareAndSet(false, true)) {
            Consumer<String> told = lapsed;
            Thread.ofVirtual().name("master-lease-lapsed").start(() -> told.accept("its leadership lease lapsed:"
                    + " nothing was heard from ZooKeeper for two thirds of the session timeout (was the process"
                    + " paused?)"));
        }
        return false;
    }
}
