package org.meseta.agent.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny server on 127.0.0.1 at a free port for health checks to probe: it accepts TCP connections and answers each
 * HTTP request with the status last given to {@link #answer}, recording the request lines. {@link #close()} stops
 * listening, so that connections are refused.
 */
final class CheckTarget implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    private CheckTarget(ServerSocket server) {
        this.server = server;
    }

    static CheckTarget start() throws IOException {
        CheckTarget target = new CheckTarget(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().name("check-target").start(target::accept);
        return target;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The status of the answers from now on. */
    void answer(int newStatus) {
        status = newStatus;
    }

    /** The request lines received, e.g. {@code GET /health HTTP/1.1}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return; // a TCP check: connected and closed
            }
            requests.add(requestLine);
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                // the request's headers do not matter
            }
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 " + status + " Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // the check gave up; nothing to answer
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
