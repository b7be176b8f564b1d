package org.meseta.tests.v1client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * A framework's end of the v1 scheduler API, for tests and benchmarks, written from the Mesos documentation with Mesos's generated classes and
 * the JDK's HTTP client only: SUBSCRIBE keeps a streaming response open and its RecordIO events are queued; calls
 * carry the {@code Mesos-Stream-Id}. Closing the client drops the connection, as a framework that dies does.
 */
public final class SchedulerClient implements AutoCloseable {

    /** How long a test waits for an event that must come. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    /** Events a test waiting for something else may pass over: offers stay outstanding until used. */
    private static final Set<Event.Type> PASSABLE = Set.of(Event.Type.HEARTBEAT, Event.Type.OFFERS,
            Event.Type.RESCIND);

    private final URI uri;
    private final Wire wire;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final InputStream body;
    private final String streamId;
    private final FrameworkID frameworkId;

    private SchedulerClient(URI uri, Wire wire, HttpResponse<InputStream> response) throws Exception {
        this.uri = uri;
        this.wire = wire;
        this.body = response.body();
        this.streamId = response.headers().firstValue("Mesos-Stream-Id")
                .orElseThrow(() -> new AssertionError("SUBSCRIBE answered without a Mesos-Stream-Id"));
        Thread.ofVirtual().name("scheduler-events").start(this::read);
        Event subscribed = next(WAIT);
        expect(subscribed.getType() == Event.Type.SUBSCRIBED, "The first event is " + subscribed);
        Event second = next(WAIT);
        expect(second.getType() == Event.Type.HEARTBEAT, "The event right after SUBSCRIBED is " + second);
        this.frameworkId = subscribed.getSubscribed().getFrameworkId();
    }

    /** Subscribes {@code info} to the master at {@code master} ({@code host:port}) and waits for SUBSCRIBED. */
    public static SchedulerClient subscribe(String master, Wire wire, FrameworkInfo info) throws Exception {
        Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE)
                .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(info));
        if (info.hasId()) {
            call.setFrameworkId(info.getId());
        }
        URI uri = URI.create("http://" + master + "/api/v1/scheduler");
        HttpResponse<InputStream> response = HTTP.send(post(uri, wire, call.build()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readAllBytes());
            }
            throw new AssertionError("SUBSCRIBE answered " + response.statusCode() + ": " + text);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        expect(wire.mediaType().equals(contentType), "The stream's Content-Type is '" + contentType + "'");
        return new SchedulerClient(uri, wire, response);
    }

    /** A framework run by the current user, named {@code name}, with these capabilities. */
    public static FrameworkInfo framework(String name, FrameworkInfo.Capability.Type... capabilities) {
        FrameworkInfo.Builder info = FrameworkInfo.newBuilder().setUser(System.getProperty("user.name"))
                .setName(name);
        for (FrameworkInfo.Capability.Type type : capabilities) {
            info.addCapabilities(FrameworkInfo.Capability.newBuilder().setType(type));
        }
        return info.build();
    }

    private static HttpRequest.Builder post(URI uri, Wire wire, Call call) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", wire.mediaType()).header("Accept", wire.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(wire.encode(call)));
    }

    private void read() {
        RecordIOReader reader = new RecordIOReader(body);
        try {
            for (Optional<byte[]> record = reader.next(); record.isPresent(); record = reader.next()) {
                events.add(wire.decode(record.get(), Event.newBuilder()));
            }
            ended.complete("end");
        } catch (IOException e) {
            ended.complete("failure: " + e);
        }
    }

    public Wire wire() {
        return wire;
    }

    public FrameworkID id() {
        return frameworkId;
    }

    public String streamId() {
        return streamId;
    }

    /** The next event of any type; fails the test if none comes within {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event within " + timeout.toSeconds() + " s; stream " + ended.getNow("open"));
        }
        return event;
    }

    /**
     * The next event of {@code type}, passing over heartbeats (and offers and rescinds when waiting for something
     * else); any other event first fails the test.
     */
    public Event await(Event.Type type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event.getType() == type) {
                return event;
            }
            expect(PASSABLE.contains(event.getType()), "Waiting for " + type + ", got " + event);
        }
    }

    /** The next task status update. */
    public TaskStatus awaitUpdate() throws InterruptedException {
        return await(Event.Type.UPDATE).getUpdate().getStatus();
    }

    /** The next event of {@code type} within {@code period}, passing over the others, if any comes. */
    public Optional<Event> poll(Event.Type type, Duration period) throws InterruptedException {
        long deadline = System.nanoTime() + period.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null || event.getType() == type) {
                return Optional.ofNullable(event);
            }
        }
    }

    /** Makes {@code call} for this framework; returns the master's answer. */
    public HttpResponse<String> call(Call.Builder call) throws Exception {
        HttpRequest request = post(uri, wire, call.setFrameworkId(frameworkId).build())
                .header("Mesos-Stream-Id", streamId).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Makes {@code call}, which the master must accept (202). */
    public void accepted(Call.Builder call) throws Exception {
        HttpResponse<String> response = call(call);
        expect(response.statusCode() == 202, call.getType() + " answered " + response.statusCode() + ": "
                + response.body());
    }

    /** Acknowledges {@code status}. */
    public void acknowledge(TaskStatus status) throws Exception {
        accepted(Calls.acknowledge(status));
    }

    /** How the event stream ended: {@code "end"} when the master closed it. */
    public String awaitEnd() throws Exception {
        return ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fails (as a test assertion does) with {@code message} unless {@code condition} holds. */
    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // The connection is gone either way.
        }
    }
}
