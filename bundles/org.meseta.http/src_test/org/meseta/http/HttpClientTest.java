package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.testing.Ports;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpClientTest extends ServerTestSupport {

    private static HttpClientException failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(future));
        return assertInstanceOf(HttpClientException.class, e.getCause());
    }

    private static int serveOnce(String reply) throws IOException {
        return serveOnce(reply, new CompletableFuture<>());
    }

    /**
     * Accepts one connection, reads the request head (handed to {@code head}), writes {@code reply} verbatim and
     * closes.
     */
    private static int serveOnce(String reply, CompletableFuture<String> head) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (listener; Socket socket = listener.accept()) {
                socket.setSoTimeout(5000);
                head.complete(readHead(socket.getInputStream()));
                socket.getOutputStream().write(reply.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                head.completeExceptionally(e);
            }
        });
        return listener.getLocalPort();
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the request head");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void requestCarriesHostContentLengthAndCallerHeaders() throws Exception {
        CompletableFuture<String> head = new CompletableFuture<>();
        int port = serveOnce("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", head);
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/scheduler?x=%2F");
        HttpResponse.FullResponse response = await(client.send("POST", uri,
                HttpHeaders.of("Content-Type", "application/json", "Mesos-Stream-Id", "s-1", "Content-Length", "99"),
                utf8("{}")));
        assertEquals(202, response.status());
        assertEquals("POST /api/v1/scheduler?x=%2F HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Mesos-Stream-Id: s-1\r\nhost: 127.0.0.1:" + port + "\r\ncontent-length: 2\r\n\r\n",
                await(head));
    }

    @Test
    void requestsOneAfterAnotherShareAKeepAliveConnection() throws Exception {
        List<Integer> peerPorts = new CopyOnWriteArrayList<>();
        HttpServer server = start(request -> {
            peerPorts.add(request.remoteAddress().getPort());
            return done(HttpResponse.text(200, "ok"));
        });

        for (int i = 0; i < 5; i++) {
            assertEquals(200, await(client.send("POST", uri(server, "/call"), HttpHeaders.empty(), utf8("x"))).status());
        }

        assertEquals(1, Set.copyOf(peerPorts).size(), () -> "connections from ports " + peerPorts);
    }

    @Test
    void aConnectionTheServerSaidItClosesIsNotReused() throws Exception {
        ServerSocket listener = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            // The first connection says "Connection: close" but stays open: a request sent on it again never
            // gets an answer. The second connection answers.
            try (listener; Socket first = listener.accept()) {
                readHead(first.getInputStream());
                first.getOutputStream().write(utf8("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close"
                        + "\r\n\r\nfirst"));
                try (Socket second = listener.accept()) {
                    readHead(second.getInputStream());
                    second.getOutputStream().write(utf8("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond"));
                    done.get(WAIT_SECONDS, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");

        assertEquals("first", await(client.send("GET", uri)).bodyText());
        assertEquals("second", await(client.send("GET", uri)).bodyText());
        done.complete(null);
    }

    @Test
    void aStreamHasAConnectionOfItsOwnClosedAtItsEnd() throws Exception {
        CompletableFuture<String> head = new CompletableFuture<>();
        int port = serveOnce("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", head);

        await(client.stream("POST", URI.create("http://127.0.0.1:" + port + "/s"), HttpHeaders.empty(), utf8("{}"),
                new RecordingListener()));

        assertTrue(await(head).contains("connection: close\r\n"), () -> "head: " + head);
    }

    @Test
    void bodilessGetHasNoContentLength() throws Exception {
        CompletableFuture<String> head = new CompletableFuture<>();
        int port = serveOnce("HTTP/1.1 204 No Content\r\n\r\n", head);
        assertEquals(204, await(client.send("GET", URI.create("http://127.0.0.1:" + port))).status());
        assertEquals("GET / HTTP/1.1\r\nhost: 127.0.0.1:" + port + "\r\n\r\n", await(head));
    }

    @Test
    void connectionRefusedFailsClearly() throws Exception {
        int port = Ports.free(); // nothing listens there
        HttpClientException failure = failureOf(client.send("POST", URI.create("http://127.0.0.1:" + port + "/api/v1"),
                HttpHeaders.empty(), utf8("{}")));
        assertEquals(HttpClientException.Reason.CONNECT_FAILED, failure.reason());
        String prefix = "POST http://127.0.0.1:" + port + "/api/v1: cannot connect to 127.0.0.1:" + port + ": ";
        assertTrue(failure.getMessage().startsWith(prefix), failure.getMessage());
        assertTrue(failure.getMessage().contains("Connection refused"), failure.getMessage());
    }

    @Test
    void responseTimeoutFailsTheRequest() throws Exception {
        CompletableFuture<HttpResponse> never = new CompletableFuture<>();
        HttpServer server = start(request -> never);
        try (HttpClient impatient = new HttpClient(transport,
                HttpClientOptions.defaults().withResponseTimeout(Duration.ofMillis(300)))) {
            HttpClientException failure = failureOf(impatient.send("GET", uri(server, "/hang")));
            assertEquals(HttpClientException.Reason.TIMEOUT, failure.reason());
            assertEquals("GET " + uri(server, "/hang") + ": no response within 300 ms", failure.getMessage());
        } finally {
            never.complete(HttpResponse.empty(204)); // so that closing the server need not wait for it
        }
    }

    @Test
    void redirectsAreReturnedNotFollowed() throws Exception {
        HttpServer server = start(request -> done(HttpResponse.redirect(307, "//leader:5050/master/state")));
        HttpResponse.FullResponse response = await(client.send("GET", uri(server, "/master/state")));
        assertEquals(307, response.status());
        assertEquals("//leader:5050/master/state", response.headers().first("Location").orElseThrow());
    }

    @Test
    void responseOverTheLimitFails() throws Exception {
        HttpServer server = start(request -> done(HttpResponse.ok(MediaTypes.APPLICATION_OCTET_STREAM, new byte[100])));
        try (HttpClient small = new HttpClient(transport, HttpClientOptions.defaults().withMaxBodyBytes(16))) {
            assertEquals(HttpClientException.Reason.RESPONSE_TOO_LARGE,
                    failureOf(small.send("GET", uri(server, "/big"))).reason());
        }
    }

    @Test
    void connectionClosedBeforeTheResponseFails() throws Exception {
        int port = serveOnce("");
        HttpClientException failure = failureOf(client.send("GET", URI.create("http://127.0.0.1:" + port + "/x")));
        assertEquals(HttpClientException.Reason.CONNECTION_CLOSED, failure.reason());
    }

    @Test
    void garbageResponseFails() throws Exception {
        int port = serveOnce("SSH-2.0-OpenSSH_9.6\r\n\r\n");
        HttpClientException failure = failureOf(client.send("GET", URI.create("http://127.0.0.1:" + port + "/x")));
        assertEquals(HttpClientException.Reason.INVALID_RESPONSE, failure.reason());
    }

    @Test
    void bodyDelimitedByCloseIsAccepted() throws Exception {
        int port = serveOnce("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nuntil the end");
        HttpResponse.FullResponse response = await(client.send("GET", URI.create("http://127.0.0.1:" + port + "/")));
        assertEquals("until the end", response.bodyText());
        assertEquals("text/plain", response.contentType());
    }

    @Test
    void closingTheClientFailsOutstandingAndLaterRequests() throws Exception {
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        CompletableFuture<HttpResponse> never = new CompletableFuture<>();
        HttpServer server = start(request -> {
            arrived.complete(null);
            return never;
        });
        HttpClient closing = new HttpClient(transport, HttpClientOptions.defaults());
        CompletableFuture<HttpResponse.FullResponse> outstanding = closing.send("GET", uri(server, "/hang"));
        await(arrived);
        closing.close();
        assertEquals(HttpClientException.Reason.CLIENT_CLOSED, failureOf(outstanding).reason());
        assertEquals(HttpClientException.Reason.CLIENT_CLOSED,
                failureOf(closing.send("GET", uri(server, "/hang"))).reason());
        never.complete(HttpResponse.empty(204));
    }

    @Test
    void rejectsUnsupportedArguments() {
        assertThrows(IllegalArgumentException.class, () -> client.send("GET", URI.create("https://leader:5050/")));
        assertThrows(IllegalArgumentException.class, () -> client.send("GET", URI.create("/relative")));
        assertThrows(IllegalArgumentException.class, () -> client.send("get", URI.create("http://leader:5050/")));
    }

    @Test
    void streamConnectFailureReachesTheListener() throws Exception {
        int port = Ports.free(); // nothing listens there
        RecordingListener listener = new RecordingListener();
        CompletableFuture<Void> done = client.stream("POST", URI.create("http://127.0.0.1:" + port + "/api/v1"),
                HttpHeaders.empty(), utf8("{}"), listener);
        assertEquals(HttpClientException.Reason.CONNECT_FAILED, failureOf(done).reason());
        assertEquals("failure HttpClientException", listener.next());
    }

    @Test
    void nonStreamingErrorResponsesArriveThroughTheListener() throws Exception {
        HttpServer server = start(request -> done(HttpResponse.text(400, "Expecting 'framework_id' to be present")));
        RecordingListener listener = new RecordingListener();
        CompletableFuture<Void> done = client.stream("POST", uri(server, "/api/v1/scheduler"), HttpHeaders.empty(),
                utf8("{}"), listener);
        assertEquals("status 400", listener.next());
        assertEquals("chunk Expecting 'framework_id' to be present", listener.next());
        assertEquals("end", listener.next());
        await(done);
    }
}
