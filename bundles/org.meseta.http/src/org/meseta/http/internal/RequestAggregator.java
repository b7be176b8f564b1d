package org.meseta.http.internal;

import org.meseta.http.HttpResponse;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Joins a request's chunks into one message, up to the body limit.
 *
 * <p>Netty's aggregator answers an oversized body itself, immediately and without a reason; this one hands
 * a {@link InboundRequest.Rejected} 413 with a text reason down the pipeline instead, so it is sent in request
 * order like any other response. An {@code Expect: 100-continue} request that announces too large a body gets
 * that 413 instead of {@code 100 Continue} (and the connection is closed), so the client never sends the body.
 */
final class RequestAggregator extends HttpObjectAggregator {

    RequestAggregator(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        if (HttpUtil.is100ContinueExpected(start) && HttpUtil.getContentLength(start, -1L) > maxContentLength) {
            return null; // isContentLengthInvalid() is true now, so handleOversizedMessage() answers
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // The decoder still frames the rest of the body and the aggregator discards it, so the connection can
        // stay open, which also spares the client a reset while it is still sending. Not so after a refused
        // 100-continue: the client may or may not send the announced body, so framing is lost.
        boolean keepAlive = HttpUtil.isKeepAlive(oversized) && !HttpUtil.is100ContinueExpected(oversized);
        ctx.fireChannelRead(new InboundRequest.Rejected(HttpResponse.text(413,
                "Request body exceeds the limit of " + maxContentLength() + " bytes"), keepAlive));
    }
}
