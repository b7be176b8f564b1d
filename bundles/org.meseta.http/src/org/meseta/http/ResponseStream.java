package org.meseta.http;

import java.util.concurrent.CompletableFuture;

/**
 * The sending side of one chunked HTTP response ({@link HttpResponse.StreamResponse}).
 *
 * <p>All methods are thread-safe and never block. Calls from one thread take effect in call order; each
 * {@link #write} becomes exactly one HTTP chunk, flushed at once (a RecordIO stream relies on one record per
 * chunk). Futures returned here complete on the connection's event loop, so dependent stages must not block.
 *
 * <p>The stream ends when {@link #close()} is called, when the client goes away, when the client cannot keep up
 * (the server's backlog limit is exceeded; the connection is then closed), or when the server stops. In every
 * case {@link #closeFuture()} completes normally, which is how the owner learns to forget the subscriber.
 */
public interface ResponseStream {

    /**
     * Sends {@code chunk} as one HTTP chunk. The array must not be modified afterwards (it is sent without
     * copying, so one encoded event can be shared between many streams). An empty chunk is not sent, because
     * a zero-length chunk would end the response.
     *
     * @return completes when the chunk has been handed to the socket; completes exceptionally with an
     *         {@link IllegalStateException} if the stream is already closed, or with the I/O error if the
     *         write fails. Never throws.
     */
    CompletableFuture<Void> write(byte[] chunk);

    /** Ends the chunked response (sends the last chunk). Idempotent; has no effect once the stream ended. */
    void close();

    /** Completes (normally) once the stream has ended for any reason. */
    CompletableFuture<Void> closeFuture();

    /** Whether writes are still accepted; a snapshot that may change at any time. */
    boolean isOpen();
}
