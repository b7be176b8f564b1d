package org.meseta.http.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

/**
 * Turns an aggregated Netty request into an {@link InboundRequest}: a decoded {@link HttpRequest}, or a
 * rejection for a request Netty could not parse (400/414/431, connection closed because framing is lost) or
 * whose target cannot be decoded (400, connection kept).
 */
final class InboundRequestDecoder extends MessageToMessageDecoder<FullHttpRequest> {

    private static final InetSocketAddress UNKNOWN_PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final int MAX_REASON_LENGTH = 200;

    @Override
    protected void decode(ChannelHandlerContext ctx, FullHttpRequest message, List<Object> out) {
        DecoderResult result = message.decoderResult();
        if (result.isFailure()) {
            out.add(new InboundRequest.Rejected(rejectionFor(result.cause()), false));
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(message);
        RequestTarget target;
        try {
            target = RequestTarget.parse(message.uri());
        } catch (RequestTarget.MalformedTargetException e) {
            out.add(new InboundRequest.Rejected(HttpResponse.text(400, e.getMessage()), keepAlive));
            return;
        }
        HttpHeaders headers;
        try {
            headers = copyHeaders(message.headers());
        } catch (IllegalArgumentException e) {
            out.add(new InboundRequest.Rejected(HttpResponse.text(400, "Malformed HTTP request: " + e.getMessage()),
                    false));
            return;
        }
        InetSocketAddress peer = ctx.channel().remoteAddress() instanceof InetSocketAddress address
                ? address : UNKNOWN_PEER;
        HttpRequest request = new HttpRequest(message.method().name(), target.path(), target.query(),
                headers, ByteBufUtil.getBytes(message.content()), peer);
        out.add(new InboundRequest.Accepted(request, keepAlive,
                message.protocolVersion().equals(HttpVersion.HTTP_1_0)));
    }

    /** Netty already rejects most bad fields; this catches the few (NUL) it lets through. */
    private static HttpHeaders copyHeaders(io.netty.handler.codec.http.HttpHeaders nettyHeaders) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        for (Map.Entry<String, String> header : nettyHeaders) {
            headers.add(header.getKey(), header.getValue());
        }
        return headers.build();
    }

    private static HttpResponse.FullResponse rejectionFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponse.text(414, "Request line is too long");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponse.text(431, "Request header fields are too large");
        }
        String reason = String.valueOf(cause.getMessage());
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH) + "...";
        }
        return HttpResponse.text(400, "Malformed HTTP request: " + reason);
    }
}
