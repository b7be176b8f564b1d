package org.meseta.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.meseta.http.internal.RequestTarget;

/**
 * A complete HTTP request as a handler sees it: the body is fully received and the target is decoded.
 *
 * <p>Immutable except for {@code body}, which is owned by the request and must not be modified.
 *
 * @param method        the request method as sent, e.g. {@code POST}
 * @param path          the percent-decoded path, always starting with {@code /} (e.g. {@code /slave(1)/state})
 * @param query         decoded query parameters in order of first appearance; {@code +} decodes to space
 * @param headers       the request headers
 * @param body          the request body, empty when there is none (chunked bodies are already joined)
 * @param remoteAddress the peer's address
 */
public record HttpRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        HttpHeaders headers,
        byte[] body,
        InetSocketAddress remoteAddress) {

    private static final InetSocketAddress UNKNOWN_PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        query = copyOf(query);
    }

    /**
     * A request built from a raw target such as {@code /state?jsonp=cb}, decoded exactly as the server
     * decodes one from the wire; for tests of handlers and for in-process dispatch.
     *
     * @throws IllegalArgumentException if the target is malformed (same rules as the server, which answers 400)
     */
    public static HttpRequest of(String method, String target, HttpHeaders headers, byte[] body) {
        RequestTarget decoded = RequestTarget.parse(target);
        return new HttpRequest(method, decoded.path(), decoded.query(), headers, body, UNKNOWN_PEER);
    }

    /** The first value of the named header (case-insensitive). */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The first value of the named query parameter (case-sensitive, like Mesos). */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The bare media type of the body ({@code Content-Type} without parameters, lower-cased), if declared. */
    public Optional<String> contentType() {
        return MediaTypes.requestType(header("Content-Type"));
    }

    /**
     * The path and query re-encoded as an origin-form target, e.g. for a redirect {@code Location}.
     * It decodes back to the same path and parameters; the original spelling of escapes is not preserved.
     */
    public String requestTarget() {
        return RequestTarget.encode(path, query);
    }

    @Override
    public String toString() {
        return "HttpRequest[" + method + " " + requestTarget() + " from " + remoteAddress + ", "
                + body.length + " body bytes]";
    }

    private static Map<String, List<String>> copyOf(Map<String, List<String>> query) {
        Objects.requireNonNull(query, "query");
        if (query.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        query.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "query parameter name"),
                List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
