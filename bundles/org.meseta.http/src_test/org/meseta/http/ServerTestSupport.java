package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A transport, a client and servers on 127.0.0.1 with ephemeral ports, all closed after each test. */
abstract class ServerTestSupport {

    static final long WAIT_SECONDS = 5;

    HttpTransport transport;
    HttpClient client;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    @BeforeEach
    void createTransport() {
        transport = HttpTransport.create("test-http", 2);
        client = new HttpClient(transport, HttpClientOptions.defaults().withResponseTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!toClose.isEmpty()) {
            toClose.pop().close();
        }
        client.close();
        transport.close();
    }

    HttpServer start(HttpHandler handler) throws HttpServerException {
        return start(handler, HttpServerOptions.defaults());
    }

    HttpServer start(HttpHandler handler, HttpServerOptions options) throws HttpServerException {
        HttpServer server = HttpServer.start(transport, new InetSocketAddress("127.0.0.1", 0), handler, options);
        toClose.push(server);
        return server;
    }

    static URI uri(HttpServer server, String target) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + target);
    }

    static <T> T await(CompletableFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static CompletionStage<HttpResponse> done(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Answers {@code <method> <path> <query> <body>} as text, plus the X-Test request header echoed back. */
    static HttpHandler echo() {
        return request -> done(HttpResponse.text(200, request.method() + " " + request.path() + " "
                + request.query() + " " + new String(request.body(), StandardCharsets.UTF_8))
                .withHeader("X-Echo", request.header("X-Test").orElse("-")));
    }

    /** A router with {@code GET /ping} and {@code GET|POST /echo}. */
    static Router pingAndEcho() {
        return Router.builder()
                .route("GET", "/ping", request -> done(HttpResponse.text(200, "pong")))
                .route("GET", echo(), "/echo")
                .route("POST", echo(), "/echo")
                .build();
    }

    /** The server still answers a fresh connection. */
    void assertServes(HttpServer server) throws Exception {
        HttpResponse.FullResponse response = await(client.send("GET", uri(server, "/ping")));
        assertEquals(200, response.status());
        assertEquals("pong", response.bodyText());
    }
}
