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

/** Completes {@code HttpClient.send} with the aggregated response. */
public final class FullResponseHandler extends ClientResponseHandler<HttpResponse.FullResponse> {

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
                complete(new HttpResponse.FullResponse(response.status().code(),
                        response.headers().get(HttpHeaderNames.CONTENT_TYPE), ByteBufUtil.getBytes(response.content()),
                        ClientHeaders.copyOf(response.headers())));
            } catch (IllegalArgumentException e) {
                fail(failure(Reason.INVALID_RESPONSE, "invalid response: " + e.getMessage(), e));
            }
        }
        ctx.close();
    }
}
