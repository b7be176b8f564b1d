package org.meseta.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a handler answers: either a complete body ({@link FullResponse}) or a chunked stream
 * ({@link StreamResponse}). Both are immutable values.
 *
 * <p>The server owns message framing: {@code Content-Length}, {@code Transfer-Encoding} and
 * {@code Content-Type} fields in {@code headers} are replaced by what the server derives from the body and
 * {@code contentType}. A {@code Connection: close} header makes the server close the connection after the
 * response.
 */
public sealed interface HttpResponse {

    int status();

    String contentType();

    HttpHeaders headers();

    /**
     * A response whose body is known up front; sent with {@code Content-Length}.
     *
     * @param status      200–599
     * @param contentType the exact {@code Content-Type} to send; {@code null} sends none (only sensible without a body)
     * @param body        the body, empty for none; owned by the response, must not be modified
     * @param headers     additional headers
     */
    record FullResponse(int status, String contentType, byte[] body, HttpHeaders headers) implements HttpResponse {
        public FullResponse {
            checkStatus(status);
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(headers, "headers");
            if (body.length > 0 && (status == 204 || status == 304)) {
                throw new IllegalArgumentException("A " + status + " response cannot carry a body");
            }
        }

        /** This response with one more header. */
        public FullResponse withHeader(String name, String value) {
            return new FullResponse(status, contentType, body, headers.with(name, value));
        }

        /** The body decoded as UTF-8 (for text and JSON bodies). */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "FullResponse[" + status + " " + contentType + ", " + body.length + " bytes, " + headers + "]";
        }
    }

    /**
     * A chunked response whose body is produced over time ({@code Transfer-Encoding: chunked}).
     *
     * <p>The server calls {@code onOpen} exactly once, on the connection's event loop, before the response
     * head is written; chunks written from inside {@code onOpen} follow the head. If {@code onOpen} throws,
     * the client gets a 500 instead. {@code onOpen} must not block; it typically registers the stream with the
     * actor that will feed it.
     *
     * @param status      200–599
     * @param contentType the exact {@code Content-Type} to send (e.g. {@code application/json} for a RecordIO stream)
     * @param headers     additional headers, e.g. {@code Mesos-Stream-Id}
     * @param onOpen      receives the stream once the server is ready to send it
     */
    record StreamResponse(int status, String contentType, HttpHeaders headers, Consumer<ResponseStream> onOpen)
            implements HttpResponse {
        public StreamResponse {
            checkStatus(status);
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(onOpen, "onOpen");
            if (status == 204 || status == 304) {
                throw new IllegalArgumentException("A " + status + " response cannot be streamed");
            }
        }

        /** This response with one more header. */
        public StreamResponse withHeader(String name, String value) {
            return new StreamResponse(status, contentType, headers.with(name, value), onOpen);
        }
    }

    /** 200 with the given body and content type. */
    static FullResponse ok(String contentType, byte[] body) {
        return new FullResponse(200, Objects.requireNonNull(contentType, "contentType"), body, HttpHeaders.empty());
    }

    /** 200 with {@code Content-Type: application/json}. */
    static FullResponse json(byte[] body) {
        return ok(MediaTypes.APPLICATION_JSON, body);
    }

    /** The given status with a plain-text, UTF-8 message ({@code text/plain; charset=utf-8}), e.g. an error reason. */
    static FullResponse text(int status, String message) {
        return new FullResponse(status, MediaTypes.TEXT_PLAIN_UTF8, message.getBytes(StandardCharsets.UTF_8),
                HttpHeaders.empty());
    }

    /** The given status without a body, e.g. 202 Accepted. */
    static FullResponse empty(int status) {
        return new FullResponse(status, null, new byte[0], HttpHeaders.empty());
    }

    /**
     * A redirect (301, 302, 303, 307 or 308) to {@code location}, sent verbatim; Mesos uses protocol-relative
     * locations such as {@code //leader:5050/master/state}.
     */
    static FullResponse redirect(int status, String location) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("Not a redirect status: " + status);
        }
        return new FullResponse(status, null, new byte[0], HttpHeaders.of("Location", location));
    }

    /** A 200 chunked stream. */
    static StreamResponse stream(String contentType, Consumer<ResponseStream> onOpen) {
        return stream(200, contentType, HttpHeaders.empty(), onOpen);
    }

    /** A chunked stream with the given status and headers. */
    static StreamResponse stream(int status, String contentType, HttpHeaders headers,
            Consumer<ResponseStream> onOpen) {
        return new StreamResponse(status, contentType, headers, onOpen);
    }

    private static void checkStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be between 200 and 599, got " + status);
        }
    }
}
