package org.meseta.http;

import java.io.IOException;

/** The server could not start, e.g. {@code Failed to bind 127.0.0.1:5050: Address already in use}. */
public final class HttpServerException extends IOException {

    private static final long serialVersionUID = 1L;

    public HttpServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
