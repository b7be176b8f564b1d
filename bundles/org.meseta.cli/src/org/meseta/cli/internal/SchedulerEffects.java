package org.meseta.cli.internal;

import java.time.Duration;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * What {@link ExecuteScheduler} decides and its session carries out: calls to the master, lines for the user,
 * timers. Every method is called on the session's thread and must not block.
 */
interface SchedulerEffects {

    /**
     * Sends {@code call} with the subscription's stream id. Calls go out one at a time, in the order given; a call
     * the master refuses (or cannot be reached for) comes back as {@link ExecuteScheduler#fail}, unless the
     * scheduler has finished by then.
     */
    void send(Call call);

    /** Prints one line on stdout. */
    void print(String line);

    /** Calls {@link ExecuteScheduler#killTimerFired()} after {@code delay}, unless the run has ended by then. */
    void armKillTimer(Duration delay);

    /**
     * The run is over: once the calls sent so far are answered (the last one tears the framework down), the
     * session ends the subscription and reports {@code outcome}. Called once.
     */
    void finish(Outcome outcome);
}
