package org.meseta.tests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.meseta.allocator.api.AllocatorFactory;
import org.meseta.allocator.api.SorterFactory;
import org.meseta.daemon.Daemon;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Every Meseta bundle resolves and starts, and every Declarative Services component activates. */
class BundleSmokeTest {

    private static final Set<String> BUNDLES = Set.of("org.meseta.api", "org.meseta.http", "org.meseta.daemon",
            "org.meseta.allocator.api", "org.meseta.allocator.drf", "org.meseta.master", "org.meseta.agent",
            "org.meseta.containerizer.api", "org.meseta.containerizer.posix", "org.meseta.containerizer.cgroups",
            "org.meseta.containerizer.namespaces", "org.meseta.local", "org.meseta.cli", "org.meseta.console.core",
            "org.meseta.console.ui", "org.meseta.zk", "org.meseta.registry");

    private static final Set<String> COMPONENTS = Set.of("org.meseta.daemon.internal.Launcher",
            "org.meseta.master.internal.MasterDaemon", "org.meseta.agent.internal.AgentDaemon",
            "org.meseta.local.internal.LocalDaemon", "org.meseta.cli.internal.ExecuteDaemon",
            "org.meseta.allocator.drf.internal.HierarchicalAllocatorFactory",
            "org.meseta.allocator.drf.internal.DrfSorterFactory",
            "org.meseta.allocator.drf.internal.RandomSorterFactory",
            "org.meseta.containerizer.posix.internal.PosixCpuIsolatorFactory",
            "org.meseta.containerizer.posix.internal.PosixMemIsolatorFactory",
            "org.meseta.containerizer.posix.internal.PosixFilesystemIsolatorFactory",
            "org.meseta.containerizer.cgroups.internal.CgroupsCpuIsolatorFactory",
            "org.meseta.containerizer.cgroups.internal.CgroupsMemIsolatorFactory",
            "org.meseta.containerizer.cgroups.internal.CgroupsPidsIsolatorFactory",
            "org.meseta.containerizer.namespaces.internal.PidNamespaceIsolatorFactory");

    private final BundleContext context = FrameworkUtil.getBundle(BundleSmokeTest.class).getBundleContext();

    @Test
    void everyMesetaBundleResolvesAndStarts() throws BundleException {
        Map<String, Bundle> bundles = mesetaBundles();
        assertEquals(new TreeSet<>(BUNDLES), new TreeSet<>(bundles.keySet()), "Meseta bundles in the runtime");
        for (Bundle bundle : bundles.values()) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (!fragment) {
                bundle.start();
            }
            assertTrue((bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0,
                    bundle.getSymbolicName() + " is " + bundle.getState());
        }
    }

    @Test
    void everyComponentActivates() throws Exception {
        mesetaBundles().values().forEach(this::startQuietly);
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(
                mesetaBundles().values().toArray(Bundle[]::new));
        Set<String> names = descriptions.stream().map(d -> d.name).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(names.containsAll(COMPONENTS), "components found: " + names);

        for (ComponentDescriptionDTO description : descriptions) {
            getServicesOf(description);
            assertTrue(scr.isComponentEnabled(description), description.name + " is enabled");
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
            assertFalse(configurations.isEmpty(), description.name + " has a configuration");
            for (ComponentConfigurationDTO configuration : configurations) {
                assertEquals(ComponentConfigurationDTO.ACTIVE, configuration.state,
                        description.name + " is not active: state " + configuration.state + ", unsatisfied "
                                + Arrays.toString(configuration.unsatisfiedReferences) + ", failure "
                                + configuration.failure);
            }
        }
    }

    @Test
    void daemonsAreRegisteredUnderTheirNames() throws Exception {
        assertEquals(List.of("agent", "execute", "local", "master"),
                registeredNames(Daemon.class, Daemon.NAME_PROPERTY));
    }

    @Test
    void allocationPoliciesAreRegisteredUnderTheirNames() throws Exception {
        mesetaBundles().values().forEach(this::startQuietly);
        assertEquals(List.of("hierarchical"),
                registeredNames(AllocatorFactory.class, AllocatorFactory.NAME_PROPERTY));
        assertEquals(List.of("drf", "random"), registeredNames(SorterFactory.class, SorterFactory.NAME_PROPERTY));
    }

    /**
     * Services of delayed components (every component that provides a service) are activated by their first use:
     * uses each, so that the component can be checked to be active.
     */
    private void getServicesOf(ComponentDescriptionDTO description) throws InvalidSyntaxException {
        for (String type : description.serviceInterfaces) {
            ServiceReference<?>[] references = context.getAllServiceReferences(type,
                    "(component.name=" + description.name + ")");
            assertNotNull(references, description.name + " registers no " + type);
            for (ServiceReference<?> reference : references) {
                assertNotNull(context.getService(reference), description.name + " as " + type);
            }
        }
    }

    /** The names of Meseta's own services of {@code type} (plugins in the runtime, such as the example's, aside). */
    private List<String> registeredNames(Class<?> type, String property) throws InvalidSyntaxException {
        return context.getServiceReferences(type, null).stream()
                .filter(reference -> BUNDLES.contains(reference.getBundle().getSymbolicName()))
                .map(reference -> (String) reference.getProperty(property)).sorted().toList();
    }

    private Map<String, Bundle> mesetaBundles() {
        Map<String, Bundle> bundles = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (BUNDLES.contains(bundle.getSymbolicName())) {
                bundles.put(bundle.getSymbolicName(), bundle);
            }
        }
        return bundles;
    }

    private void startQuietly(Bundle bundle) {
        try {
            if ((bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                bundle.start();
            }
        } catch (BundleException e) {
            throw new AssertionError(bundle.getSymbolicName() + " does not start: " + e.getMessage(), e);
        }
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> reference = context.getServiceReference(type);
        assertNotNull(reference, type.getSimpleName() + " service");
        return context.getService(reference);
    }
}
