package org.meseta.http.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.meseta.http.HttpClientException.Reason;
import org.meseta.http.StreamListener;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Feeds a streamed response to a {@link StreamListener}: the head, then each chunk as it arrives (the codec
 * is configured to deliver whole chunks), then the end. The response timeout covers the head only.
 */
public final class StreamResponseHandler extends ClientResponseHandler<Void> {

    private final StreamListener listener;

    public StreamResponseHandler(ClientRequest request, CompletableFuture<Void> result, Duration responseTimeout,
            StreamListener listener) {
        super(request, result, responseTimeout);
        this.listener = listener;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
        if (message.decoderResult().isFailure()) {
            Throwable cause = message.decoderResult().cause();
            fail(failure(Reason.INVALID_RESPONSE, "invalid response: " + cause.getMessage(), cause));
            ctx.close();
            return;
        }
        try {
            deliver(message);
        } catch (RuntimeException e) {
            fail(e);
            ctx.close();
        }
    }

    private void deliver(HttpObject message) {
        if (message instanceof HttpResponse head) {
            cancelTimeout();
            listener.onResponse(head.status().code(), ClientHeaders.copyOf(head.headers()));
        }
        if (message instanceof HttpContent content && content.content().isReadable()) {
            listener.onChunk(ByteBufUtil.getBytes(content.content()));
        }
        if (message instanceof LastHttpContent) {
            listener.onEnd();
            complete(null);
        }
    }

    @Override
    protected void onFailure(Throwable failure) {
        try {
            listener.onFailure(failure);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
