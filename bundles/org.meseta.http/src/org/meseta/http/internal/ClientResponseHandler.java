package org.meseta.http.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.meseta.http.HttpClientException;
import org.meseta.http.HttpClientException.Reason;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Common part of the client's response handlers: the result future, the response timeout, and the
 * translation of connection events into {@link HttpClientException}s. One instance per request, confined to
 * the channel's event loop (before a connection exists, {@link #fail} is called from the connecting code).
 *
 * @param <T> what the request's future yields
 */
public abstract class ClientResponseHandler<T> extends SimpleChannelInboundHandler<HttpObject> {

    /** Fired at every connection when the client is closed. */
    public enum ClientEvent {
        CLOSE
    }

    private final ClientRequest request;
    private final CompletableFuture<T> result;
    private final Duration responseTimeout;
    private ScheduledFuture<?> timeout;
    private boolean finished;

    protected ClientResponseHandler(ClientRequest request, CompletableFuture<T> result, Duration responseTimeout) {
        this.request = request;
        this.result = result;
        this.responseTimeout = responseTimeout;
    }

    /**
     * Ends the request with a failure; ignored once the request has ended. If the caller cancelled the
     * future, the hook is told about the cancellation instead.
     */
    public final void fail(Throwable failure) {
        if (!finished) {
            finished = true;
            cancelTimeout();
            onFailure(result.isCancelled()
                    ? new CancellationException(request.describe() + ": cancelled by the caller") : failure);
            result.completeExceptionally(failure);
        }
    }

    /** Builds the exception for this request: {@code <METHOD> <uri>: <what>}. */
    public final HttpClientException failure(Reason reason, String what, Throwable cause) {
        return new HttpClientException(reason, request.describe() + ": " + what, cause);
    }

    /** A hook for failures, called once before the future fails. */
    protected void onFailure(Throwable failure) {
    }

    /** Ends the request successfully: no timeout and no failure can follow. */
    protected final void complete(T value) {
        finished = true;
        cancelTimeout();
        result.complete(value);
    }

    /** Stops the response timer, e.g. once a stream's head has arrived. */
    protected final void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    /** On a connection taken from the pool, which is active already, the response timer starts now. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            startTimeout(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        startTimeout(ctx);
        ctx.fireChannelActive();
    }

    private void startTimeout(ChannelHandlerContext ctx) {
        if (timeout != null || finished) {
            return;
        }
        timeout = ctx.executor().schedule(() -> {
            fail(failure(Reason.TIMEOUT, "no response within " + responseTimeout.toMillis() + " ms", null));
            ctx.close();
        }, responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(failure(Reason.CONNECTION_CLOSED, "connection closed before the response was complete", null));
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == ClientEvent.CLOSE) {
            fail(failure(Reason.CLIENT_CLOSED, "the client was closed", null));
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            fail(failure(Reason.RESPONSE_TOO_LARGE, "response too large: " + cause.getMessage(), cause));
        } else if (cause instanceof IOException) {
            fail(failure(Reason.CONNECTION_CLOSED, "connection failed: " + cause.getMessage(), cause));
        } else {
            fail(failure(Reason.INVALID_RESPONSE, "invalid response: " + cause.getMessage(), cause));
        }
        ctx.close();
    }
}
