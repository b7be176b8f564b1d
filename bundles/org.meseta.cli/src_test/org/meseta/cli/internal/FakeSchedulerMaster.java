package org.meseta.cli.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.HttpServer;
import org.meseta.http.HttpServerOptions;
import org.meseta.http.HttpTransport;
import org.meseta.http.ResponseStream;
import org.meseta.http.Router;
import org.meseta.testing.Eventually;

/**
 * A master's scheduler API ({@code POST /api/v1/scheduler}) on 127.0.0.1, playing a master that frameworks may meet:
 * it checks {@code Content-Type} and {@code Accept} with the v1 rules Meseta's master uses ({@link V1Protocol}) and
 * {@code Mesos-Stream-Id} as Mesos does, answers SUBSCRIBE with a RecordIO stream in the negotiated encoding (one
 * record per chunk) that starts with SUBSCRIBED and HEARTBEAT, answers other calls with 202, closes the stream on
 * TEARDOWN, and records every call it receives.
 *
 * <p>The test scripts it: {@link #on} reacts to a call (to SUBSCRIBE once the stream is open), {@link #send} writes
 * an event, {@link #redirectTo} plays a master that does not lead, {@link #refuse} one that rejects a call.
 * Reactions run on the server's event loop and must not block. Thread-safe.
 */
final class FakeSchedulerMaster implements AutoCloseable {

    /** A call as received, with the headers Mesos checks; a header that was not sent is null. */
    record Received(Call call, String contentType, String accept, String streamId) {}

    private record Subscription(ResponseStream stream, String mediaType, String streamId) {}

    private final HttpTransport transport = HttpTransport.create("fake-scheduler-master", 1);
    private final HttpServer server;
    private final List<Received> calls = new CopyOnWriteArrayList<>();
    private final Map<Call.Type, Consumer<Call>> reactions = new ConcurrentHashMap<>();
    private final Map<Call.Type, HttpResponse> refusals = new ConcurrentHashMap<>();
    private volatile Subscription subscription;
    private volatile String redirect;

    private FakeSchedulerMaster(int port) throws Exception {
        Router routes = Router.builder().route("POST", request -> CompletableFuture.completedFuture(handle(request)),
                MasterAddress.SCHEDULER_PATH, "/master" + MasterAddress.SCHEDULER_PATH).build();
        server = HttpServer.start(transport, new InetSocketAddress("127.0.0.1", port), routes,
                HttpServerOptions.defaults());
    }

    /** On a port of its own choosing. */
    static FakeSchedulerMaster start() throws Exception {
        return new FakeSchedulerMaster(0);
    }

    /** On {@code port}, as a master that comes up where it was expected. */
    static FakeSchedulerMaster startOn(int port) throws Exception {
        return new FakeSchedulerMaster(port);
    }

    /** {@code 127.0.0.1:PORT}, as {@code --master} takes it. */
    String address() {
        return "127.0.0.1:" + server.address().getPort();
    }

    /** Answers SUBSCRIBE from now on as a master that does not lead, with a 307 to {@code leader}. */
    void redirectTo(FakeSchedulerMaster leader) {
        redirect = "//" + leader.address() + "/master" + MasterAddress.SCHEDULER_PATH;
    }

    /** Answers every call of {@code type} from now on with {@code status} and {@code text}, as a master that refuses it. */
    void refuse(Call.Type type, int status, String text) {
        refusals.put(type, HttpResponse.text(status, text));
    }

    /** Runs {@code reaction} after each accepted call of {@code type}; replaces an earlier one. */
    void on(Call.Type type, Consumer<Call> reaction) {
        reactions.put(type, reaction);
    }

    /** Writes {@code event} to the open stream, as one RecordIO record in one chunk. */
    void send(Event event) {
        Subscription open = subscription;
        if (open == null) {
            throw new IllegalStateException("No open subscription to send " + event.getType() + " on");
        }
        write(open, event);
    }

    /** Ends the stream as a master does that goes away cleanly. */
    void closeStream() {
        Subscription open = subscription;
        if (open != null) {
            open.stream.close();
        }
    }

    /** Every call received, in order, accepted or not. */
    List<Received> calls() {
        return List.copyOf(calls);
    }

    List<Call.Type> callTypes() {
        return calls.stream().map(received -> received.call().getType()).toList();
    }

    /** The first call of {@code type}, once it has arrived; fails the test after a while. */
    Received await(Call.Type type) throws Exception {
        Eventually.await("a " + type + " call", () -> callTypes().contains(type));
        return calls.stream().filter(received -> received.call().getType() == type).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        server.close();
        transport.close();
    }

    private HttpResponse handle(HttpRequest request) {
        return switch (V1Protocol.<Call>decode(request, Call.newBuilder())) {
            case V1Protocol.Decoded.Rejected<Call> rejected -> rejected.response();
            case V1Protocol.Decoded.Call<Call> decoded -> handle(request, decoded.message());
        };
    }

    private HttpResponse handle(HttpRequest request, Call call) {
        Optional<String> accept = V1Protocol.responseType(request);
        if (accept.isEmpty()) {
            return V1Protocol.notAcceptable();
        }
        Optional<String> streamId = request.header("Mesos-Stream-Id");
        calls.add(new Received(call, request.header("Content-Type").orElse(null),
                request.header("Accept").orElse(null), streamId.orElse(null)));
        HttpResponse refusal = refusals.get(call.getType());
        if (refusal != null) {
            return refusal;
        }
        return call.getType() == Call.Type.SUBSCRIBE ? subscribe(call, streamId, accept.get()) : answer(call, streamId);
    }

    private HttpResponse subscribe(Call call, Optional<String> streamId, String mediaType) {
        if (streamId.isPresent()) {
            return HttpResponse.text(400, "Expecting 'Mesos-Stream-Id' header to be absent on SUBSCRIBE");
        }
        String location = redirect;
        if (location != null) {
            return HttpResponse.redirect(307, location);
        }
        String id = UUID.randomUUID().toString();
        return HttpResponse.stream(200, mediaType, HttpHeaders.of("Mesos-Stream-Id", id), stream -> {
            Subscription opened = new Subscription(stream, mediaType, id);
            subscription = opened;
            write(opened, SchedulerEvents.subscribed());
            write(opened, SchedulerEvents.heartbeat());
            react(call);
        });
    }

    private HttpResponse answer(Call call, Optional<String> streamId) {
        Subscription open = subscription;
        if (streamId.isEmpty()) {
            return HttpResponse.text(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
        }
        if (open == null || !open.streamId.equals(streamId.get())) {
            return HttpResponse.text(400, "The stream ID '" + streamId.get() + "' included in this request is not"
                    + " the one of the framework's subscription");
        }
        if (!call.getFrameworkId().getValue().equals(SchedulerEvents.FRAMEWORK_ID)) {
            return HttpResponse.text(400, "Unknown framework '" + call.getFrameworkId().getValue() + "'");
        }
        if (call.getType() == Call.Type.TEARDOWN) {
            subscription = null;
            open.stream.close();
        }
        react(call);
        return HttpResponse.empty(202);
    }

    private void react(Call call) {
        Consumer<Call> reaction = reactions.get(call.getType());
        if (reaction != null) {
            reaction.accept(call);
        }
    }

    private static void write(Subscription subscription, Event event) {
        subscription.stream.write(V1Protocol.record(subscription.mediaType, event));
    }
}
