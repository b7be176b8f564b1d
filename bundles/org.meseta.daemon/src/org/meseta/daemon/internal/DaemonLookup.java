package org.meseta.daemon.internal;

import java.util.Optional;
import org.meseta.daemon.Daemon;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for the {@link Daemon} service of one role; DS may register it after the launcher activates. */
final class DaemonLookup {

    private static final long WAIT_MILLIS = 30_000;

    private DaemonLookup() {}

    static Optional<Daemon> find(BundleContext context, String role) {
        ServiceTracker<Daemon, Daemon> tracker;
        try {
            String filter = "(&(objectClass=" + Daemon.class.getName() + ")(" + Daemon.NAME_PROPERTY + "="
                    + role.replaceAll("[\\\\()*]", "") + "))";
            tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null);
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        tracker.open();
        try {
            return Optional.ofNullable(tracker.waitForService(WAIT_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
