package org.meseta.daemon.internal;

import java.util.function.IntConsumer;
import org.meseta.daemon.Daemon;

/** Ends the process with the exit status a command reports once it has finished by itself. */
final class CommandExit {

    private CommandExit() {}

    /**
     * Once {@code running} reports its exit status, and unless the launcher was closed first (a signal or a
     * deactivation is already ending the process, with its own status), moves {@code state} to FINISHED and calls
     * {@code exit} with the status on a new thread. Not on the reporting thread: that may be an event loop or an
     * actor that deactivation waits for, and {@link System#exit} blocks until the shutdown hooks, which run the
     * deactivation, are done.
     */
    static void whenFinished(Daemon.Running running, LaunchState state, IntConsumer exit) {
        running.exitStatus().thenAccept(status -> {
            if (state.finish()) {
                new Thread(() -> exit.accept(status), "meseta-exit").start();
            }
        });
    }
}
