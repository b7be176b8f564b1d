package org.meseta.http;

import java.io.IOException;

/**
 * A request made with {@link HttpClient} failed before a complete response arrived. The message names the
 * request and the reason, e.g. {@code POST http://10.0.0.1:5050/api/v1: connection refused}.
 */
public final class HttpClientException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** The TCP connection could not be established (refused, unreachable, connect timeout, unknown host). */
        CONNECT_FAILED,
        /** No (complete) response within the response timeout. */
        TIMEOUT,
        /** The server closed the connection or it broke before the response was complete. */
        CONNECTION_CLOSED,
        /** The response could not be parsed as HTTP. */
        INVALID_RESPONSE,
        /** The response body exceeded the client's limit. */
        RESPONSE_TOO_LARGE,
        /** The client was closed while the request was outstanding. */
        CLIENT_CLOSED
    }

    private final Reason reason;

    public HttpClientException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
