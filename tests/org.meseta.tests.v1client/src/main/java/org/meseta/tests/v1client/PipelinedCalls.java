package org.meseta.tests.v1client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Scheduler calls sent one after another on one keep-alive HTTP/1.1 connection without waiting for each answer
 * (pipelining), the way a busy framework keeps up with thousands of acknowledgements; answers come back in order
 * and complete each call's future with its status code. At most {@code window} calls wait for their answer.
 * Thread-safe.
 */
public final class PipelinedCalls implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String head;
    private final Wire wire;
    private final FrameworkID frameworkId;
    private final Semaphore window;
    private final ConcurrentLinkedQueue<CompletableFuture<Integer>> waiting = new ConcurrentLinkedQueue<>();

    private PipelinedCalls(Socket socket, String master, Wire wire, FrameworkID frameworkId, String streamId,
            int window) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.in = new BufferedInputStream(socket.getInputStream());
        this.head = "POST /api/v1/scheduler HTTP/1.1\r\nHost: " + master + "\r\nContent-Type: " + wire.mediaType()
                + "\r\nAccept: " + wire.mediaType() + "\r\nMesos-Stream-Id: " + streamId + "\r\nContent-Length: ";
        this.wire = wire;
        this.frameworkId = frameworkId;
        this.window = new Semaphore(window);
        Thread.ofVirtual().name("pipelined-answers").start(this::readAnswers);
    }

    /** A connection to {@code master} ({@code host:port}) for the calls of {@code framework}'s current stream. */
    public static PipelinedCalls open(String master, SchedulerClient framework, int window) throws IOException {
        String[] hostPort = master.split(":");
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5000);
        return new PipelinedCalls(socket, master, framework.wire(), framework.id(), framework.streamId(), window);
    }

    /** Sends {@code call} for the framework; the future completes with the answer's status code. */
    public CompletableFuture<Integer> send(Call.Builder call) throws IOException, InterruptedException {
        byte[] body = wire.encode(call.setFrameworkId(frameworkId).build());
        window.acquire();
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        synchronized (out) {
            waiting.add(answer);
            out.write((head + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }
        return answer;
    }

    private void readAnswers() {
        try {
            while (true) {
                String status = line();
                int contentLength = 0;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Integer.parseInt(header.substring(15).trim());
                    }
                }
                in.skipNBytes(contentLength);
                window.release();
                CompletableFuture<Integer> answer = waiting.poll();
                if (answer != null) {
                    answer.complete(Integer.parseInt(status.split(" ")[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            waiting.forEach(answer -> answer.completeExceptionally(e));
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The master closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
