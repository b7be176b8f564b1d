package org.meseta.http;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

/**
 * The Netty event loops of a process, shared by all its {@link HttpServer}s and {@link HttpClient}s.
 *
 * <p>Create one per process at startup and close it last, after the servers and clients that use it.
 * The loop threads are daemon threads named {@code <prefix>-<n>-<m>}. Host names are resolved on virtual
 * threads so that a slow DNS lookup never blocks an event loop. Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final EventLoopGroup eventLoops;
    private final ExecutorService resolver;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpTransport(EventLoopGroup eventLoops, ExecutorService resolver) {
        this.eventLoops = eventLoops;
        this.resolver = resolver;
    }

    /**
     * Starts {@code threads} event loop threads.
     *
     * @param threadNamePrefix e.g. {@code master-http}
     * @param threads          at least 1; 2–4 are plenty for a daemon since handlers never block
     */
    public static HttpTransport create(String threadNamePrefix, int threads) {
        Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        EventLoopGroup group = new NioEventLoopGroup(threads, new DefaultThreadFactory(threadNamePrefix, true));
        return new HttpTransport(group, Executors.newVirtualThreadPerTaskExecutor());
    }

    /**
     * Stops the event loops, waiting up to 5 s for them to finish. Servers and clients using this transport
     * stop working. Idempotent. Must not be called from one of the transport's own threads.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        resolver.shutdownNow();
        boolean terminated = eventLoops.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
        if (!terminated) {
            LOG.log(Level.WARNING, "HTTP event loops did not stop within {0} s", SHUTDOWN_TIMEOUT_SECONDS);
        }
    }

    EventLoopGroup eventLoops() {
        return eventLoops;
    }

    /** Whether the calling thread is one of this transport's event loops (where waiting would deadlock). */
    boolean inEventLoop() {
        for (EventExecutor executor : eventLoops) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    /** Resolves {@code host} off the event loops; IP literals resolve without a lookup. */
    CompletableFuture<InetAddress> resolve(String host) {
        CompletableFuture<InetAddress> address = new CompletableFuture<>();
        try {
            resolver.execute(() -> {
                try {
                    address.complete(InetAddress.getByName(host));
                } catch (UnknownHostException e) {
                    address.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            address.completeExceptionally(new IllegalStateException("HTTP transport is closed", e));
        }
        return address;
    }
}
