package org.meseta.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a master's operator API ({@code POST /api/v1}) on 127.0.0.1, built on the JDK's HTTP server:
 * it answers every request, whatever its path, with the canned reply set last (at first a {@code GET_AGENTS}
 * answer without agents), records what it received, and can stop and listen again on the same port to play a
 * master going down and coming back.
 *
 * <p>The setters may be called from any thread while clients are connected; a request sees the reply set
 * before it arrived. {@link #close()} stops the server and interrupts delayed answers.
 */
public final class FakeMaster implements AutoCloseable {

    /** One canned HTTP reply; {@code location} is null unless the reply redirects. */
    public record Reply(int status, String contentType, String body, String location) {
    }

    /** One request as received; headers that were not sent are null. */
    public record Received(String method, String path, String contentType, String accept, String body) {
    }

    private int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply reply = json(GetAgentsJson.getAgents());
    private volatile Duration answerDelay = Duration.ZERO;
    private HttpServer server;
    private ExecutorService handlers;

    private FakeMaster() throws IOException {
        listen();
    }

    /** A fake master listening on a free port of 127.0.0.1, answering with an empty agent list. */
    public static FakeMaster start() throws IOException {
        return new FakeMaster();
    }

    /** The port, which stays the same across {@link #stop()} and {@link #restart()}. */
    public synchronized int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, where a client finds this master. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Answers with 200 and this JSON body from now on. */
    public void answer(String json) {
        reply = json(json);
    }

    /** Answers with this status and plain-text body from now on. */
    public void answerStatus(int status, String text) {
        reply = new Reply(status, "text/plain", text, null);
    }

    /** Answers with a Mesos-style 307 to the operator API of the master at {@code leader} from now on. */
    public void redirectTo(URI leader) {
        reply = new Reply(307, "text/plain", "", "//" + leader.getRawAuthority() + "/api/v1");
    }

    /** Holds every answer back this long from now on (to play a master that hangs). */
    public void delayAnswers(Duration delay) {
        answerDelay = delay;
    }

    /** The requests received so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Stops listening; the port is kept for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            handlers.shutdownNow();
            server = null;
        }
    }

    /** Listens again on the same port (unless it is still listening). */
    public synchronized void restart() throws IOException {
        if (server == null) {
            listen();
        }
    }

    private synchronized void listen() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        // Handlers run off the dispatcher thread so that a delayed answer does not block stop().
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Thread.sleep(answerDelay.toMillis());
            Reply current = reply;
            byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", current.contentType());
            if (current.location() != null) {
                exchange.getResponseHeaders().set("Location", current.location());
            }
            exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static Reply json(String body) {
        return new Reply(200, "application/json", body, null);
    }

    @Override
    public void close() {
        stop();
    }
}
