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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a master's HTTP API on 127.0.0.1, built on the JDK's HTTP server, for clients such as the console.
 * Each path answers with the reply set for it last, any other path with the default reply (at first 404): a canned
 * body, an error, a Mesos-style redirect, or a <em>stream</em> that stays open and carries the RecordIO records the
 * test {@linkplain #send sends} until the test {@linkplain #endStreams ends} it. It records what it received, can
 * {@linkplain #requireCredentials require HTTP basic credentials} as a master with HTTP authentication does, and
 * can stop and listen again on the same port to play a master going down and coming back.
 *
 * <p>Every method may be called from any thread while clients are connected; a request sees the replies set before
 * it arrived. {@link #close()} stops the server, ends the streams and interrupts delayed answers.
 */
public final class FakeMaster implements AutoCloseable {

    /** One canned HTTP reply; {@code location} is null unless the reply redirects; a stream has no body. */
    public record Reply(int status, String contentType, String body, String location, boolean streamed) {

        /** 200 with this JSON body. */
        public static Reply json(String body) {
            return new Reply(200, "application/json", body, null, false);
        }

        /** This status with a plain-text body. */
        public static Reply status(int status, String text) {
            return new Reply(status, "text/plain", text, null, false);
        }

        /** A Mesos-style 307 to the same path on the master at {@code leader}. */
        public static Reply redirectTo(URI leader, String path) {
            return new Reply(307, "text/plain", "", "//" + leader.getRawAuthority() + path, false);
        }

        /** 200 with a chunked JSON RecordIO stream that stays open. */
        public static Reply stream() {
            return new Reply(200, "application/json", "", null, true);
        }
    }

    /** One request as received; headers that were not sent are null. */
    public record Received(String method, String path, String contentType, String accept, String authorization,
            String body) {
    }

    private int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    /** Guards streams: a stream is registered before its client can see it open, so a record sent then reaches it. */
    private final Object streamLock = new Object();
    private final Map<String, List<OutputStream>> streams = new ConcurrentHashMap<>();
    private final Map<String, Integer> streamsOpened = new ConcurrentHashMap<>();
    private volatile Reply defaultReply = Reply.status(404, "No such endpoint");
    private volatile Duration answerDelay = Duration.ZERO;
    /** The Authorization header every request must carry; null: none needed. */
    private volatile String requiredAuthorization;
    private HttpServer server;
    private ExecutorService handlers;

    private FakeMaster() throws IOException {
        listen();
    }

    /** A fake master listening on a free port of 127.0.0.1, answering 404 everywhere. */
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

    /** Answers requests for {@code path} with {@code reply} from now on. */
    public void answer(String path, Reply reply) {
        replies.put(path, reply);
    }

    /** Answers requests for paths without a reply of their own with {@code reply} from now on. */
    public void answerOtherPaths(Reply reply) {
        defaultReply = reply;
    }

    /**
     * From now on answers every request that does not carry HTTP basic credentials {@code user}:{@code password}
     * with {@code 401 Unauthorized} and {@code WWW-Authenticate: Basic realm="mesos"}, as a Mesos master with HTTP
     * authentication does.
     */
    public void requireCredentials(String user, String password) {
        requiredAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Holds every answer back this long from now on (to play a master that hangs). */
    public void delayAnswers(Duration delay) {
        answerDelay = delay;
    }

    /**
     * How many streams of {@code path} were opened so far, ended or not. A stream counts once it can carry
     * records, before its client sees it open.
     */
    public int streamsOpened(String path) {
        return streamsOpened.getOrDefault(path, 0);
    }

    /**
     * Sends {@code json} as one RecordIO record, in one chunk, on every open stream of {@code path}; a stream whose
     * client went away is dropped.
     */
    public void send(String path, String json) {
        sendRaw(path, frame(json));
    }

    /** Sends {@code bytes} as they are (a broken record, say) on every open stream of {@code path}. */
    public void sendRaw(String path, byte[] bytes) {
        synchronized (streamLock) {
            for (OutputStream stream : streams.getOrDefault(path, List.of())) {
                try {
                    stream.write(bytes);
                    stream.flush();
                } catch (IOException clientGone) {
                    dropStream(path, stream);
                }
            }
        }
    }

    /** Ends every open stream of {@code path} as a master does when it stops serving it. */
    public void endStreams(String path) {
        synchronized (streamLock) {
            for (OutputStream stream : streams.getOrDefault(path, List.of())) {
                dropStream(path, stream);
            }
        }
    }

    /** The requests received so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests received so far for {@code path}, oldest first. */
    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Stops listening and ends the streams; the port is kept for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            streams.keySet().forEach(this::endStreams);
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

    /** RecordIO framing: the length in bytes, a newline, the record. */
    public static byte[] frame(String json) {
        byte[] record = json.getBytes(StandardCharsets.UTF_8);
        byte[] header = (record.length + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[header.length + record.length];
        System.arraycopy(header, 0, framed, 0, header.length);
        System.arraycopy(record, 0, framed, header.length, record.length);
        return framed;
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
        String path = exchange.getRequestURI().getPath();
        try (InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Thread.sleep(answerDelay.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        String required = requiredAuthorization;
        if (required != null && !required.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            try (exchange) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"mesos\"");
                exchange.sendResponseHeaders(401, -1);
            }
            return;
        }
        Reply current = replies.getOrDefault(path, defaultReply);
        exchange.getResponseHeaders().set("Content-Type", current.contentType());
        if (current.location() != null) {
            exchange.getResponseHeaders().set("Location", current.location());
        }
        if (current.streamed()) {
            // Chunked; the exchange stays open for send() until endStreams() or stop().
            synchronized (streamLock) {
                exchange.sendResponseHeaders(200, 0);
                OutputStream body = exchange.getResponseBody();
                // The server holds the head back until the body is flushed: the client must see the stream open.
                body.flush();
                streams.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>()).add(body);
                streamsOpened.merge(path, 1, Integer::sum);
            }
            return;
        }
        try (exchange) {
            byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void dropStream(String path, OutputStream stream) {
        streams.getOrDefault(path, List.of()).remove(stream);
        try {
            stream.close();
        } catch (IOException alreadyGone) {
            // the client went away first
        }
    }

    @Override
    public void close() {
        stop();
    }
}
