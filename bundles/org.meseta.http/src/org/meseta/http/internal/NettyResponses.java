package org.meseta.http.internal;

import java.util.Locale;

import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpResponse;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Builds Netty response messages from {@link HttpResponse} values; the server alone decides the framing headers. */
final class NettyResponses {

    private NettyResponses() {
    }

    static FullHttpResponse full(HttpResponse.FullResponse response, boolean keepAlive, boolean http10) {
        FullHttpResponse message = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        io.netty.handler.codec.http.HttpHeaders headers = message.headers();
        copyHeaders(response, headers);
        if (response.status() != 204) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        }
        setConnection(headers, keepAlive, http10);
        return message;
    }

    /** The head of a chunked response; HTTP/1.0 clients get an unframed body ended by closing the connection. */
    static io.netty.handler.codec.http.HttpResponse streamHead(HttpResponse.StreamResponse response,
            boolean keepAlive, boolean http10) {
        DefaultHttpResponse message = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()));
        io.netty.handler.codec.http.HttpHeaders headers = message.headers();
        copyHeaders(response, headers);
        if (!http10) {
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        setConnection(headers, keepAlive, http10);
        return message;
    }

    /** Whether a handler asked for the connection to be closed with {@code Connection: close}. */
    static boolean asksToClose(HttpResponse response) {
        for (String value : response.headers().all("Connection")) {
            for (String token : value.split(",")) {
                if (token.trim().toLowerCase(Locale.ROOT).equals("close")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void copyHeaders(HttpResponse response, io.netty.handler.codec.http.HttpHeaders target) {
        for (HttpHeaders.Field field : response.headers().fields()) {
            if (!isFramingHeader(field.name())) {
                target.add(field.name(), field.value());
            }
        }
        if (response.contentType() != null) {
            target.set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
    }

    private static boolean isFramingHeader(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                || name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Connection");
    }

    private static void setConnection(io.netty.handler.codec.http.HttpHeaders headers, boolean keepAlive,
            boolean http10) {
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }
}
