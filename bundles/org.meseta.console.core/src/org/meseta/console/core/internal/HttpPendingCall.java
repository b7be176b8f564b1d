package org.meseta.console.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.PendingCall;

/**
 * A call made of one HTTP exchange at a time (a redirect starts the next): cancelling aborts the exchange in flight.
 * Thread-safe; progress is told under the call's lock, so listeners hear the steps in order.
 */
final class HttpPendingCall<T> implements PendingCall<T> {

    private static final System.Logger LOG = System.getLogger(HttpPendingCall.class.getName());

    private final CompletableFuture<CallResult<T>> result = new CompletableFuture<>();
    private final List<Consumer<String>> listeners = new ArrayList<>();
    private String progress = "";
    private CompletableFuture<?> inFlight;

    /** A call that failed before it was sent. */
    static <T> HttpPendingCall<T> failed(String step, String reason) {
        HttpPendingCall<T> call = new HttpPendingCall<>();
        call.step(step);
        call.complete(new CallResult.Failed<>(reason));
        return call;
    }

    @Override
    public CompletableFuture<CallResult<T>> result() {
        return result;
    }

    @Override
    public void cancel() {
        CompletableFuture<?> exchange;
        synchronized (this) {
            if (!result.complete(new CallResult.Cancelled<>())) {
                return;
            }
            exchange = inFlight;
        }
        if (exchange != null) {
            exchange.cancel(true);
        }
    }

    @Override
    public synchronized void onProgress(Consumer<String> listener) {
        listeners.add(listener);
        tell(listener, progress);
    }

    @Override
    public synchronized String progress() {
        return progress;
    }

    /** Whether the result is known (answered, failed or cancelled): no further exchange should start. */
    boolean isDone() {
        return result.isDone();
    }

    /** The next step begins: listeners hear {@code text}. */
    synchronized void step(String text) {
        progress = text;
        listeners.forEach(listener -> tell(listener, text));
    }

    /** {@code exchange} is now under way; it is aborted at once if the call was cancelled meanwhile. */
    void exchange(CompletableFuture<?> exchange) {
        boolean cancelled;
        synchronized (this) {
            inFlight = exchange;
            cancelled = result.isDone();
        }
        if (cancelled) {
            exchange.cancel(true);
        }
    }

    /** Completes the call unless it completed already (cancelled). */
    void complete(CallResult<T> outcome) {
        result.complete(outcome);
    }

    private static void tell(Consumer<String> listener, String text) {
        try {
            listener.accept(text);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A call's progress listener failed", e);
        }
    }
}
