package org.meseta.console.ui.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.meseta.console.core.MasterAddress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a master's {@code POST /api/v1} on 127.0.0.1 that answers every request with the
 * JSON set last; it can stop and start again on the same port. (console.core's tests have a
 * fuller one; test code cannot be shared between the two bundles.)
 */
public final class FakeMaster implements AutoCloseable {

    private volatile String answer = AgentsJson.getAgents();
    private int port;
    private HttpServer server;

    private FakeMaster() throws IOException {
        listen();
    }

    /** A fake master on a free port, answering with no agents. */
    public static FakeMaster start() throws IOException {
        return new FakeMaster();
    }

    public synchronized MasterAddress address() {
        return new MasterAddress("127.0.0.1", port);
    }

    /** Answers with 200 and this JSON from now on. */
    public void answer(String json) {
        answer = json;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void restart() throws IOException {
        if (server == null) {
            listen();
        }
    }

    private synchronized void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/api/v1", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
