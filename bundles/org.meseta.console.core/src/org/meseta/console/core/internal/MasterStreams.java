package org.meseta.console.core.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

import org.meseta.api.recordio.RecordIODecoder;
import org.meseta.api.recordio.RecordIOException;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.MasterAddress;

/**
 * Opens a master's streams with the JDK HTTP client (HTTP/1.1, JSON): the operator event stream ({@code SUBSCRIBE}
 * on {@code /api/v1}), Meseta's offer stream ({@code GET /api/v1/meseta/offers}) and a framework's event stream
 * ({@code SUBSCRIBE} on {@code /api/v1/scheduler}). All are RecordIO: records
 * are split here and handed to a {@link Sink} one by one. The {@code 307} redirects a non-leading master answers
 * with are followed by hand, at most {@value #MAX_REDIRECTS} of them, so the sink learns which master leads.
 * Credentials, when given, go with every request (the redirected ones too) as HTTP basic authentication.
 *
 * <p>Thread-safe. Sinks are called on the HTTP client's threads; the stream's end is reported once, after the
 * last record, and never as an exception.
 */
final class MasterStreams implements AutoCloseable {

    static final int MAX_REDIRECTS = 3;
    /** The largest record accepted: a snapshot of a large cluster is tens of megabytes of JSON. */
    static final int MAX_RECORD_BYTES = 128 * 1024 * 1024;
    private static final String JSON = "application/json";
    private static final int MAX_BODY_IN_REASON = 120;
    private static final byte[] NO_BODY = new byte[0];

    /**
     * Which stream, and how it is asked for.
     *
     * @param method the HTTP method
     * @param path the endpoint's path
     * @param body the JSON request body; {@code null} for none
     */
    record Endpoint(String method, String path, String body) {
        /** The operator event stream: SUBSCRIBED with a snapshot, then the master's events. */
        static final Endpoint OPERATOR = new Endpoint("POST", "/api/v1", "{\"type\":\"SUBSCRIBE\"}");
        /** Meseta's offer stream. */
        static final Endpoint OFFERS = new Endpoint("GET", "/api/v1/meseta/offers", null);

        /** A framework's event stream ({@code /api/v1/scheduler}), asked for by {@code subscribe}, a JSON call. */
        static Endpoint scheduler(String subscribe) {
            return new Endpoint("POST", "/api/v1/scheduler", subscribe);
        }
    }

    /** What a stream brings; called on the HTTP client's threads, one call at a time, in stream order. */
    interface Sink {
        /**
         * The stream is open on {@code leader} (the master asked, or the one it redirected to); records follow.
         *
         * @param streamId the {@code Mesos-Stream-Id} the master gave a framework's stream; empty for the others
         */
        void opened(MasterAddress leader, Optional<String> streamId);

        /** One record; throwing ends the stream as {@link StreamEnd.Malformed}. */
        void record(byte[] record) throws MalformedRecordException;
    }

    /** A stream being opened or open. */
    static final class Stream {
        private final CompletableFuture<StreamEnd> ended = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        /** Completes once, with why the stream ended; never exceptionally. */
        CompletableFuture<StreamEnd> ended() {
            return ended;
        }

        /** Closes the stream (its end is then {@link StreamEnd.Cancelled}). Idempotent. */
        void cancel() {
            end(new StreamEnd.Cancelled());
        }

        private void end(StreamEnd end) {
            if (ended.complete(end)) {
                Flow.Subscription open = subscription;
                if (open != null) {
                    open.cancel();
                }
            }
        }

