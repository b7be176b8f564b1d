package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpServerTest extends ServerTestSupport {

    @Test
    void bindsAnEphemeralPort() throws Exception {
        HttpServer server = start(pingAndEcho());
        assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        assertTrue(server.address().getPort() > 0);
        assertServes(server);
    }

    @Test
    void bindConflictIsReportedClearly() throws Exception {
        HttpServer first = start(pingAndEcho());
        int port = first.address().getPort();
        HttpServerException e = assertThrows(HttpServerException.class, () -> HttpServer.start(transport,
                new InetSocketAddress("127.0.0.1", port), pingAndEcho(), HttpServerOptions.defaults()));
        assertEquals("Failed to bind 127.0.0.1:" + port + ": Address already in use", e.getMessage());
    }

    @Test
    void passesMethodPathQueryHeadersAndBody() throws Exception {
        HttpServer server = start(pingAndEcho());
        HttpResponse.FullResponse response = await(client.send("POST", uri(server, "/echo?a=1&b=x%20y&a=2"),
                HttpHeaders.of("X-Test", "hello", "Content-Type", "application/json"), utf8("{\"k\":\"v\"}")));
        assertEquals(200, response.status());
        assertEquals("text/plain; charset=utf-8", response.contentType());
        assertEquals("POST /echo {a=[1, 2], b=[x y]} {\"k\":\"v\"}", response.bodyText());
        assertEquals("hello", response.headers().first("x-echo").orElseThrow());
        assertEquals(String.valueOf(response.body().length), response.headers().first("Content-Length").orElseThrow());
    }

    @Test
    void unknownPathAndWrongMethodAreAnsweredByTheRouter() throws Exception {
        HttpServer server = start(pingAndEcho());
        HttpResponse.FullResponse missing = await(client.send("GET", uri(server, "/missing")));
        assertEquals(404, missing.status());
        HttpResponse.FullResponse wrongMethod = await(client.send("DELETE", uri(server, "/echo")));
        assertEquals(405, wrongMethod.status());
        assertEquals("GET, POST", wrongMethod.headers().first("Allow").orElseThrow());
    }

    @Test
    void handlerFailuresBecomePlain500WithoutDetails() throws Exception {
        Router router = Router.builder()
                .route("GET", "/throws", request -> {
                    throw new IllegalStateException("secret detail");
                })
                .route("GET", "/fails", request -> CompletableFuture.failedFuture(new RuntimeException("secret")))
                .route("GET", "/null", request -> null)
                .route("GET", "/ping", request -> done(HttpResponse.text(200, "pong")))
                .build();
        HttpServer server = start(router);
        for (String path : new String[] {"/throws", "/fails", "/null"}) {
            HttpResponse.FullResponse response = await(client.send("GET", uri(server, path)));
            assertEquals(500, response.status(), path);
            assertEquals("text/plain; charset=utf-8", response.contentType(), path);
            assertEquals("Internal server error", response.bodyText(), path);
        }
        assertServes(server);
    }

    @Test
    void responsesMayCompleteOnAnotherThread() throws Exception {
        HttpServer server = start(request -> CompletableFuture.supplyAsync(() -> HttpResponse.empty(202),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)));
        HttpResponse.FullResponse response = await(client.send("POST", uri(server, "/api/v1/scheduler")));
        assertEquals(202, response.status());
        assertEquals(0, response.body().length);
        assertNull(response.contentType());
    }

    @Test
    void bodyOverTheLimitIs413AndTheServerKeepsServing() throws Exception {
        HttpServer server = start(pingAndEcho(), HttpServerOptions.defaults().withMaxBodyBytes(1024));
        HttpResponse.FullResponse tooLarge = await(client.send("POST", uri(server, "/echo"), HttpHeaders.empty(),
                new byte[1025]));
        assertEquals(413, tooLarge.status());
        assertEquals("Request body exceeds the limit of 1024 bytes", tooLarge.bodyText());
        HttpResponse.FullResponse atLimit = await(client.send("POST", uri(server, "/echo"), HttpHeaders.empty(),
                new byte[1024]));
        assertEquals(200, atLimit.status());
        assertServes(server);
    }

    @Test
    void expectContinueIsRefusedUpFrontWhenTheBodyIsTooLarge() throws Exception {
        HttpServer server = start(pingAndEcho(), HttpServerOptions.defaults().withMaxBodyBytes(1024));
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
            RawConnection.Response response = connection.readResponse();
            assertEquals(413, response.status());
            assertEquals("close", response.header("Connection"));
            assertTrue(connection.awaitClosedByServer());
        }
        assertServes(server);
    }

    @Test
    void expectContinueWithinTheLimitGets100ThenTheResponse() throws Exception {
        HttpServer server = start(pingAndEcho());
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, connection.readHead().status());
            connection.send("hello");
            RawConnection.Response response = connection.readResponse();
            assertEquals(200, response.status());
            assertEquals("POST /echo {} hello", response.bodyText());
        }
    }

    @Test
    void keepsConnectionsAliveAcrossRequests() throws Exception {
        HttpServer server = start(pingAndEcho());
        try (RawConnection connection = RawConnection.open(server.address())) {
            for (int i = 0; i < 3; i++) {
                connection.send("GET /echo?i=" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
                RawConnection.Response response = connection.readResponse();
                assertEquals("GET /echo {i=[" + i + "]} ", response.bodyText());
                assertNull(response.header("Connection"));
            }
            connection.send("GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawConnection.Response last = connection.readResponse();
            assertEquals("close", last.header("Connection"));
            assertTrue(connection.awaitClosedByServer());
        }
    }

    @Test
    void http10ClientsGetCloseUnlessTheyAskForKeepAlive() throws Exception {
        HttpServer server = start(pingAndEcho());
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("GET /ping HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertEquals("keep-alive", connection.readResponse().header("Connection"));
            connection.send("GET /ping HTTP/1.0\r\n\r\n");
            RawConnection.Response response = connection.readResponse();
            assertEquals("pong", response.bodyText());
            assertEquals("close", response.header("Connection"));
            assertTrue(connection.awaitClosedByServer());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInRequestOrder() throws Exception {
        // Request i takes (5 - i) * 40 ms: the earliest request is the slowest, yet its response comes first.
        HttpServer server = start(request -> {
            int i = Integer.parseInt(request.queryParameter("i").orElseThrow());
            return CompletableFuture.supplyAsync(() -> HttpResponse.text(200, "response " + i),
                    CompletableFuture.delayedExecutor((5 - i) * 40L, TimeUnit.MILLISECONDS));
        });
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            requests.append("GET /slow?i=").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send(requests.toString());
            for (int i = 0; i < 5; i++) {
                assertEquals("response " + i, connection.readResponse().bodyText());
            }
        }
    }

    @Test
    void handlerMayAskToCloseTheConnection() throws Exception {
        HttpServer server = start(request -> done(HttpResponse.text(503, "leaving").withHeader("Connection", "close")));
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("GET /x HTTP/1.1\r\nHost: x\r\n\r\n");
            RawConnection.Response response = connection.readResponse();
            assertEquals(503, response.status());
            assertEquals("close", response.header("Connection"));
            assertTrue(connection.awaitClosedByServer());
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        HttpServer server = start(pingAndEcho(), HttpServerOptions.defaults().withIdleTimeout(Duration.ofMillis(200)));
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, connection.readResponse().status());
            assertTrue(connection.awaitClosedByServer());
        }
    }

    @Test
    void idleTimeoutDoesNotCutASlowHandler() throws Exception {
        HttpServer server = start(request -> CompletableFuture.supplyAsync(() -> HttpResponse.text(200, "late"),
                CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS)),
                HttpServerOptions.defaults().withIdleTimeout(Duration.ofMillis(200)));
        assertEquals("late", await(client.send("GET", uri(server, "/slow"))).bodyText());
    }

    @Test
    void jsonpEndToEnd() throws Exception {
        HttpServer server = start(Router.builder()
                .route("GET", Jsonp.wrap(request -> done(HttpResponse.json(utf8("{\"a\":1}")))), "/state", "/master/state")
                .build());
        HttpResponse.FullResponse response = await(client.send("GET", uri(server, "/master/state?jsonp=JSON_CALLBACK")));
        assertEquals("text/javascript", response.contentType());
        assertEquals("/**/JSON_CALLBACK({\"a\":1});", response.bodyText());
        assertEquals(400, await(client.send("GET", uri(server, "/state?jsonp=x%3Dalert(1)"))).status());
        assertEquals("application/json", await(client.send("GET", uri(server, "/state"))).contentType());
    }

    @Test
    void closeFinishesInFlightResponsesThenStopsAccepting() throws Exception {
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        CompletableFuture<HttpResponse> pending = new CompletableFuture<>();
        HttpServer server = HttpServer.start(transport, new InetSocketAddress("127.0.0.1", 0), request -> {
            arrived.complete(null);
            return pending;
        }, HttpServerOptions.defaults().withShutdownGracePeriod(Duration.ofSeconds(3)));
        CompletableFuture<HttpResponse.FullResponse> inFlight = client.send("GET", uri(server, "/x"));
        await(arrived);
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)
                .execute(() -> pending.complete(HttpResponse.text(200, "finished")));
        server.close();
        HttpResponse.FullResponse response = await(inFlight);
        assertEquals("finished", response.bodyText());
        assertEquals("close", response.headers().first("Connection").orElseThrow());
        HttpClientException refused = (HttpClientException) assertThrows(Exception.class,
                () -> await(client.send("GET", uri(server, "/x")))).getCause();
        assertEquals(HttpClientException.Reason.CONNECT_FAILED, refused.reason());
    }
}
