package org.meseta.daemon;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;

/**
 * A headless Meseta process role that can be started from a command line.
 *
 * <p>Implementations are OSGi services carrying the property {@link #NAME_PROPERTY} (for example
 * {@code meseta.daemon=master}). {@link #flags()} must be pure and cheap: the launcher calls it to print
 * {@code --help} and to parse arguments before anything starts.
 *
 * <p>{@link #start(Flags)} may be called several times (local mode starts one agent per call); each call
 * returns its own handle. A daemon component stops whatever it started and has not yet been closed when it
 * is deactivated, so stopping the OSGi framework stops every daemon cleanly.
 *
 * <p>Most roles are servers that run until they are stopped. A role may also be a command that does one piece
 * of work and ends with an exit status ({@code meseta-execute}); its instance reports that through
 * {@link Running#exitStatus()}.
 */
public interface Daemon {

    /** Service and framework property that names a daemon role. */
    String NAME_PROPERTY = "meseta.daemon";

    /** One line describing the daemon, printed under the usage line of {@code --help}. */
    String summary();

    /** The flags this daemon accepts, in the order {@code --help} lists them. */
    List<Flag<?>> flags();

    /**
     * Starts one instance with validated flags and returns once it serves requests.
     *
     * @throws DaemonException with a one-line, user-facing reason when it cannot start (port in use,
     *     unusable work_dir, ...); nothing is left running in that case
     */
    Running start(Flags flags) throws DaemonException;

    /** A started daemon instance. */
    interface Running extends AutoCloseable {

        /** Where it serves HTTP, as {@code ip:port}; for a command, the {@code host:port} it talks to. */
        String endpoint();

        /**
         * Completes with the exit status of the process once the instance has finished its work by itself, as a
         * command does; the launcher then exits with that status, stopping the OSGi framework first so that every
         * component's deactivation runs. By then the instance has said what went wrong, if anything, and released
         * what it held outside this process. The stage never completes exceptionally.
         *
         * <p>A server runs until it is closed and never completes it: that is the default. A server may also have to
         * end by itself, as a master that lost its leadership does: it stops acting, then completes the stage with a
         * non-zero status so that its supervisor starts it again. An instance closed before it finished (SIGTERM,
         * deactivation) need not complete it either.
         */
        default CompletionStage<Integer> exitStatus() {
            return new CompletableFuture<Integer>().minimalCompletionStage();
        }

        /**
         * Stops the instance and releases its port; idempotent, never throws. A command that has not finished yet
         * winds down what it started (a task, a framework registration) as best it can before returning.
         */
        @Override
        void close();
    }
}
