package org.meseta.master.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test helper: plain requests with the JDK's own HTTP client, so the master is checked by an independent client. */
final class Http {

    static final String JSON = "application/json";
    static final String PROTOBUF = "application/x-protobuf";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private Http() {}

    static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), BodyHandlers.ofByteArray());
    }

    /** {@code headers} alternate names and values, e.g. {@code "Content-Type", JSON}. */
    static HttpResponse<byte[]> post(URI uri, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).POST(BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(URI uri, String body, String... headers) throws IOException, InterruptedException {
        return post(uri, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }
}
