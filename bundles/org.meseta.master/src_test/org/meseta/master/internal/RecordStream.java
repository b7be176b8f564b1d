package org.meseta.master.internal;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.meseta.api.recordio.RecordIODecoder;
import org.meseta.http.HttpHeaders;
import org.meseta.http.StreamListener;

/**
 * The listener of a streamed response whose chunks are RecordIO records, for the test sessions that play a
 * framework, an agent or an operator client: each record is decoded and handed on (by default queued), every chunk
 * must carry exactly one record, and anything wrong is collected in {@link #problems()} rather than thrown on the
 * client's event loop.
 *
 * @param <E> what a record decodes to
 */
final class RecordStream<E> implements StreamListener {

    /** Decodes one record. */
    interface Decoder<E> {
        E decode(byte[] record) throws Exception;
    }

    private final RecordIODecoder decoder = new RecordIODecoder(4 * 1024 * 1024);
    private final Decoder<E> decode;
    private final BlockingQueue<E> events = new LinkedBlockingQueue<>();
    private final Consumer<E> sink;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final CompletableFuture<HttpHeaders> headers = new CompletableFuture<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();

    /** Queues every decoded record in {@link #events()}. */
    RecordStream(Decoder<E> decode) {
        this.decode = decode;
        this.sink = events::add;
    }

    /** Hands every decoded record to {@code sink}, which may queue it in {@link #events()} or not. */
    RecordStream(Decoder<E> decode, Consumer<E> sink) {
        this.decode = decode;
        this.sink = sink;
    }

    @Override
    public void onResponse(int code, HttpHeaders head) {
        status.complete(code);
        headers.complete(head);
    }

    @Override
    public void onChunk(byte[] chunk) {
        try {
            List<byte[]> records = decoder.decode(chunk);
            if (records.size() != 1) {
                problems.add("a chunk carried " + records.size() + " records");
            }
            for (byte[] record : records) {
                sink.accept(decode.decode(record));
            }
        } catch (Exception e) {
            problems.add(e.getMessage());
        }
    }

    @Override
    public void onEnd() {
        ended.complete("end");
    }

    @Override
    public void onFailure(Throwable cause) {
        ended.complete("failure: " + cause);
    }

    BlockingQueue<E> events() {
        return events;
    }

    List<String> problems() {
        return problems;
    }

    /** The response's status code, once the head has arrived. */
    CompletableFuture<Integer> status() {
        return status;
    }

    CompletableFuture<HttpHeaders> headers() {
        return headers;
    }

    /** {@code "end"} when the server ended the stream, {@code "failure: …"} when it broke. */
    CompletableFuture<String> ended() {
        return ended;
    }
}
