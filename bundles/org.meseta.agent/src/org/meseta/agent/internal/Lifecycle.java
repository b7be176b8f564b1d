package org.meseta.agent.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * LATENT, then STARTED, then CLOSED, each step by compare-and-set as Curator's {@code LeaderLatch} does:
 * {@link #start()} refuses a second start and a start after close, {@link #close()} reports only the first
 * close. Thread-safe.
 */
final class Lifecycle {

    private enum State { LATENT, STARTED, CLOSED }

    private final String what;
    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);

    /** @param what names the owner in the exception of a refused start, e.g. {@code "The agent"} */
    Lifecycle(String what) {
        this.what = what;
    }

    /** @throws IllegalStateException if already started or closed */
    void start() {
        State previous = state.compareAndExchange(State.LATENT, State.STARTED);
        if (previous != State.LATENT) {
            throw new IllegalStateException(what + (previous == State.STARTED ? " is already started"
                    : " is closed"));
        }
    }

    /** @return true for the first close, false if already closed */
    boolean close() {
        return state.getAndSet(State.CLOSED) != State.CLOSED;
    }

    boolean isClosed() {
        return state.get() == State.CLOSED;
    }
}
