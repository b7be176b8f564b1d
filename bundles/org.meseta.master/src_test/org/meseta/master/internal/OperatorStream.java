package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.InvalidProtocolBufferException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Event;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.testing.Http;

/**
 * An operator subscribed to the master's event stream ({@code SUBSCRIBE} on {@code /api/v1}) in JSON or protobuf:
 * collects the events, checking that every HTTP chunk carries exactly one RecordIO record.
 */
final class OperatorStream implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordStream<Event> records;
    private final CompletableFuture<Void> stream;
    private final String mediaType;

    OperatorStream(HttpClient client, URI uri, String mediaType) {
        this.mediaType = mediaType;
        Call subscribe = Call.newBuilder().setType(Call.Type.SUBSCRIBE).build();
        this.records = new RecordStream<>(this::decode);
        this.stream = client.stream("POST", uri, HttpHeaders.of("Content-Type", mediaType, "Accept", mediaType),
                mediaType.equals(Http.PROTOBUF) ? subscribe.toByteArray() : JsonCodec.encode(subscribe),
                records);
    }

    /** Checks the response head and returns the first event, which must be SUBSCRIBED. */
    Event.Subscribed subscribed() throws Exception {
        assertEquals(200, records.status().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(mediaType, records.headers().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).first("Content-Type")
                .orElseThrow());
        Event first = next(WAIT);
        assertEquals(Event.Type.SUBSCRIBED, first.getType(), () -> "first event: " + first);
        return first.getSubscribed();
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

    /** The next event other than a heartbeat, which must be of {@code type}. */
    Event next(Event.Type type) throws InterruptedException {
        Event event;
        do {
            event = next(WAIT);
        } while (event.getType() == Event.Type.HEARTBEAT && type != Event.Type.HEARTBEAT);
        assertEquals(type, event.getType(), "event " + event);
        return event;
    }

    /** How the stream ended ({@code "end"} when the master closed it). */
    String awaitEnd() throws Exception {
        return records.ended().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isEnded() {
        return records.ended().isDone();
    }

    List<String> problems() {
        return records.problems();
    }

    private Event decode(byte[] record) throws JsonCodecException, InvalidProtocolBufferException {
        return mediaType.equals(Http.PROTOBUF) ? Event.parseFrom(record)
                : JsonCodec.decode(record, Event.newBuilder()).build();
    }

    /** Drops the connection, as an operator tool that exits does. */
    @Override
    public void close() {
        stream.cancel(true);
    }
}
