package org.meseta.console.core.calls;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A call under way. Its {@link #result()} completes exactly once, never exceptionally, with what became of it.
 *
 * <p>Thread-safe. The result completes, and progress listeners are called, on the HTTP client's threads, never on
 * the caller's: a UI hands them over to its UI thread itself.
 *
 * @param <T> what a successful call answers
 */
public interface PendingCall<T> {

    /** Completes once with the outcome; a call that was cancelled first completes with {@link CallResult.Cancelled}. */
    CompletableFuture<CallResult<T>> result();

    /**
     * Stops waiting for the answer and completes the result with {@link CallResult.Cancelled} unless it completed
     * already; the request in flight is aborted. A server that already received the call may still carry it out.
     * Idempotent.
     */
    void cancel();

    /**
     * Tells {@code listener} each step of the call as one line for a person ({@code TEARDOWN → 127.0.0.1:5050},
     * {@code redirected to the leader 10.0.0.2:5050}), the current one at once. Steps come in order, until the
     * result completes.
     */
    void onProgress(Consumer<String> listener);

    /** The latest step, as told to progress listeners. */
    String progress();
}
