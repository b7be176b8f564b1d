package org.meseta.daemon;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Finds an extension by name: an OSGi service of a type carrying a name property, as Meseta's extension points
 * (daemons, allocators, sorters, isolators) are registered. Declarative Services may register a plugin's service a
 * little after the bundle that wants it starts, so lookups wait a bounded time.
 */
public final class NamedServices {

    private NamedServices() {}

    /**
     * Waits up to {@code timeout} for a service of {@code type} whose {@code property} equals {@code name}.
     *
     * @param caller a class of the bundle that looks the service up (its bundle context is used)
     * @return the service, or empty if none appears in time or the calling thread is interrupted
     */
    public static <T> Optional<T> await(Class<?> caller, Class<T> type, String property, String name,
            Duration timeout) {
        BundleContext context = context(caller);
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, filter(context, type, property, name), null);
        tracker.open();
        try {
            return Optional.ofNullable(tracker.waitForService(Math.max(1, timeout.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            // The service object stays valid while its bundle runs; the tracker only served the wait.
            tracker.close();
        }
    }

    /** The names under which services of {@code type} are registered now, sorted, for error messages. */
    public static Collection<String> names(Class<?> caller, Class<?> type, String property) {
        BundleContext context = context(caller);
        TreeSet<String> names = new TreeSet<>();
        try {
            ServiceReference<?>[] references = context.getServiceReferences(type.getName(), null);
            if (references != null) {
                Arrays.stream(references).map(reference -> reference.getProperty(property))
                        .filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("A null filter cannot be invalid", e);
        }
        return names;
    }

    private static BundleContext context(Class<?> caller) {
        Bundle bundle = FrameworkUtil.getBundle(caller);
        if (bundle == null || bundle.getBundleContext() == null) {
            throw new IllegalStateException(caller.getName() + " is not in a started OSGi bundle");
        }
        return bundle.getBundleContext();
    }

    private static Filter filter(BundleContext context, Class<?> type, String property,
            String name) {
        String escaped = name.replaceAll("([\\\\()*])", "\\\\$1");
        try {
            return context.createFilter("(&(objectClass=" + type.getName() + ")(" + property + "=" + escaped + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Cannot look up '" + name + "': " + e.getMessage(), e);
        }
    }
}
