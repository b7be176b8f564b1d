package org.meseta.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.meseta.http.HttpClientException.Reason;
import org.meseta.http.internal.ClientInitializer;
import org.meseta.http.internal.ClientRequest;
import org.meseta.http.internal.ClientResponseHandler;
import org.meseta.http.internal.ConnectionPool;
import org.meseta.http.internal.FullResponseHandler;
import org.meseta.http.internal.StreamResponseHandler;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * An asynchronous HTTP/1.1 client for daemon-to-daemon calls, on the event loops of an {@link HttpTransport}.
 *
 * <p>Requests for whole responses ({@link #send}) reuse keep-alive connections: one that ended cleanly waits a few
 * seconds for the next request to the same address. A stream ({@link #stream}) has a connection of its own, closed
 * when it ends. Redirects are never
 * followed (Mesos clients must see the 307 of a non-leading master). Only {@code http://} URIs are supported.
 * Failures complete the future with an {@link HttpClientException} whose message names the request and the
 * reason; invalid arguments throw {@link IllegalArgumentException} at the call. Futures complete on an event
 * loop, so dependent stages must not block (use the {@code *Async} variants to move work elsewhere).
 * Cancelling a returned future closes the connection. Thread-safe.
 */
public final class HttpClient implements AutoCloseable {

    private final HttpTransport transport;
    private final HttpClientOptions options;
    /** Well under the servers' idle timeout, so a connection is rarely closed by the server as it is reused. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(10);
    private static final int MAX_IDLE_PER_ADDRESS = 64;

    private final ChannelGroup connections = new DefaultChannelGroup("http-client", GlobalEventExecutor.INSTANCE);
    private final ConnectionPool pool = new ConnectionPool(MAX_IDLE, MAX_IDLE_PER_ADDRESS);
    private final AtomicBoolean closed = new AtomicBoolean();

    public HttpClient(HttpTransport transport, HttpClientOptions options) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Sends a request and collects the whole response (any status, including 3xx, 4xx and 5xx).
     *
     * @param headers sent as given; {@code Host} and {@code Content-Length} are added, framing headers ignored
     * @param body    empty for none; must not be modified until the future completes
     */
    public CompletableFuture<HttpResponse.FullResponse> send(String method, URI uri, HttpHeaders headers, byte[] body) {
        ClientRequest request = new ClientRequest(method, uri, headers, body);
        CompletableFuture<HttpResponse.FullResponse> result = new CompletableFuture<>();
        exchange(request, new FullResponseHandler(request, result, options.responseTimeout()), result, false);
        return result;
    }

    /** {@link #send} without headers or body, e.g. {@code send("GET", uri)}. */
    public CompletableFuture<HttpResponse.FullResponse> send(String method, URI uri) {
        return send(method, uri, HttpHeaders.empty(), new byte[0]);
    }

    /**
     * Sends a request whose response is consumed as it arrives, e.g. a Mesos {@code SUBSCRIBE} event stream.
     * The listener sees the head, each chunk, then the end or a failure; the response timeout applies to the
     * head only. The returned future completes when the stream ends (exceptionally if it failed); cancel it to
     * drop the stream.
     */
    public CompletableFuture<Void> stream(String method, URI uri, HttpHeaders headers, byte[] body,
            StreamListener listener) {
        ClientRequest request = new ClientRequest(method, uri, headers, body);
        Objects.requireNonNull(listener, "listener");
        CompletableFuture<Void> result = new CompletableFuture<>();
        exchange(request, new StreamResponseHandler(request, result, options.responseTimeout(), listener), result,
                true);
        return result;
    }

    /** Closes every open connection; outstanding requests fail with {@link Reason#CLIENT_CLOSED}. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
            for (Channel connection : connections) {
                connection.pipeline().fireUserEventTriggered(ClientResponseHandler.ClientEvent.CLOSE);
            }
            connections.close();
        }
    }

    private void exchange(ClientRequest request, ClientResponseHandler<?> handler, CompletableFuture<?> result,
            boolean streaming) {
        if (closed.get()) {
            handler.fail(handler.failure(Reason.CLIENT_CLOSED, "client is closed", null));
            return;
        }
        transport.resolve(request.host()).whenComplete((address, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                inEventLoop(() -> handler.fail(handler.failure(Reason.CONNECT_FAILED,
                        "cannot resolve " + request.host() + ": " + cause.getMessage(), cause)));
            } else if (result.isDone()) {
                // The caller cancelled while the name was resolved; the listener still hears about it.
                inEventLoop(() -> handler.fail(new CancellationException(request.describe() + ": cancelled")));
            } else {
                connect(request, address, handler, result, streaming);
            }
        });
    }

    private void connect(ClientRequest request, InetAddress address, ClientResponseHandler<?> handler,
            CompletableFuture<?> result, boolean streaming) {
        InetSocketAddress target = new InetSocketAddress(address, request.port());
        Optional<Channel> pooled = streaming ? Optional.empty() : pool.acquire(target);
        if (pooled.isPresent()) {
            Channel channel = pooled.get();
            endExchange(result, handler, channel, target);
            channel.eventLoop().execute(() -> {
                channel.pipeline().replace(ClientInitializer.HANDLER, ClientInitializer.HANDLER, handler);
                write(request, handler, channel, streaming);
            });
            return;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(transport.eventLoops())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        options.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ClientInitializer(handler, options.maxBodyBytes(), streaming));
        ChannelFuture connected = bootstrap.connect(target);
        Channel channel = connected.channel();
        connections.add(channel);
        if (closed.get()) {
            // close() ran while this connection was being set up
            channel.pipeline().fireUserEventTriggered(ClientResponseHandler.ClientEvent.CLOSE);
        }
        endExchange(result, handler, channel, target);
        connected.addListener((ChannelFuture future) -> {
            if (!future.isSuccess()) {
                Throwable cause = future.cause();
                handler.fail(closed.get() ? handler.failure(Reason.CLIENT_CLOSED, "client is closed", cause)
                        : handler.failure(Reason.CONNECT_FAILED, "cannot connect to " + request.host() + ":"
                                + request.port() + ": " + cause.getMessage(), cause));
                return;
            }
            write(request, handler, channel, streaming);
        });
    }

    /**
     * Whoever completes the future (response, failure, caller's cancel) ends the exchange: a connection that carried
     * a whole keep-alive response goes back to the pool, any other is closed.
     */
    private void endExchange(CompletableFuture<?> result, ClientResponseHandler<?> handler, Channel channel,
            InetSocketAddress target) {
        result.whenComplete((value, failure) -> {
            if (failure == null && handler instanceof FullResponseHandler full && full.isReusable()) {
                pool.release(target, channel);
            } else {
                channel.close();
            }
        });
    }

    private static void write(ClientRequest request, ClientResponseHandler<?> handler, Channel channel,
            boolean streaming) {
        channel.writeAndFlush(request.toNetty(!streaming)).addListener((ChannelFuture written) -> {
            if (!written.isSuccess()) {
                handler.fail(handler.failure(Reason.CONNECTION_CLOSED, "failed to send the request: "
                        + written.cause().getMessage(), written.cause()));
            }
        });
    }

    private void inEventLoop(Runnable task) {
        try {
            transport.eventLoops().next().execute(task);
        } catch (RuntimeException e) {
            task.run(); // the transport is shutting down; report on this thread rather than never
        }
    }
}
