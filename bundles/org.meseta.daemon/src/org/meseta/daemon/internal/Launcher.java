package org.meseta.daemon.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.osgi.service.environment.EnvironmentInfo;
import org.meseta.api.flags.FlagException;
import org.meseta.api.flags.FlagParser;
import org.meseta.api.flags.Flags;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Starts the daemon role named by the framework property {@value Daemon#NAME_PROPERTY} with the
 * command-line arguments Equinox did not consume, and turns JVM shutdown (SIGTERM, SIGINT) into an orderly
 * stop of the OSGi framework so every component's deactivation runs.
 *
 * <p>The daemon starts on a thread of its own, since finding the daemon service may wait for Declarative
 * Services. Its lifecycle is a {@link LaunchState}: the shutdown hook acts only while a started daemon runs (a
 * command line that fails exits with its one error line and nothing else), and deactivation closes the daemon
 * even when its start completes after deactivation began. Once deactivated, the launcher neither prints nor
 * exits.
 *
 * <p>A command ({@link Daemon.Running#exitStatus()}) that finishes by itself makes the launcher exit with its
 * status ({@link CommandExit}); the shutdown hook then stops the framework as for SIGTERM, without the
 * "shutting down" report, since the command has already said how it ended. A signal that arrives while the
 * command runs is handled like a daemon's: deactivation closes the command, which winds down its work first.
 *
 * <p>Without that property (tests, the console) the component does nothing.
 */
@Component(immediate = true)
public final class Launcher {

    private static final System.Logger LOG = System.getLogger(Launcher.class.getName());
    private static final long JOIN_MILLIS = 30_000;

    @Reference
    private EnvironmentInfo environment;

    private final LaunchState state = new LaunchState();
    private Thread launcher;
    private Thread shutdownHook;

    @Activate
    void activate(BundleContext context) {
        String role = context.getProperty(Daemon.NAME_PROPERTY);
        if (role == null || role.isBlank()) {
            return;
        }
        String program = "meseta-" + role;
        List<String> args = Arrays.asList(environment.getNonFrameworkArgs());
        shutdownHook = new Thread(() -> onShutdown(context, program), "meseta-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        launcher = new Thread(() -> launch(context, role, program, args), "meseta-launcher");
        launcher.start();
    }

    @Deactivate
    void deactivate() {
        state.close();
        if (launcher != null && launcher != Thread.currentThread()) {
            // Ends a wait for the daemon service; a start in progress completes and closes what it started.
            launcher.interrupt();
            try {
                launcher.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (launcher.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "The daemon launcher did not finish within {0} ms",
                        JOIN_MILLIS);
            }
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down, maybe through this very hook: it stays and does nothing more.
            }
        }
    }

    private void launch(BundleContext context, String role, String program, List<String> args) {
        Optional<Daemon> daemon = DaemonLookup.find(context, role);
        if (state.isClosed()) {
            return;
        }
        if (daemon.isEmpty()) {
            exit(1, System.err, program + ": the '" + role + "' daemon is not installed in this product");
            return;
        }
        Flags flags;
        try {
            flags = FlagParser.parse(daemon.get().flags(), args);
        } catch (FlagException e) {
            exit(1, System.err, program + ": " + e.getMessage() + " (see " + program + " --help)");
            return;
        }
        if (flags.helpRequested()) {
            exit(0, System.out, FlagParser.usage(program, daemon.get().summary(), daemon.get().flags()));
            return;
        }
        if (!state.begin()) {
            return;
        }
        try {
            Daemon.Running running = daemon.get().start(flags);
            if (state.started(running)) {
                CommandExit.whenFinished(running, state, System::exit);
            }
        } catch (DaemonException e) {
            if (!state.isClosed()) {
                exit(1, System.err, program + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            if (!state.isClosed()) {
                LOG.log(System.Logger.Level.ERROR, "Unexpected failure while starting " + program, e);
                exit(1, System.err, program + ": failed to start: " + e);
            }
        }
    }

    private static void exit(int status, PrintStream stream, String message) {
        stream.println(message.stripTrailing());
        stream.flush();
        System.exit(status);
    }

    /** Runs in the JVM shutdown hook: a started instance needs the framework stopped, or its deactivation never runs. */
    private void onShutdown(BundleContext context, String program) {
        LaunchState.Phase phase = state.phase();
        boolean started = switch (phase) {
            case RUNNING, FINISHED -> true;
            case LATENT, STARTING, CLOSED -> false;
        };
        if (started) {
            stopFramework(context, program, phase == LaunchState.Phase.RUNNING);
        }
    }

    /**
     * Stops the framework and waits, so deactivation completes before exit. It reports on stderr directly because
     * java.util.logging resets its handlers in its own shutdown hook, and never throws: the framework may already be
     * going away.
     *
     * @param report whether to say "shutting down" and "stopped"; failures to stop are always reported
     */
    private static void stopFramework(BundleContext context, String program, boolean report) {
        try {
            if (!(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION) instanceof Framework framework)
                    || (framework.getState() & (Framework.ACTIVE | Framework.STARTING)) == 0) {
                return;
            }
            if (report) {
                ShutdownReport.print(program, "shutting down");
            }
            framework.stop();
            boolean stopped = framework.waitForStop(30_000).getType() == FrameworkEvent.STOPPED;
            if (!stopped || report) {
                ShutdownReport.print(program, stopped ? "stopped" : "did not stop within 30 seconds");
            }
        } catch (BundleException | InterruptedException | IllegalStateException e) {
            ShutdownReport.print(program, "shutdown incomplete: " + e.getMessage());
        }
    }
}
