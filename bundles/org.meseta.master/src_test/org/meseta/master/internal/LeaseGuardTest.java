package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.meseta.http.ResponseStream;

/** A master writes to its streams only while its leadership lease holds, and stops at the first write refused. */
class LeaseGuardTest {

    private final List<String> written = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> lapsed = new CompletableFuture<>();
    private final AtomicBoolean held = new AtomicBoolean(true);
    private final LeaseGuard guard = new LeaseGuard();

    @Test
    void writesPassWhileTheLeaseHoldsAndNeverAfterItLapsed() throws Exception {
        guard.watch(held::get, lapsed::complete);
        RecordingStream recording = new RecordingStream();
        ResponseStream stream = guard.guard(recording);

        stream.write(bytes("offers")).get(5, TimeUnit.SECONDS);
        held.set(false);
        CompletableFuture<Void> refused = stream.write(bytes("more offers"));
        held.set(true);
        CompletableFuture<Void> stillRefused = stream.write(bytes("late offers"));
        stream.close();

        assertEquals(List.of("offers"), written);
        assertTrue(refused.isCompletedExceptionally());
        assertTrue(stillRefused.isCompletedExceptionally(), "a lapsed lease is not trusted again");
        assertTrue(lapsed.get(5, TimeUnit.SECONDS).startsWith("its leadership lease lapsed"), lapsed.get());
        assertFalse(stream.isOpen(), "closing is never refused");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Records what is written to it. */
    private final class RecordingStream implements ResponseStream {

        private final CompletableFuture<Void> closed = new CompletableFuture<>();

        @Override
        public CompletableFuture<Void> write(byte[] chunk) {
            written.add(new String(chunk, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed.complete(null);
        }

        @Override
        public CompletableFuture<Void> closeFuture() {
            return closed;
        }

        @Override
        public boolean isOpen() {
            return !closed.isDone();
        }
    }
}
