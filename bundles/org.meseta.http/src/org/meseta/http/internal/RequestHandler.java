package org.meseta.http.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

import org.meseta.http.HttpHandler;
import org.meseta.http.HttpResponse;
import org.meseta.http.HttpServerOptions;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * Runs the request/response exchanges of one connection, one at a time and in request order.
 *
 * <p>Requests that arrive while one is in flight (HTTP/1.1 pipelining) wait in a queue bounded in count and
 * in body bytes; beyond either bound further requests are dropped and the connection is closed once the
 * queued ones are answered. While a full exchange is in flight the socket is not read (back-pressure); while
 * a streaming response is open it is, so that a client leaving is noticed at once.
 *
 * <p>The application handler is called on the event loop; its stage may complete on any thread, and the
 * response is written back on the event loop. A streaming response occupies the connection until the stream
 * ends. Not sharable: one instance per connection, confined to its event loop.
 */
public final class RequestHandler extends ChannelInboundHandlerAdapter {

    /** Fired by the server at every connection when it stops: finish the current exchange, then close. */
    public enum ServerEvent {
        DRAIN
    }

    private static final System.Logger LOG = System.getLogger(RequestHandler.class.getName());
    private static final HttpResponse.FullResponse INTERNAL_ERROR = HttpResponse.text(500, "Internal server error");

    private final HttpHandler handler;
    private final HttpServerOptions options;
    private final Queue<InboundRequest> pending = new ArrayDeque<>();
    private long pendingBodyBytes;
    private ChannelHandlerContext ctx;
    private boolean inFlight;
    /** No further requests are taken: the last accepted one closes the connection, or the server is stopping. */
    private boolean refusing;
    private boolean draining;
    private ChunkedResponseStream stream;

    public RequestHandler(HttpHandler handler, HttpServerOptions options) {
        this.handler = handler;
        this.options = options;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!(message instanceof InboundRequest request)) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (refusing) {
            return; // pipelined behind a request that ends the connection
        }
        long bodyBytes = bodyBytes(request);
        if (pending.size() >= options.maxPipelinedRequests()
                || pendingBodyBytes + bodyBytes > options.maxBodyBytes()) {
            // Answer what is queued, then close: the client learns where it was cut off.
            LOG.log(Level.WARNING, () -> "Cutting off connection from " + context.channel().remoteAddress()
                    + ": pipelined requests exceed " + options.maxPipelinedRequests() + " requests or "
                    + options.maxBodyBytes() + " bytes");
            refusing = true;
            return;
        }
        refusing = !request.keepAlive();
        pending.add(request);
        pendingBodyBytes += bodyBytes;
        processNext();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event == ServerEvent.DRAIN) {
            drain();
        } else if (event instanceof IdleStateEvent && !inFlight && pending.isEmpty()) {
            context.close();
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        refusing = true;
        pending.clear();
        if (stream != null) {
            stream.terminate();
            stream = null;
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // Typically a reset connection: the client is gone, so there is no one to answer. Anything else is a bug.
        Level level = cause instanceof IOException ? Level.DEBUG : Level.WARNING;
        LOG.log(level, () -> "Closing connection from " + context.channel().remoteAddress(), cause);
        context.close();
    }

    private void drain() {
        draining = true;
        refusing = true;
        pending.clear();
        if (stream != null) {
            stream.close();
        } else if (!inFlight) {
            ctx.close();
        }
    }

    private void processNext() {
        if (inFlight) {
            return;
        }
        InboundRequest next = pending.poll();
        if (next == null) {
            if (refusing) {
                ctx.close();
            } else {
                ctx.channel().config().setAutoRead(true);
            }
            return;
        }
        pendingBodyBytes -= bodyBytes(next);
        inFlight = true;
        ctx.channel().config().setAutoRead(false);
        switch (next) {
            case InboundRequest.Rejected rejected -> writeFull(rejected.response(), rejected.keepAlive(), false);
            case InboundRequest.Accepted accepted -> dispatch(accepted);
        }
    }

    private void dispatch(InboundRequest.Accepted accepted) {
        CompletionStage<HttpResponse> stage;
        try {
            stage = Objects.requireNonNull(handler.handle(accepted.request()), "handler returned null");
        } catch (Exception e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((response, failure) -> onEventLoop(() -> respond(accepted, response, failure)));
    }

    private void respond(InboundRequest.Accepted accepted, HttpResponse response, Throwable failure) {
        if (!ctx.channel().isActive()) {
            inFlight = false;
            return;
        }
        if (failure != null || response == null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.log(Level.ERROR, "Handler failed for " + describe(accepted)
                    + (cause == null ? ": completed with null" : ""), cause);
            writeFull(INTERNAL_ERROR, accepted.keepAlive(), accepted.http10());
            return;
        }
        switch (response) {
            case HttpResponse.FullResponse full -> writeFull(full, accepted.keepAlive(), accepted.http10());
            case HttpResponse.StreamResponse streamed -> openStream(streamed, accepted);
        }
    }

    private void writeFull(HttpResponse.FullResponse response, boolean keepAlive, boolean http10) {
        boolean keepOpen = keepAlive && !draining && !NettyResponses.asksToClose(response);
        ctx.writeAndFlush(NettyResponses.full(response, keepOpen, http10))
                .addListener((ChannelFutureListener) future -> exchangeDone(future.isSuccess() && keepOpen));
    }

    private void openStream(HttpResponse.StreamResponse response, InboundRequest.Accepted accepted) {
        // HTTP/1.0 has no chunked encoding: the end of the body is the end of the connection.
        boolean keepOpen = accepted.keepAlive() && !accepted.http10() && !draining
                && !NettyResponses.asksToClose(response);
        ChunkedResponseStream opened = new ChunkedResponseStream(ctx.channel(), options.maxStreamBacklogBytes(),
                lastChunkWritten -> streamEnded(lastChunkWritten && keepOpen));
        try {
            response.onOpen().accept(opened);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Stream handler failed for " + describe(accepted), e);
            opened.terminate();
            writeFull(INTERNAL_ERROR, accepted.keepAlive(), accepted.http10());
            return;
        }
        stream = opened;
        ctx.writeAndFlush(NettyResponses.streamHead(response, keepOpen, accepted.http10()));
        ctx.channel().config().setAutoRead(true);
        if (draining) {
            opened.close();
        }
    }

    /** Method and re-encoded target: a decoded path could carry CR/LF into the log. */
    private static String describe(InboundRequest.Accepted accepted) {
        return accepted.request().method() + " " + accepted.request().requestTarget();
    }

    private static long bodyBytes(InboundRequest request) {
        return request instanceof InboundRequest.Accepted accepted ? accepted.request().body().length : 0;
    }

    private void streamEnded(boolean keepOpen) {
        stream = null;
        exchangeDone(keepOpen);
    }

    private void exchangeDone(boolean keepOpen) {
        inFlight = false;
        if (!keepOpen || draining) {
            ctx.close();
            return;
        }
        // A fresh task rather than a call: a write can complete synchronously, and deep pipelines must not
        // turn into deep recursion.
        onEventLoopLater(this::processNext);
    }

    private void onEventLoop(Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
        } else {
            onEventLoopLater(task);
        }
    }

    private void onEventLoopLater(Runnable task) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            // The transport is shutting down and takes the connection with it.
            LOG.log(Level.DEBUG, "Event loop stopped; dropping connection {0}", ctx.channel());
        }
    }
}
