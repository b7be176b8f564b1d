package org.meseta.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * An OSGi service of another bundle, found in the service registry the way production code finds it (local mode
 * finds its master and agent daemons so), and held until {@link #close()}.
 *
 * <p>Holding matters: releasing the last use of a delayed Declarative Services component deactivates it, which
 * would stop everything the service started. Not thread-safe; one test thread owns a lease.
 *
 * @param <S> the service type, as the test's own bundle sees it
 */
public final class ServiceLease<S> implements AutoCloseable {

    private final BundleContext context;
    private final ServiceReference<S> reference;
    private final S service;

    private ServiceLease(BundleContext context, ServiceReference<S> reference, S service) {
        this.context = context;
        this.reference = reference;
        this.service = service;
    }

    /**
     * Starts {@code providerBundle} (a test runtime installs bundles but may leave them resolved only) and waits
     * up to {@code timeout} for a {@code type} service matching {@code filter}.
     *
     * @param requester a class of the test's bundle; the lookup is made with that bundle's context, so the
     *        service must be compatible with the {@code type} it sees
     * @param filter an OSGi filter such as {@code (meseta.daemon=master)}
     * @param providerBundle the symbolic name of the bundle that registers the service
     * @throws IllegalArgumentException if {@code filter} is not a valid OSGi filter
     */
    public static <S> ServiceLease<S> await(Class<?> requester, Class<S> type, String filter, String providerBundle,
            Duration timeout) throws InterruptedException {
        BundleContext context = contextOf(requester);
        start(context, providerBundle);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ServiceReference<S>> found = references(context, type, filter).stream().findFirst();
            if (found.isPresent()) {
                S service = context.getService(found.get());
                assertNotNull(service, () -> "the " + type.getSimpleName() + " service " + filter + " went away");
                return new ServiceLease<>(context, found.get(), service);
            }
            if (System.nanoTime() > deadline) {
                fail("No " + type.getSimpleName() + " service " + filter + " within " + timeout.toMillis()
                        + " ms; is " + providerBundle + " in the test runtime?");
            }
            Thread.sleep(20);
        }
    }

    public S service() {
        return service;
    }

    /** Releases the service; the provider may deactivate it. */
    @Override
    public void close() {
        context.ungetService(reference);
    }

    private static <S> Collection<ServiceReference<S>> references(BundleContext context, Class<S> type,
            String filter) {
        try {
            return context.getServiceReferences(type, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Invalid OSGi filter " + filter + ": " + e.getMessage(), e);
        }
    }

    private static BundleContext contextOf(Class<?> requester) {
        Bundle own = FrameworkUtil.getBundle(requester);
        assertNotNull(own, () -> requester + " is not loaded by an OSGi bundle");
        // A lazily activated bundle has no context until it starts.
        if (own.getBundleContext() == null) {
            start(own);
        }
        return own.getBundleContext();
    }

    private static void start(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.ACTIVE) {
                start(bundle);
            }
        }
    }

    private static void start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new AssertionError("Bundle " + bundle.getSymbolicName() + " does not start: " + e.getMessage(), e);
        }
    }
}
