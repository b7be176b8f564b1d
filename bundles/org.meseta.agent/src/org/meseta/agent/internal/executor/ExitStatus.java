package org.meseta.agent.internal.executor;

/**
 * How a process ended: it exited with a status, or a signal terminated it.
 *
 * <p>The JDK reports a process killed by signal N as exit value 128 + N, as shells do, so a process that itself exits
 * with a status from 129 to 192 is taken to have died of a signal ({@link #fromExitValue}); the two cannot be told
 * apart from Java.
 *
 * @param status the exit status, or -1 when a signal ended the process or the status is {@linkplain #unknown()
 *     unknown}
 * @param signal the terminating signal, or 0 when the process exited
 */
public record ExitStatus(int status, int signal) {

    private static final int SIGNAL_OFFSET = 128;
    private static final int MAX_SIGNAL = 64;
    private static final String[] SIGNAL_NAMES = {null, "Hangup", "Interrupt", "Quit", "Illegal instruction",
        "Trace/breakpoint trap", "Aborted", "Bus error", "Floating point exception", "Killed",
        "User defined signal 1", "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock",
        "Terminated", "Stack fault", "Child exited", "Continued", "Stopped (signal)", "Stopped",
        "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded",
        "File size limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window changed",
        "I/O possible", "Power failure", "Bad system call"};
    private static final int FIRST_REALTIME_SIGNAL = 34;

    public static ExitStatus exited(int status) {
        return new ExitStatus(status, 0);
    }

    public static ExitStatus signaled(int signal) {
        return new ExitStatus(-1, signal);
    }

    /** A process that ended while no agent watched it, leaving no record of how. */
    public static ExitStatus unknown() {
        return new ExitStatus(-1, 0);
    }

    public boolean isUnknown() {
        return status == -1 && signal == 0;
    }

    /** From {@link Process#exitValue()}: 129 to 192 mean signals 1 to 64. */
    public static ExitStatus fromExitValue(int value) {
        return value > SIGNAL_OFFSET && value <= SIGNAL_OFFSET + MAX_SIGNAL ? signaled(value - SIGNAL_OFFSET)
                : exited(value);
    }

    public boolean succeeded() {
        return signal == 0 && status == 0;
    }

    /** The status as {@code waitpid(2)} encodes it, which Mesos reports in {@code FAILURE} events. */
    public int waitStatus() {
        if (isUnknown()) {
            return -1;
        }
        return signal != 0 ? signal : (status & 0xff) << 8;
    }

    /** {@code exited with status 1} or {@code terminated with signal Killed}, as Mesos words it. */
    public String describe() {
        if (isUnknown()) {
            return "ended while the agent was not running; its exit status is unknown";
        }
        return signal == 0 ? "exited with status " + status : "terminated with signal " + signalName(signal);
    }

    /** The C library's description of a signal, e.g. {@code Terminated} for 15. */
    static String signalName(int signal) {
        if (signal > 0 && signal < SIGNAL_NAMES.length) {
            return SIGNAL_NAMES[signal];
        }
        if (signal >= FIRST_REALTIME_SIGNAL && signal <= MAX_SIGNAL) {
            return "Real-time signal " + (signal - FIRST_REALTIME_SIGNAL);
        }
        return "Unknown signal " + signal;
    }
}
