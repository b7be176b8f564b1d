package org.meseta.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of an {@link HttpServer}. Immutable; start from {@link #defaults()}.
 *
 * @param maxBodyBytes          largest accepted request body; larger ones get 413 and the connection is closed.
 *                              Default 8 MiB: far above any Mesos call, small enough that a few hundred
 *                              concurrent uploads cannot exhaust the heap
 * @param idleTimeout           a connection with no request in flight, no open stream and no traffic for this
 *                              long is closed; {@link Duration#ZERO} disables. Default 5 minutes
 * @param maxInitialLineBytes   longest request line; longer gets 414. Default 8 KiB
 * @param maxHeaderBytes        largest header block; larger gets 431. Default 16 KiB
 * @param maxPipelinedRequests  requests a client may queue behind the one in flight on a connection; further ones
 *                              are dropped and the connection is closed once the queued ones are answered.
 *                              Default 64
 * @param maxStreamBacklogBytes bytes a streaming response may have waiting for a slow client before the
 *                              connection is dropped (the stream's closeFuture then completes). Default 16 MiB
 * @param shutdownGracePeriod   how long {@link HttpServer#close()} waits for in-flight responses. Default 2 s
 */
public record HttpServerOptions(
        int maxBodyBytes,
        Duration idleTimeout,
        int maxInitialLineBytes,
        int maxHeaderBytes,
        int maxPipelinedRequests,
        int maxStreamBacklogBytes,
        Duration shutdownGracePeriod) {

    public HttpServerOptions {
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxInitialLineBytes, "maxInitialLineBytes");
        positive(maxHeaderBytes, "maxHeaderBytes");
        positive(maxPipelinedRequests, "maxPipelinedRequests");
        positive(maxStreamBacklogBytes, "maxStreamBacklogBytes");
        notNegative(idleTimeout, "idleTimeout");
        notNegative(shutdownGracePeriod, "shutdownGracePeriod");
    }

    public static HttpServerOptions defaults() {
        return new HttpServerOptions(8 * 1024 * 1024, Duration.ofMinutes(5), 8 * 1024, 16 * 1024, 64,
                16 * 1024 * 1024, Duration.ofSeconds(2));
    }

    public HttpServerOptions withMaxBodyBytes(int bytes) {
        return new HttpServerOptions(bytes, idleTimeout, maxInitialLineBytes, maxHeaderBytes, maxPipelinedRequests,
                maxStreamBacklogBytes, shutdownGracePeriod);
    }

    public HttpServerOptions withIdleTimeout(Duration timeout) {
        return new HttpServerOptions(maxBodyBytes, timeout, maxInitialLineBytes, maxHeaderBytes, maxPipelinedRequests,
                maxStreamBacklogBytes, shutdownGracePeriod);
    }

    public HttpServerOptions withShutdownGracePeriod(Duration gracePeriod) {
        return new HttpServerOptions(maxBodyBytes, idleTimeout, maxInitialLineBytes, maxHeaderBytes,
                maxPipelinedRequests, maxStreamBacklogBytes, gracePeriod);
    }

    static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    static void notNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
