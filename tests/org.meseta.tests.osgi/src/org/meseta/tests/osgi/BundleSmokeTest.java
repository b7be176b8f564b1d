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
import org.meseta.daemon.Daemon;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Every Meseta bundle resolves and starts, and every Declarative Services component activates. */
class BundleSmokeTest {

    private static final Set<String> BUNDLES = Set.of("org.meseta.api", "org.meseta.http", "org.meseta.daemon",
            "org.meseta.master", "org.meseta.agent", "org.meseta.local", "org.meseta.console.core",
            "org.meseta.console.ui");

    private static final Set<String> COMPONENTS = Set.of("org.meseta.daemon.internal.Launcher",
            "org.meseta.master.internal.MasterDaemon", "org.meseta.agent.internal.AgentDaemon",
            "org.meseta.local.internal.LocalDaemon");

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

        for (ServiceReference<Daemon> daemon : context.getServiceReferences(Daemon.class, null)) {
            assertNotNull(context.getService(daemon), "daemon service " + daemon.getProperty(Daemon.NAME_PROPERTY));
        }
        for (ComponentDescriptionDTO description : descriptions) {
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
        List<String> names = context.getServiceReferences(Daemon.class, null).stream()
                .map(reference -> (String) reference.getProperty(Daemon.NAME_PROPERTY)).sorted().toList();
        assertEquals(List.of("agent", "local", "master"), names);
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
