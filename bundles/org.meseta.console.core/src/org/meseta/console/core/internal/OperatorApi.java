package org.meseta.console.core.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.internal.AgentsDecoder.MalformedAnswerException;

/**
 * Asks a master's v1 operator API ({@code POST /api/v1}, JSON) for its agents, following the
 * {@code 307} redirects a non-leading master answers with.
 *
 * <p>Thread-safe. The returned futures never complete exceptionally: every failure becomes a
 * {@link PollOutcome.Unreachable} or {@link PollOutcome.ProtocolError}. They complete on the JDK
 * HTTP client's threads.
 */
final class OperatorApi implements AutoCloseable {

    static final String GET_AGENTS_CALL = "{\"type\":\"GET_AGENTS\"}";
    static final int MAX_REDIRECTS = 3;
    private static final String JSON = "application/json";
    private static final int MAX_BODY_IN_REASON = 120;

    private final HttpClient http;
    private final Duration timeout;

    OperatorApi(Duration timeout) {
        this.timeout = timeout;
        // Redirects are followed by hand: the JDK would not report where it ended up, and the
        // console shows which master actually leads.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Polls {@code master} once. */
    CompletableFuture<PollOutcome> getAgents(MasterAddress master) {
        // Only a bug gets here (or a broken installation, such as a missing class); reporting it
        // keeps the client polling instead of waiting forever for an outcome.
        return post(master.operatorApi(), 0)
                .exceptionally(bug -> new PollOutcome.ProtocolError("internal error: " + bug));
    }

    private CompletableFuture<PollOutcome> post(URI uri, int redirects) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(GET_AGENTS_CALL))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> failure != null
                        ? CompletableFuture.<PollOutcome>completedFuture(
                                new PollOutcome.Unreachable(FailureReasons.describe(failure, timeout)))
                        : interpret(uri, response, redirects))
                .thenCompose(Function.identity());
    }

    private CompletableFuture<PollOutcome> interpret(URI uri, HttpResponse<byte[]> response, int redirects) {
        int status = response.statusCode();
        if (status == 200) {
            return CompletableFuture.completedFuture(agents(uri, response.body()));
        }
        if (status == 307 || status == 308) {
            return redirect(uri, response, redirects);
        }
        return protocolError("HTTP " + status + summary(response.body()));
    }

    private static PollOutcome agents(URI uri, byte[] body) {
        try {
            return new PollOutcome.Agents(MasterAddress.of(uri), AgentsDecoder.decode(body));
        } catch (MalformedAnswerException e) {
            return new PollOutcome.ProtocolError(e.getMessage());
        }
    }

    private CompletableFuture<PollOutcome> redirect(URI uri, HttpResponse<byte[]> response, int redirects) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
            return protocolError("HTTP " + response.statusCode() + " redirect without a Location header");
        }
        if (redirects >= MAX_REDIRECTS) {
            return protocolError("more than " + MAX_REDIRECTS + " redirects, the last to " + location);
        }
        URI target;
        try {
            // Mesos sends a protocol-relative "//leader:port/api/v1"; sometimes without the path.
            target = uri.resolve(location);
            if (target.getRawPath() == null || target.getRawPath().isEmpty()) {
                target = target.resolve(uri.getRawPath());
            }
            MasterAddress.of(target);
        } catch (IllegalArgumentException e) {
            return protocolError("redirect to an unusable location '" + location + "'");
        }
        return post(target, redirects + 1);
    }

    private static CompletableFuture<PollOutcome> protocolError(String reason) {
        return CompletableFuture.completedFuture(new PollOutcome.ProtocolError(reason));
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
}
