package org.meseta.http.internal;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.meseta.http.ResponseStream;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A {@link ResponseStream} over one connection.
 *
 * <p>Every operation runs as a task on the channel's event loop, even when called from it: that keeps the
 * state confined to the loop, orders operations as they were called, and puts chunks written inside
 * {@code onOpen} behind the response head that the server writes right after {@code onOpen} returns.
 */
final class ChunkedResponseStream implements ResponseStream {

    private static final System.Logger LOG = System.getLogger(ChunkedResponseStream.class.getName());

    private final Channel channel;
    private final long maxBacklogBytes;
    private final Consumer<Boolean> onEnd;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    // Written on the event loop (or once it is gone); volatile so isOpen() is a fresh snapshot from any thread.
    private volatile boolean open = true;
    /** Whether a flush is queued on the event loop behind the writes. Event loop only. */
    private boolean flushPending;

    /**
     * @param onEnd called on the event loop once, after {@link #close()} wrote the last chunk, with whether that
     *              write succeeded; not called when the stream is {@linkplain #terminate() terminated}
     */
    ChunkedResponseStream(Channel channel, long maxBacklogBytes, Consumer<Boolean> onEnd) {
        this.channel = channel;
        this.maxBacklogBytes = maxBacklogBytes;
        this.onEnd = onEnd;
    }

    @Override
    public CompletableFuture<Void> write(byte[] chunk) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (chunk == null) {
            written.completeExceptionally(new NullPointerException("chunk"));
            return written;
        }
        runOnLoop(() -> writeNow(chunk, written), written);
        return written;
    }

    @Override
    public void close() {
        runOnLoop(this::closeNow, null);
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Ends the stream without sending anything more (connection gone or being dropped). Event loop only. */
    void terminate() {
        open = false;
        closeFuture.complete(null);
    }

    private void writeNow(byte[] chunk, CompletableFuture<Void> written) {
        if (!open) {
            written.completeExceptionally(new IllegalStateException("Response stream is closed"));
            return;
        }
        if (chunk.length == 0) {
            written.complete(null);
            return;
        }
        if (channel.bytesBeforeWritable() > maxBacklogBytes) {
            LOG.log(Level.WARNING, () -> "Dropping streaming connection to " + channel.remoteAddress() + ": more than "
                    + maxBacklogBytes + " bytes are waiting for it");
            terminate();
            channel.close();
            written.completeExceptionally(new IllegalStateException("Client too slow; response stream closed"));
            return;
        }
        channel.write(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk))).addListener(future -> {
            if (future.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(future.cause());
            }
        });
        flushSoon();
    }

    /**
     * Flushes after the writes already queued on the event loop: a burst of chunks (one per event) leaves in one
     * socket write instead of one each, still one chunk per record.
     */
    private void flushSoon() {
        if (flushPending) {
            return;
        }
        flushPending = true;
        runOnLoop(() -> {
            flushPending = false;
            channel.flush();
        }, null);
    }

    private void closeNow() {
        if (!open) {
            return;
        }
        open = false;
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(future -> {
            closeFuture.complete(null);
            onEnd.accept(future.isSuccess());
        });
    }

    private void runOnLoop(Runnable task, CompletableFuture<Void> failOnReject) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // The transport is shutting down: the connection is gone with it.
            open = false;
            closeFuture.complete(null);
            if (failOnReject != null) {
                failOnReject.completeExceptionally(new IllegalStateException("Response stream is closed", e));
            }
        }
    }

    @Override
    public String toString() {
        return "ChunkedResponseStream[" + Objects.toString(channel.remoteAddress()) + (open ? ", open]" : ", closed]");
    }
}