        private boolean isEnded() {
            return ended.isDone();
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout how long to wait for a connection, and again for the answer's head */
    MasterStreams(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Opens {@code endpoint} on {@code master}, authenticating with {@code credentials} if given. */
    Stream open(MasterAddress master, Endpoint endpoint, Optional<Credentials> credentials, Sink sink) {
        Stream stream = new Stream();
        send(master.uri(endpoint.path()), new Request(endpoint, credentials, sink, stream), 0);
        return stream;
    }

    /** What one {@link #open} asked for, carried through its redirects. */
    private record Request(Endpoint endpoint, Optional<Credentials> credentials, Sink sink, Stream stream) {
    }

    private void send(URI uri, Request asked, int redirects) {
        Endpoint endpoint = asked.endpoint();
        Sink sink = asked.sink();
        Stream stream = asked.stream();
        if (stream.isEnded()) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", JSON);
        asked.credentials().ifPresent(given -> request.header("Authorization", given.authorization()));
        if (endpoint.body() == null) {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON)
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(endpoint.body()));
        }
        RecordSubscriber records = new RecordSubscriber(sink, stream);
        http.sendAsync(request.build(), info -> {
            if (info.statusCode() != 200) {
                return BodySubscribers.ofByteArray();
            }
            sink.opened(MasterAddress.of(uri), info.headers().firstValue("Mesos-Stream-Id"));
            return BodySubscribers.fromSubscriber(records, subscriber -> NO_BODY);
        }).whenComplete((response, failure) -> {
            if (failure != null) {
                stream.end(new StreamEnd.Unreachable(FailureReasons.describe(failure, timeout)));
            } else if (response.statusCode() == 200) {
                stream.end(records.truncated() ? new StreamEnd.Malformed("the stream ended inside a record")
                        : new StreamEnd.Closed());
            } else if (response.statusCode() == 307 || response.statusCode() == 308) {
                redirect(uri, response, asked, redirects);
            } else {
                stream.end(new StreamEnd.Refused(response.statusCode(),
                        "HTTP " + response.statusCode() + summary(response.body())));
            }
        });
    }

    private void redirect(URI uri, HttpResponse<byte[]> response, Request asked, int redirects) {
        Stream stream = asked.stream();
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
            stream.end(new StreamEnd.Refused(response.statusCode(),
                    "HTTP " + response.statusCode() + " redirect without a Location header"));
            return;
        }
        if (redirects >= MAX_REDIRECTS) {
            stream.end(new StreamEnd.Refused(response.statusCode(),
                    "more than " + MAX_REDIRECTS + " redirects, the last to " + location));
            return;
        }
        URI target;
        try {
            target = Redirects.target(uri, location);
        } catch (IllegalArgumentException e) {
            stream.end(new StreamEnd.Refused(response.statusCode(),
                    "redirect to an unusable location '" + location + "'"));
            return;
        }
        send(target, asked, redirects + 1);
    }

    private static String summary(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        if (text.length() > MAX_BODY_IN_REASON) {
            text = text.substring(0, MAX_BODY_IN_REASON) + "…";
        }
        return text.isEmpty() ? "" : ": " + text;
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    /** Splits the body into RecordIO records for the sink, one buffer list at a time (back-pressure: request 1). */
    private static final class RecordSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
        private final Sink sink;
        private final Stream stream;
        private final RecordIODecoder decoder = new RecordIODecoder(MAX_RECORD_BYTES);
        private Flow.Subscription subscription;

        RecordSubscriber(Sink sink, Stream stream) {
            this.sink = sink;
            this.stream = stream;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            stream.subscription = newSubscription;
            if (stream.isEnded()) {
                newSubscription.cancel();
            } else {
                newSubscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer buffer : buffers) {
                    for (byte[] record : decoder.decode(buffer)) {
                        if (stream.isEnded()) {
                            return;
                        }
                        sink.record(record);
                    }
                }
            } catch (RecordIOException | MalformedRecordException e) {
                stream.end(new StreamEnd.Malformed(e.getMessage()));
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            // The response future fails with it too, and reports it.
        }

        @Override
        public void onComplete() {
            // The response future completes after this and reports the end.
        }

        boolean truncated() {
            return decoder.hasPartialRecord();
        }
    }
}
