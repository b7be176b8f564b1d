package org.meseta.http.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.meseta.http.HttpClientException.Reason;
import org.meseta.http.HttpResponse;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Completes {@code HttpClient.send} with the aggregated response. It does not close the connection: the client
 * returns it to its pool when {@link #isReusable()}, and closes it otherwise.
 */
public final class FullResponseHandler extends ClientResponseHandler<HttpResponse.FullResponse> {

    private boolean reusable;

    public FullResponseHandler(ClientRequest request, CompletableFuture<HttpResponse.FullResponse> result,
            Duration responseTimeout) {
        super(request, result, responseTimeout);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
        if (!(message instanceof FullHttpResponse response)) {
            return;
        }
        if (response.decoderResult().isFailure()) {
            Throwable cause = response.decoderResult().cause();
            fail(failure(Reason.INVALID_RESPONSE, "invalid response: " + cause.getMessage(), cause));
        } else {
            try {
                reusable = HttpUtil.isKeepAlive(response);
                complete(new HttpResponse.FullResponse(response.status().code(),
                        response.headers().get(HttpHeaderNames.CONTENT_TYPE), ByteBufUtil.getBytes(response.content()),
                        ClientHeaders.copyOf(response.headers())));
            } catch (IllegalArgumentException e) {
                reusable = false;
                fail(failure(Reason.INVALID_RESPONSE, "invalid response: " + e.getMessage(), e));
            }
        }
    }

    /** Whether the whole response arrived and the server keeps the connection open for another request. */
    public boolean isReusable() {
        return reusable;
    }
}
