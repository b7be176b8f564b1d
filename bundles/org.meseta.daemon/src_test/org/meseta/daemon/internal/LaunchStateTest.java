package org.meseta.daemon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.internal.LaunchState.Phase;
import org.junit.jupiter.api.Test;

/** The launcher's lifecycle, including a deactivation that overtakes a start in progress. */
class LaunchStateTest {

    private final LaunchState state = new LaunchState();
    private final AtomicInteger closes = new AtomicInteger();
    private final Daemon.Running instance = new Daemon.Running() {
        @Override
        public String endpoint() {
            return "127.0.0.1:5050";
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    };

    @Test
    void aStartedDaemonRunsUntilClosed() {
        assertTrue(state.begin());
        assertEquals(Phase.STARTING, state.phase(), "starting is not running: the shutdown hook has nothing to stop yet");

        assertTrue(state.started(instance));
        assertEquals(Phase.RUNNING, state.phase());
        assertEquals(0, closes.get());

        state.close();
        state.close();

        assertEquals(1, closes.get());
        assertTrue(state.isClosed());
    }

    @Test
    void aStartThatCompletesAfterCloseBeganClosesItsInstance() {
        assertTrue(state.begin());

        state.close();
        boolean running = state.started(instance);

        assertFalse(running);
        assertEquals(1, closes.get(), "no instance is left running");
        assertEquals(Phase.CLOSED, state.phase());
    }

    @Test
    void nothingStartsOnceClosedAndNothingStartsTwice() {
        assertTrue(state.begin());
        assertFalse(state.begin(), "a second start is refused");

        LaunchState closed = new LaunchState();
        closed.close();
        assertFalse(closed.begin());
        assertTrue(closed.isClosed());
    }

    @Test
    void closingBeforeAnyStartHasNothingToClose() {
        state.close();

        assertEquals(0, closes.get());
        assertFalse(state.finish());
    }

    @Test
    void aFinishedCommandIsStillClosedOnce() {
        state.begin();
        state.started(instance);

        assertTrue(state.finish());
        assertFalse(state.finish(), "a command finishes once");
        assertEquals(Phase.FINISHED, state.phase());
        assertEquals(0, closes.get(), "finishing leaves the instance to deactivation");

        state.close();
        state.close();

        assertEquals(1, closes.get());
        assertTrue(state.isClosed());
    }

    @Test
    void aCommandClosedBeforeItFinishedDoesNotFinish() {
        state.begin();
        state.started(instance);

        state.close();

        assertFalse(state.finish(), "the signal that closed it decides how the process ends");
        assertTrue(state.isClosed());
    }
}
