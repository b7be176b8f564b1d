package org.meseta.http;

import java.time.Duration;

/**
 * Limits and timeouts of an {@link HttpClient}. Immutable; start from {@link #defaults()}.
 *
 * @param connectTimeout  how long establishing the TCP connection may take. Default 5 s
 * @param responseTimeout how long after sending the request the response may take: the whole response for
 *                        {@link HttpClient#send}, the response head for {@link HttpClient#stream}. Default 30 s
 * @param maxBodyBytes    largest accepted response body for {@code send}, and largest chunk delivered in one
 *                        piece by {@code stream}. Default 8 MiB
 */
public record HttpClientOptions(Duration connectTimeout, Duration responseTimeout, int maxBodyBytes) {

    public HttpClientOptions {
        HttpServerOptions.notNegative(connectTimeout, "connectTimeout");
        HttpServerOptions.notNegative(responseTimeout, "responseTimeout");
        if (connectTimeout.isZero() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("Client timeouts must be positive");
        }
        HttpServerOptions.positive(maxBodyBytes, "maxBodyBytes");
    }

    public static HttpClientOptions defaults() {
        return new HttpClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), 8 * 1024 * 1024);
    }

    public HttpClientOptions withConnectTimeout(Duration timeout) {
        return new HttpClientOptions(timeout, responseTimeout, maxBodyBytes);
    }

    public HttpClientOptions withResponseTimeout(Duration timeout) {
        return new HttpClientOptions(connectTimeout, timeout, maxBodyBytes);
    }

    public HttpClientOptions withMaxBodyBytes(int bytes) {
        return new HttpClientOptions(connectTimeout, responseTimeout, bytes);
    }
}
