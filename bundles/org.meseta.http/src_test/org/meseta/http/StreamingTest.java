package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamingTest extends ServerTestSupport {

    private final CompletableFuture<ResponseStream> opened = new CompletableFuture<>();

    private HttpServer startStreaming(Consumer<ResponseStream> onOpen, HttpServerOptions options) throws Exception {
        return start(Router.builder()
                .route("GET", "/events", request -> done(HttpResponse.stream(200, MediaTypes.APPLICATION_JSON,
                        HttpHeaders.of("Mesos-Stream-Id", "stream-1"), onOpen)))
                .route("GET", "/ping", request -> done(HttpResponse.text(200, "pong")))
                .build(), options);
    }

    private HttpServer startStreaming() throws Exception {
        return startStreaming(opened::complete, HttpServerOptions.defaults());
    }

    @Test
    void eachWriteIsExactlyOneChunkOnTheWire() throws Exception {
        HttpServer server = startStreaming();
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            RawConnection.Head head = connection.readHead();
            assertEquals(200, head.status());
            assertTrue(head.isChunked());
            assertEquals("application/json", head.header("Content-Type"));
            assertEquals("stream-1", head.header("Mesos-Stream-Id"));
            assertNull(head.header("Content-Length"));

            ResponseStream stream = await(opened);
            stream.write(utf8("20\n{\"type\":\"SUBSCRIBED\"}"));
            stream.write(utf8("b"));
            stream.write(new byte[0]);
            stream.write(utf8("ccc"));
            stream.close();
            assertEquals("20\n{\"type\":\"SUBSCRIBED\"}", new String(connection.readChunk()));
            assertEquals("b", new String(connection.readChunk()));
            assertEquals("ccc", new String(connection.readChunk()));
            assertArrayEquals(new byte[0], connection.readChunk());
            await(stream.closeFuture());
            assertFalse(stream.isOpen());

            // The connection carries further requests once the stream has ended.
            connection.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("pong", connection.readResponse().bodyText());
        }
    }

    @Test
    void chunksWrittenInsideOnOpenFollowTheHead() throws Exception {
        HttpServer server = startStreaming(stream -> {
            stream.write(utf8("first"));
            stream.close();
        }, HttpServerOptions.defaults());
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            RawConnection.Response response = connection.readResponse();
            assertEquals(200, response.status());
            assertEquals(1, response.chunks().size());
            assertEquals("first", response.bodyText());
        }
    }

    @Test
    void clientReceivesEveryWriteAsItsOwnChunk() throws Exception {
        HttpServer server = startStreaming();
        RecordingListener listener = new RecordingListener();
        CompletableFuture<Void> done = client.stream("GET", uri(server, "/events"), HttpHeaders.empty(), new byte[0],
                listener);
        ResponseStream stream = await(opened);
        assertEquals("status 200", listener.next());
        assertEquals("stream-1", listener.headers.first("Mesos-Stream-Id").orElseThrow());
        for (int i = 0; i < 10; i++) {
            stream.write(utf8("record-" + i)); // back to back, without waiting
        }
        stream.close();
        for (int i = 0; i < 10; i++) {
            assertEquals("chunk record-" + i, listener.next());
        }
        assertEquals("end", listener.next());
        await(done);
    }

    @Test
    void clientDisconnectCompletesCloseFutureAndLaterWritesFail() throws Exception {
        HttpServer server = startStreaming();
        ResponseStream stream;
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, connection.readHead().status());
            stream = await(opened);
            await(stream.write(utf8("one")));
        }
        await(stream.closeFuture());
        assertFalse(stream.isOpen());
        CompletableFuture<Void> late = stream.write(utf8("two"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(late));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertServes(server);
    }

    @Test
    void writeAfterCloseFailsWithoutThrowing() throws Exception {
        HttpServer server = startStreaming();
        RecordingListener listener = new RecordingListener();
        client.stream("GET", uri(server, "/events"), HttpHeaders.empty(), new byte[0], listener);
        ResponseStream stream = await(opened);
        stream.close();
        stream.close(); // idempotent
        CompletableFuture<Void> write = stream.write(utf8("too late"));
        assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class, () -> await(write))
                .getCause());
        assertEquals("status 200", listener.next());
        assertEquals("end", listener.next());
    }

    @Test
    void cancellingTheClientStreamEndsTheServerStream() throws Exception {
        HttpServer server = startStreaming();
        RecordingListener listener = new RecordingListener();
        CompletableFuture<Void> done = client.stream("GET", uri(server, "/events"), HttpHeaders.empty(), new byte[0],
                listener);
        ResponseStream stream = await(opened);
        assertEquals("status 200", listener.next());
        done.cancel(true);
        await(stream.closeFuture());
        assertEquals("failure CancellationException", listener.next());
        assertInstanceOf(CancellationException.class, listener.failure);
    }

    @Test
    void failingOnOpenGives500() throws Exception {
        HttpServer server = startStreaming(stream -> {
            stream.write(utf8("never sent"));
            throw new IllegalStateException("boom");
        }, HttpServerOptions.defaults());
        HttpResponse.FullResponse response = await(client.send("GET", uri(server, "/events")));
        assertEquals(500, response.status());
        assertEquals("Internal server error", response.bodyText());
        assertServes(server);
    }

    @Test
    void serverCloseEndsOpenStreams() throws Exception {
        HttpServer server = startStreaming();
        RecordingListener listener = new RecordingListener();
        CompletableFuture<Void> done = client.stream("GET", uri(server, "/events"), HttpHeaders.empty(), new byte[0],
                listener);
        ResponseStream stream = await(opened);
        assertEquals("status 200", listener.next());
        server.close();
        await(stream.closeFuture());
        assertEquals("end", listener.next());
        await(done);
    }

    @Test
    void http10ClientsGetAnUnframedStreamEndedByClose() throws Exception {
        HttpServer server = startStreaming(stream -> {
            stream.write(utf8("abc"));
            stream.write(utf8("def"));
            stream.close();
        }, HttpServerOptions.defaults());
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("GET /events HTTP/1.0\r\n\r\n");
            RawConnection.Response response = connection.readResponse();
            assertNull(response.header("Transfer-Encoding"));
            assertEquals("abcdef", response.bodyText());
        }
    }

    @Test
    void aClientThatStopsReadingIsDropped() throws Exception {
        HttpServerOptions smallBacklog = new HttpServerOptions(1024, Duration.ZERO, 8192, 8192, 8, 256 * 1024,
                Duration.ofSeconds(1));
        HttpServer server = startStreaming(opened::complete, smallBacklog);
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n"); // and never read
            ResponseStream stream = await(opened);
            byte[] chunk = new byte[1024 * 1024];
            // The same array every time: the backlog is real bytes for the socket but costs the test no memory.
            for (int i = 0; i < 256 && !stream.closeFuture().isDone(); i++) {
                stream.write(chunk);
            }
            await(stream.closeFuture());
            assertFalse(stream.isOpen());
        }
        assertServes(server);
    }
}
