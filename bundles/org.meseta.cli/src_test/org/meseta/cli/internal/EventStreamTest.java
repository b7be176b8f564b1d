package org.meseta.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.recordio.RecordIO;
import org.meseta.http.HttpClientException;
import org.meseta.http.HttpHeaders;

/** How the response to SUBSCRIBE turns into signals, whatever the master answers and however it cuts its chunks. */
class EventStreamTest {

    private final List<StreamSignal> signals = new ArrayList<>();
    private final EventStream stream = new EventStream(ContentType.JSON, signals::add);

    @Test
    void eventsAreDecodedWhereverTheChunksAreCut() {
        byte[] both = concat(RecordIO.frame(JsonCodec.encode(SchedulerEvents.subscribed())),
                RecordIO.frame(JsonCodec.encode(SchedulerEvents.heartbeat())));

        stream.onResponse(200, HttpHeaders.of("Content-Type", "application/json", "Mesos-Stream-Id", "s-1"));
        stream.onChunk(Arrays.copyOfRange(both, 0, 7));
        stream.onChunk(Arrays.copyOfRange(both, 7, both.length));
        stream.onEnd();

        assertEquals(List.of(new StreamSignal.Opened("s-1"), new StreamSignal.Received(SchedulerEvents.subscribed()),
                new StreamSignal.Received(SchedulerEvents.heartbeat()), new StreamSignal.Ended()), signals);
    }

    @Test
    void aStreamWithoutAStreamIdIsBroken() {
        stream.onResponse(200, HttpHeaders.of("Content-Type", "application/json"));
        stream.onChunk(RecordIO.frame(JsonCodec.encode(SchedulerEvents.subscribed())));
        stream.onEnd();

        assertEquals(List.of(new StreamSignal.Broken("the master sent no Mesos-Stream-Id header")), signals);
    }

    @Test
    void eventsInAnotherEncodingThanAskedForAreRefused() {
        stream.onResponse(200, HttpHeaders.of("Content-Type", "application/x-protobuf", "Mesos-Stream-Id", "s-1"));

        StreamSignal.Broken broken = assertInstanceOf(StreamSignal.Broken.class, signals.get(0));
        assertTrue(broken.reason().contains("not as the application/json asked for"), broken.reason());
    }

    @Test
    void aRedirectNamesItsLocation() {
        stream.onResponse(307, HttpHeaders.of("Location", "//leader:5050/master/api/v1/scheduler"));
        stream.onEnd();

        assertEquals(List.of(new StreamSignal.Redirected("//leader:5050/master/api/v1/scheduler")), signals);
    }

    @Test
    void anErrorStatusCarriesTheMastersReasonOnOneLine() {
        stream.onResponse(503, HttpHeaders.of("Content-Type", "text/plain"));
        stream.onChunk("Master has not\nfinished recovery\n".getBytes(StandardCharsets.UTF_8));
        stream.onEnd();

        assertEquals(List.of(new StreamSignal.Refused(503, "Master has not finished recovery")), signals);
    }

    @Test
    void garbageInTheStreamBreaksItOnce() {
        stream.onResponse(200, HttpHeaders.of("Content-Type", "application/json", "Mesos-Stream-Id", "s-1"));
        stream.onChunk("5\nnope!".getBytes(StandardCharsets.UTF_8));
        stream.onChunk("x\n".getBytes(StandardCharsets.UTF_8));
        stream.onFailure(new HttpClientException(HttpClientException.Reason.CONNECTION_CLOSED, "closed", null));

        assertEquals(2, signals.size(), signals.toString());
        StreamSignal.Broken broken = assertInstanceOf(StreamSignal.Broken.class, signals.get(1));
        assertTrue(broken.reason().startsWith("undecodable event from the master: "), broken.reason());
    }

    @Test
    void aConnectionThatCannotBeMadeIsUnreachableWithTheRootCause() {
        stream.onFailure(new HttpClientException(HttpClientException.Reason.CONNECT_FAILED,
                "POST http://127.0.0.1:1/api/v1/scheduler: cannot connect", new ConnectException(
                        "Connection refused: /127.0.0.1:1")));

        assertEquals(List.of(new StreamSignal.Unreachable("Connection refused: /127.0.0.1:1")), signals);
    }

    @Test
    void aConnectionLostBeforeTheAnswerIsBroken() {
        stream.onFailure(new HttpClientException(HttpClientException.Reason.CONNECTION_CLOSED, "closed early", null));

        assertEquals(List.of(new StreamSignal.Broken("closed early")), signals);
    }

    @Test
    void aStreamCutInTheMiddleOfAnEventIsBroken() {
        stream.onResponse(200, HttpHeaders.of("Content-Type", "application/json", "Mesos-Stream-Id", "s-1"));
        stream.onChunk("40\n{\"type\"".getBytes(StandardCharsets.UTF_8));
        stream.onEnd();

        assertEquals(new StreamSignal.Broken("the stream ended in the middle of an event"), signals.getLast());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
