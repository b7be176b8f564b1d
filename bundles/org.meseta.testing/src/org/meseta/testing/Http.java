package org.meseta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP/1.1 requests with the JDK's own client, so a Meseta server is checked by a client that shares no
 * code with it. Connecting and each whole exchange are bounded by {@value #TIMEOUT_SECONDS} s; failures to
 * connect are thrown as the JDK reports them ({@code ConnectException} and so on). Safe from any thread.
 */
public final class Http {

    public static final String JSON = "application/json";
    public static final String PROTOBUF = "application/x-protobuf";
    private static final long TIMEOUT_SECONDS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private Http() {
    }

    /** {@code headers} alternate names and values, e.g. {@code "Accept", JSON}. */
    public static HttpResponse<byte[]> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), BodyHandlers.ofByteArray());
    }

    /** A GET that must answer 200 with a JSON object; the object as a {@link JsonTree}. */
    public static Map<String, Object> getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(uri);
        assertEquals(200, response.statusCode(), () -> "GET " + uri + ": " + text(response));
        return JsonTree.parseObject(text(response));
    }

    /** {@code headers} alternate names and values, e.g. {@code "Content-Type", JSON}. */
    public static HttpResponse<byte[]> post(URI uri, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .POST(BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), BodyHandlers.ofByteArray());
    }

    /** {@link #post(URI, byte[], String...)} with the body in UTF-8. */
    public static HttpResponse<byte[]> post(URI uri, String body, String... headers)
            throws IOException, InterruptedException {
        return post(uri, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The body as UTF-8 text. */
    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The {@code Content-Type} header as sent, or null. */
    public static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }
}
