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
 * <p>Without that property (tests, the console) the component does nothing.
 */
@Component(immediate = true)
public final class Launcher {

    private static final System.Logger LOG = System.getLogger(Launcher.class.getName());

    @Reference
    private EnvironmentInfo environment;

    private Thread thread;
    private volatile Daemon.Running running;

    @Activate
    void activate(BundleContext context) {
        String role = context.getProperty(Daemon.NAME_PROPERTY);
        if (role == null || role.isBlank()) {
            return;
        }
        List<String> args = Arrays.asList(environment.getNonFrameworkArgs());
        thread = new Thread(() -> launch(context, role, args), "meseta-launcher");
        thread.start();
    }

    @Deactivate
    void deactivate() {
        Daemon.Running started = running;
        if (started != null) {
            started.close();
        }
    }

    private void launch(BundleContext context, String role, List<String> args) {
        String program = "meseta-" + role;
        Optional<Daemon> daemon = DaemonLookup.find(context, role);
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
        try {
            running = daemon.get().start(flags);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopFramework(context, program),
                    "meseta-shutdown"));
        } catch (DaemonException e) {
            exit(1, System.err, program + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure while starting " + program, e);
            exit(1, System.err, program + ": failed to start: " + e);
        }
    }

    private static void exit(int status, PrintStream stream, String message) {
        stream.println(message.stripTrailing());
        stream.flush();
        System.exit(status);
    }

    /**
     * Runs in a JVM shutdown hook: stop the framework and wait, so deactivation completes before exit. It
     * reports on stderr directly because java.util.logging resets its handlers in its own shutdown hook.
     */
    private static void stopFramework(BundleContext context, String program) {
        if (!(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION) instanceof Framework framework)
                || (framework.getState() & (Framework.ACTIVE | Framework.STARTING)) == 0) {
            return;
        }
        ShutdownReport.print(program, "shutting down");
        try {
            framework.stop();
            boolean stopped = framework.waitForStop(30_000).getType() == FrameworkEvent.STOPPED;
            ShutdownReport.print(program, stopped ? "stopped" : "did not stop within 30 seconds");
        } catch (BundleException | InterruptedException | IllegalStateException e) {
            ShutdownReport.print(program, "shutdown incomplete: " + e.getMessage());
        }
    }
}
