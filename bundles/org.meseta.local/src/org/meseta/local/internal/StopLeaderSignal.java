package org.meseta.local.internal;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code kill -USR2 <pid>} of a local cluster with several masters: stops the leading master, so that an operator
 * can watch the failover on one machine, where killing one master's process is not possible (they share it).
 * {@link #close()} puts the previous handler back.
 */
final class StopLeaderSignal implements AutoCloseable {

    /** The signal's name, for the instructions printed at start. */
    static final String NAME = "USR2";

    private final Signal signal;
    private final SignalHandler previous;

    private StopLeaderSignal(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    /**
     * Makes {@code SIGUSR2} run {@code stopLeader} (on the JVM's signal thread, so it must return quickly).
     *
     * @throws IllegalArgumentException if this JVM does not let the signal be handled
     */
    static StopLeaderSignal install(Runnable stopLeader) {
        Signal signal = new Signal(NAME);
        return new StopLeaderSignal(signal, Signal.handle(signal, received -> stopLeader.run()));
    }

    @Override
    public void close() {
        Signal.handle(signal, previous);
    }
}
