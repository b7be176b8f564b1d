package org.meseta.daemon;

import java.util.List;
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

        /** Where it serves HTTP, as {@code ip:port}. */
        String endpoint();

        /** Stops the instance and releases its port; idempotent, never throws. */
        @Override
        void close();
    }
}
