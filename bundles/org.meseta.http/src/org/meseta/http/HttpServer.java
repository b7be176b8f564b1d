package org.meseta.http;

import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.meseta.http.internal.HttpServerInitializer;
import org.meseta.http.internal.RequestHandler;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * An HTTP/1.1 server on the event loops of an {@link HttpTransport}.
 *
 * <p>Every request is decoded (path percent-decoded, body aggregated up to the limit) and handed to the
 * {@link HttpHandler} — normally a {@link Router} — on an event loop; responses on a connection go out in
 * request order. Protocol errors are answered by the server itself with a short plain-text reason (400, 413,
 * 414, 431) and never reach the handler; handler failures become 500. See {@link HttpServerOptions} for the
 * limits. Thread-safe.
 */
public final class HttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpServer.class.getName());
    private static final long FORCED_CLOSE_WAIT_SECONDS = 1;

    private final HttpTransport transport;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final HttpServerOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpServer(HttpTransport transport, Channel serverChannel, ChannelGroup connections,
            HttpServerOptions options) {
        this.transport = transport;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.options = options;
    }

    /**
     * Binds and starts serving. Blocks until the socket is bound, so call it from a startup thread, not an
     * event loop.
     *
     * @param bindAddress e.g. {@code new InetSocketAddress("0.0.0.0", 5050)}; port 0 picks a free port
     * @throws HttpServerException if the address cannot be bound, e.g.
     *         {@code Failed to bind 127.0.0.1:5050: Address already in use}
     */
    public static HttpServer start(HttpTransport transport, InetSocketAddress bindAddress, HttpHandler handler,
            HttpServerOptions options) throws HttpServerException {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        ChannelGroup connections = new DefaultChannelGroup("http-connections", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(transport.eventLoops())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new HttpServerInitializer(handler, options, connections));
        ChannelFuture bound = bootstrap.bind(bindAddress).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new HttpServerException("Failed to bind " + hostAndPort(bindAddress) + ": "
                    + bindFailureReason(bound.cause()), bound.cause());
        }
        HttpServer server = new HttpServer(transport, bound.channel(), connections, options);
        LOG.log(Level.INFO, "HTTP server listening on {0}", hostAndPort(server.address()));
        return server;
    }

    /** The bound address; with port 0 requested this carries the port actually chosen. */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Stops accepting connections, ends open streams, lets in-flight responses finish for up to the shutdown
     * grace period, then closes every connection. Idempotent. Called from an event loop it does not wait.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean mayWait = !transport.inEventLoop();
        ChannelFuture unbound = serverChannel.close();
        if (mayWait) {
            unbound.awaitUninterruptibly(options.shutdownGracePeriod().toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
        for (Channel connection : connections) {
            connection.pipeline().fireUserEventTriggered(RequestHandler.ServerEvent.DRAIN);
        }
        if (mayWait) {
            connections.newCloseFuture().awaitUninterruptibly(options.shutdownGracePeriod().toMillis());
            connections.close().awaitUninterruptibly(FORCED_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } else {
            connections.close();
        }
        LOG.log(Level.INFO, "HTTP server on {0} stopped", hostAndPort(address()));
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static String bindFailureReason(Throwable cause) {
        if (cause instanceof BindException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
