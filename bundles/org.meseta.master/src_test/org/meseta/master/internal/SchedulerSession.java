package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.InvalidProtocolBufferException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.testing.Http;

/**
 * Plays a framework on the v1 scheduler API: subscribes in JSON or protobuf, collects the events of its stream
 * (checking that every HTTP chunk carries exactly one record), and makes calls with its {@code Mesos-Stream-Id}.
 */
final class SchedulerSession implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final URI uri;
    private final String mediaType;
    private final RecordStream<Event> records;
    private final CompletableFuture<Void> stream;
    private FrameworkID frameworkId;

    private SchedulerSession(HttpClient client, URI uri, String mediaType, Call subscribe) {
        this.uri = uri;
        this.mediaType = mediaType;
        this.records = new RecordStream<>(this::decode);
        this.stream = client.stream("POST", uri, HttpHeaders.of("Content-Type", mediaType, "Accept", mediaType),
                encode(subscribe), records);
    }

    /** Subscribes with {@code info} ({@code id} set to resubscribe) in {@code mediaType}. */
    static SchedulerSession subscribe(HttpClient client, URI uri, String mediaType, FrameworkInfo info) {
        Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE)
                .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(info));
        if (info.hasId()) {
            call.setFrameworkId(info.getId());
        }
        return new SchedulerSession(client, uri, mediaType, call.build());
    }

    /** A framework named {@code name} run by user {@code test}, with the given capabilities. */
    static FrameworkInfo framework(String name, FrameworkInfo.Capability.Type... capabilities) {
        FrameworkInfo.Builder info = FrameworkInfo.newBuilder().setUser("test").setName(name);
        for (FrameworkInfo.Capability.Type type : capabilities) {
            info.addCapabilities(FrameworkInfo.Capability.newBuilder().setType(type));
        }
        return info.build();
    }

    /** Waits for SUBSCRIBED (then the immediate HEARTBEAT) and returns the framework id. */
    FrameworkID subscribed() throws Exception {
        assertEquals(200, records.status().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        Event first = next(WAIT);
        assertEquals(Event.Type.SUBSCRIBED, first.getType(), () -> "first event: " + first);
        assertEquals(Event.Type.HEARTBEAT, next(WAIT).getType(), "the event after SUBSCRIBED");
        frameworkId = first.getSubscribed().getFrameworkId();
        return frameworkId;
    }

    FrameworkID id() {
        return frameworkId;
    }

    String streamId() throws Exception {
        return records.headers().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).first("Mesos-Stream-Id").orElseThrow();
    }

    HttpHeaders headers() throws Exception {
        return records.headers().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    int status() throws Exception {
        return records.status().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event; fails the test if none arrives in time. */
    Event next(Duration timeout) throws InterruptedException {
        Event event = records.events().poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            fail("No event within " + timeout.toMillis() + " ms; problems: " + records.problems() + ", ended: "
                    + records.ended().getNow("no"));
        }
        return event;
    }

    /** The next event of {@code type}, skipping heartbeats; fails on any other event. */
    Event next(Event.Type type) throws InterruptedException {
        Event event;
        do {
            event = next(WAIT);
        } while (event.getType() == Event.Type.HEARTBEAT && type != Event.Type.HEARTBEAT);
        assertEquals(type, event.getType(), "event " + event);
        return event;
    }

    /** The offer of the next OFFERS event, which must hold exactly one. */
    Offer offer() throws InterruptedException {
        Event offers = next(Event.Type.OFFERS);
        assertEquals(1, offers.getOffers().getOffersCount(), () -> "offers " + offers);
        return offers.getOffers().getOffers(0);
    }

    /** The next event other than a heartbeat within {@code timeout}, if any. */
    Optional<Event> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = records.events().poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null || event.getType() != Event.Type.HEARTBEAT) {
                return Optional.ofNullable(event);
            }
        }
    }

    /** Every event received and not yet taken. */
    List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        records.events().drainTo(drained);
        return drained;
    }

    /** Makes a call for this framework with its stream id; returns the response. */
    java.net.http.HttpResponse<byte[]> call(Call.Builder call) throws Exception {
        Call built = call.setFrameworkId(frameworkId).build();
        return Http.post(uri, encode(built), "Content-Type", mediaType, "Mesos-Stream-Id", streamId());
    }

    /** Makes a call that must be accepted (202). */
    void accepted(Call.Builder call) throws Exception {
        var response = call(call);
        assertEquals(202, response.statusCode(), () -> Http.text(response));
    }

    String awaitEnd() throws Exception {
        return records.ended().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<String> problems() {
        return records.problems();
    }

    private byte[] encode(Call call) {
        return mediaType.equals(Http.PROTOBUF) ? call.toByteArray() : JsonCodec.encode(call);
    }

    private Event decode(byte[] record) throws JsonCodecException, InvalidProtocolBufferException {
        return mediaType.equals(Http.PROTOBUF) ? Event.parseFrom(record)
                : JsonCodec.decode(record, Event.newBuilder()).build();
    }

    /** Drops the connection, as a framework that dies does. */
    @Override
    public void close() {
        stream.cancel(true);
    }
}
