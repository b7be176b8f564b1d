package org.meseta.http.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

import org.meseta.http.HttpHeaders;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One outgoing request of the client, validated up front so that a programming error fails the call
 * instead of the connection.
 */
public record ClientRequest(String method, URI uri, HttpHeaders headers, byte[] body) {

    public ClientRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("HTTP method must be an upper-case token like GET: " + method);
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
            throw new IllegalArgumentException("Only http:// URIs are supported: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URI has no host: " + uri);
        }
    }

    public String host() {
        String host = uri.getHost();
        // URI keeps the brackets of an IPv6 literal; the resolver wants the bare address.
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /** {@code POST http://host:port/path}, for messages. */
    public String describe() {
        return method + " " + uri;
    }

    /**
     * The request as Netty sends it.
     *
     * @param keepAlive whether the connection may carry further requests; otherwise {@code Connection: close}
     */
    public FullHttpRequest toNetty(boolean keepAlive) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), target,
                Unpooled.wrappedBuffer(body));
        io.netty.handler.codec.http.HttpHeaders nettyHeaders = request.headers();
        for (HttpHeaders.Field field : headers.fields()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")) {
                nettyHeaders.add(field.name(), field.value());
            }
        }
        if (!nettyHeaders.contains(HttpHeaderNames.HOST)) {
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            nettyHeaders.set(HttpHeaderNames.HOST, authority);
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            nettyHeaders.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        if (!keepAlive) {
            nettyHeaders.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return request;
    }
}
