package org.meseta.console.core.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.api.json.JsonCodec;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.calls.AgentEndpoint;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.CallSettings;
import org.meseta.console.core.calls.Encoding;
import org.meseta.console.core.calls.IsolationChange;
import org.meseta.console.core.calls.IsolationSettings;
import org.meseta.console.core.calls.PendingCall;

/**
 * A {@link CallClient} on the JDK HTTP client (HTTP/1.1). Each call is one exchange, or one per {@code 307} it
 * follows by hand (at most {@value #MAX_REDIRECTS}); the answer is read whole, then turned into a
 * {@link CallResult} by an {@link Answer} that knows the server's dialect. Thread-safe; holds no state but the
 * HTTP client.
 */
public final class HttpCallClient implements CallClient {

    static final int MAX_REDIRECTS = 3;
    static final String OPERATOR_PATH = "/api/v1";
    static final String ISOLATION_PATH = "/api/v1/meseta/isolation";
    static final String SCHEDULER_PATH = "/api/v1/scheduler";

    private final Supplier<Optional<MasterAddress>> leader;
    private final Supplier<Optional<Credentials>> credentials;
    private final CallSettings settings;
    private final HttpClient http;

    /** How a server's answer becomes a result. */
    interface Answer<T> {
        /** The value of a 2xx answer. @throws MalformedRecordException if the body cannot be read */
        T value(byte[] body, Encoding encoding) throws MalformedRecordException;

        /** The refusal a non-2xx answer carries. */
        CallResult.Refused<T> refusal(int status, byte[] body);
    }

    /**
     * One request: what it is called in progress lines, its method, media type, body ({@code null}: none) and further
     * headers.
     */
    private record Exchange(String name, String method, Encoding encoding, byte[] body, Map<String, String> headers) {
    }

    /**
     * @param leader where operator calls go: the master that leads as far as the console knows, if any
     * @param credentials what goes with operator and isolation calls as HTTP basic authentication, if anything: the
     *        console connection's, read at each call
     */
    public HttpCallClient(Supplier<Optional<MasterAddress>> leader, Supplier<Optional<Credentials>> credentials,
            CallSettings settings) {
        this.leader = leader;
        this.credentials = credentials;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public PendingCall<Response> operator(Call call) {
        String name = call.getType().name();
        Optional<MasterAddress> master = leader.get();
        if (master.isEmpty()) {
            return HttpPendingCall.failed(name, "not connected to a master");
        }
        Encoding encoding = settings.encoding();
        byte[] body = encoding == Encoding.JSON ? JsonCodec.encode(call) : call.toByteArray();
        return send(new Exchange(name, "POST", encoding, body, authorization(credentials.get())),
                master.get().uri(OPERATOR_PATH), OperatorAnswer.INSTANCE);
    }

    @Override
    public PendingCall<IsolationSettings> isolationSettings(AgentEndpoint agent) {
        return send(new Exchange("GET isolation settings", "GET", Encoding.JSON, null,
                authorization(credentials.get())), agent.uri(ISOLATION_PATH), IsolationJson.ANSWER);
    }

    @Override
    public PendingCall<IsolationSettings> changeIsolationSettings(AgentEndpoint agent, IsolationChange change) {
        return send(new Exchange("PUT isolation settings", "PUT", Encoding.JSON, IsolationJson.write(change),
                authorization(credentials.get())), agent.uri(ISOLATION_PATH), IsolationJson.ANSWER);
    }

    /**
     * Sends {@code call}, a call of the framework whose event stream {@code master} opened as {@code streamId}, to
     * {@code POST /api/v1/scheduler} of that master, in JSON, with {@code credentials} if given. The master answers
     * 202 without a body, which succeeds with an empty text.
     */
    public PendingCall<String> scheduler(MasterAddress master, org.apache.mesos.v1.scheduler.Protos.Call call,
            String streamId, Optional<Credentials> credentials) {
        Map<String, String> headers = new LinkedHashMap<>(authorization(credentials));
        headers.put("Mesos-Stream-Id", streamId);
        return send(new Exchange(call.getType().name(), "POST", Encoding.JSON, JsonCodec.encode(call), headers),
                master.uri(SCHEDULER_PATH), SchedulerAnswer.INSTANCE);
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    /** The header that carries {@code given} as HTTP basic authentication; none without. */
    private static Map<String, String> authorization(Optional<Credentials> given) {
        return given.map(credentials -> Map.of("Authorization", credentials.authorization())).orElse(Map.of());
    }

    private <T> PendingCall<T> send(Exchange exchange, URI uri, Answer<T> answer) {
        HttpPendingCall<T> call = new HttpPendingCall<>();
        send(call, exchange, uri, answer, 0);
        return call;
    }

    private <T> void send(HttpPendingCall<T> call, Exchange exchange, URI uri, Answer<T> answer, int redirects) {
        if (call.isDone()) {
            return;
        }
        String server = uri.getRawAuthority();
        call.step(exchange.name() + (redirects == 0 ? " → " : " → redirected to ") + server);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.answerTimeout())
                .header("Accept", exchange.encoding().mediaType());
        exchange.headers().forEach(request::header);
        if (exchange.body() == null) {
            request.method(exchange.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", exchange.encoding().mediaType())
                    .method(exchange.method(), HttpRequest.BodyPublishers.ofByteArray(exchange.body()));
        }
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        call.exchange(sent);
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                call.complete(new CallResult.Failed<>(FailureReasons.describe(failure, settings.connectTimeout(),
                        settings.answerTimeout())));
            } else if (response.statusCode() == 307 || response.statusCode() == 308) {
                redirect(call, exchange, uri, answer, redirects, response);
            } else if (response.statusCode() / 100 == 2) {
                call.complete(value(response, exchange.encoding(), answer));
            } else {
                call.complete(answer.refusal(response.statusCode(), response.body()));
            }
        });
    }

    private <T> void redirect(HttpPendingCall<T> call, Exchange exchange, URI uri, Answer<T> answer, int redirects,
            HttpResponse<byte[]> response) {
        Optional<String> location = response.headers().firstValue("Location").filter(text -> !text.isBlank());
        if (location.isEmpty()) {
            call.complete(new CallResult.Failed<>("HTTP " + response.statusCode() + " redirect without a Location"));
        } else if (redirects >= MAX_REDIRECTS) {
            call.complete(new CallResult.Failed<>("more than " + MAX_REDIRECTS + " redirects, the last to "
                    + location.get()));
        } else {
            try {
                send(call, exchange, Redirects.target(uri, location.get()), answer, redirects + 1);
            } catch (IllegalArgumentException e) {
                call.complete(new CallResult.Failed<>("redirect to an unusable location '" + location.get() + "'"));
            }
        }
    }

    private static <T> CallResult<T> value(HttpResponse<byte[]> response, Encoding requested, Answer<T> answer) {
        Encoding encoding = response.headers().firstValue("Content-Type")
                .filter(type -> type.startsWith(Encoding.PROTOBUF.mediaType())).map(type -> Encoding.PROTOBUF)
                .orElse(response.body().length == 0 ? requested : Encoding.JSON);
        try {
            return new CallResult.Succeeded<>(response.statusCode(), answer.value(response.body(), encoding));
        } catch (MalformedRecordException e) {
            return new CallResult.Failed<>("unreadable answer (HTTP " + response.statusCode() + "): "
                    + e.getMessage());
        }
    }
}
