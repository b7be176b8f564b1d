package org.meseta.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.application.MContribution;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.fragment.MFragmentFactory;
import org.eclipse.e4.ui.model.fragment.MModelFragment;
import org.eclipse.e4.ui.model.fragment.MModelFragments;
import org.eclipse.e4.ui.model.fragment.MStringModelFragment;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.meseta.console.ui.offers.OffersPart;
import org.meseta.console.ui.parts.AgentsPart;
import org.meseta.console.ui.topology.TopologyPart;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The console's e4 model as the workbench assembles it: the frame of {@code Application.e4xmi} with the model
 * fragments this bundle registers ({@code org.eclipse.e4.workbench.model}) merged into it. Every view is a
 * contribution, as a plugin bundle's would be, so a fragment naming a stack that is not there would leave the
 * console empty without any error; these tests catch that without a display.
 */
class ConsoleModelTest {

    private static final String BUNDLE = "org.meseta.console.ui";
    private static final String MODEL_EXTENSION_POINT = "org.eclipse.e4.workbench.model";
    private static final String VIEWS_STACK = "org.meseta.console.ui.partstack.views";
    private static final String AGENTS_VIEW = "org.meseta.console.ui.part.agents";
    private static final String AGENTS_CLASS = "bundleclass://" + BUNDLE + "/" + AgentsPart.class.getName();
    private static final String TOPOLOGY_VIEW = "org.meseta.console.ui.part.topology";
    private static final String TOPOLOGY_CLASS = "bundleclass://" + BUNDLE + "/" + TopologyPart.class.getName();
    private static final String FRAMEWORKS_VIEW = "org.meseta.console.ui.part.frameworks";
    private static final String ROLES_VIEW = "org.meseta.console.ui.part.roles";
    private static final String OFFERS_VIEW = "org.meseta.console.ui.part.offers";
    private static final String OFFERS_CLASS = "bundleclass://" + BUNDLE + "/" + OffersPart.class.getName();
    private static final String TASKS_VIEW = "org.meseta.console.ui.part.tasks";
    private static final String METRICS_VIEW = "org.meseta.console.ui.part.metrics";
    /** The console's own views, in their tab order. */
    private static final List<String> VIEWS = List.of(AGENTS_VIEW, TOPOLOGY_VIEW, FRAMEWORKS_VIEW,
            ROLES_VIEW, OFFERS_VIEW, TASKS_VIEW, METRICS_VIEW);

    /** The console bundle: this test fragment's host, whose class loader loaded this class. */
    private final Bundle console = FrameworkUtil.getBundle(ConsoleModelTest.class);
    private final ResourceSet models = new ResourceSetImpl();

    ConsoleModelTest() {
        models.getResourceFactoryRegistry().getExtensionToFactoryMap().put("e4xmi", new XMIResourceFactoryImpl());
    }

    @Test
    void theApplicationModelIsTheFrameWithAnEmptyViewsStack() {
        MApplication application = load("Application.e4xmi", MApplication.class);

        MTrimmedWindow window = assertInstanceOf(MTrimmedWindow.class, application.getChildren().get(0));
        assertEquals("Meseta Console", window.getLabel());
        assertEquals(List.of(), viewsStack(application).getChildren(), "views come from fragments only");
        assertEquals(List.of(), application.getDescriptors());
    }

    @Test
    void theConsoleRegistersOneFragmentAppliedOnEveryStart() {
        List<IConfigurationElement> fragments = registeredFragments();

        assertEquals(1, fragments.size(), () -> "fragments of " + BUNDLE + ": " + fragments);
        assertEquals("fragment.e4xmi", fragments.get(0).getAttribute("uri"));
        assertEquals("always", fragments.get(0).getAttribute("apply"));
    }

    @Test
    void theFragmentsPutTheAgentsViewFirstAndThenTheOtherViewsIntoTheViewsStack() {
        MApplication application = assembled();

        assertEquals(VIEWS, viewsStack(application).getChildren().stream().map(MPart.class::cast)
                .map(MPart::getElementId).toList());
        MPart agents = assertInstanceOf(MPart.class, viewsStack(application).getChildren().get(0));
        assertEquals(AGENTS_VIEW, agents.getElementId());
        assertEquals("Agents", agents.getLabel());
        assertEquals(AGENTS_CLASS, agents.getContributionURI());
        MPart topology = assertInstanceOf(MPart.class, viewsStack(application).getChildren().get(1));
        assertEquals(TOPOLOGY_VIEW, topology.getElementId());
        assertEquals("Topology", topology.getLabel());
        assertEquals(TOPOLOGY_CLASS, topology.getContributionURI());
        MPart offers = assertInstanceOf(MPart.class, viewsStack(application).getChildren()
                .get(VIEWS.indexOf(OFFERS_VIEW)));
        assertEquals("Offers", offers.getLabel());
        assertEquals(OFFERS_CLASS, offers.getContributionURI());
    }

    @Test
    void theAgentsViewStaysTheFirstTabWhenAPluginsViewIsMergedBeforeIt() {
        MPart pluginView = MBasicFactory.INSTANCE.createPart();
        pluginView.setElementId("org.example.view");
        MStringModelFragment plugin = MFragmentFactory.INSTANCE.createStringModelFragment();
        plugin.setParentElementId(VIEWS_STACK);
        plugin.setFeaturename("children");
        plugin.getElements().add(pluginView);

        MApplication application = assembled(plugin);

        List<String> expected = new ArrayList<>(VIEWS);
        expected.add("org.example.view");
        assertEquals(expected, viewsStack(application).getChildren().stream().map(MPart.class::cast)
                .map(MPart::getElementId).toList());
    }

    @Test
    void eachViewHasADescriptorSoItCanBeOpenedById() {
        List<MPartDescriptor> descriptors = assembled().getDescriptors();

        assertEquals(VIEWS, descriptors.stream().map(MPartDescriptor::getElementId).toList());
        assertEquals(AGENTS_CLASS, descriptors.get(0).getContributionURI());
        assertEquals("Topology", descriptors.get(1).getLabel());
        assertEquals(TOPOLOGY_CLASS, descriptors.get(1).getContributionURI());
    }

    @Test
    void everyContributionOfTheAssembledModelNamesALoadableClass() throws Exception {
        List<String> uris = new ArrayList<>();
        ((EObject) assembled()).eAllContents().forEachRemaining(object -> {
            if (object instanceof MContribution contribution) {
                uris.add(contribution.getContributionURI());
            }
        });

        assertTrue(uris.containsAll(List.of(AGENTS_CLASS, TOPOLOGY_CLASS, OFFERS_CLASS)), uris::toString);
        for (String uri : uris) {
            loadContribution(uri);
        }
    }

    /**
     * Application.e4xmi with {@code mergedFirst} and then every registered fragment merged, failing if a
     * fragment's parent is missing.
     */
    private MApplication assembled(MModelFragment... mergedFirst) {
        MApplication application = load("Application.e4xmi", MApplication.class);
        for (MModelFragment fragment : mergedFirst) {
            merge(application, fragment, "a plugin");
        }
        for (IConfigurationElement registered : registeredFragments()) {
            String uri = registered.getAttribute("uri");
            for (MModelFragment fragment : load(uri, MModelFragments.class).getFragments()) {
                merge(application, fragment, uri);
            }
        }
        return application;
    }

    private static void merge(MApplication application, MModelFragment fragment, String source) {
        List<MApplicationElement> elements = List.copyOf(fragment.getElements());
        assertEquals(elements, fragment.merge(application), () -> source + ": nothing merged into "
                + (fragment instanceof MStringModelFragment named
                        ? named.getParentElementId() + " (" + named.getFeaturename() + ")" : fragment)
                + "; is there such an element with such a feature?");
    }

    private static MPartStack viewsStack(MApplication application) {
        MTrimmedWindow window = (MTrimmedWindow) application.getChildren().get(0);
        return window.getChildren().stream()
                .filter(element -> VIEWS_STACK.equals(element.getElementId()))
                .map(MPartStack.class::cast)
                .findFirst()
                .orElseGet(() -> fail("no part stack " + VIEWS_STACK + " in the window"));
    }

    private List<IConfigurationElement> registeredFragments() {
        return Stream.of(RegistryFactory.getRegistry().getConfigurationElementsFor(MODEL_EXTENSION_POINT))
                .filter(element -> BUNDLE.equals(element.getContributor().getName()))
                .filter(element -> "fragment".equals(element.getName()))
                .toList();
    }

    private <T> T load(String path, Class<T> root) {
        URL entry = console.getEntry(path);
        assertNotNull(entry, () -> path + " is not in bundle " + BUNDLE + " (build.properties bin.includes?)");
        return root.cast(models.getResource(URI.createURI(entry.toString()), true).getContents().get(0));
    }

    private void loadContribution(String uri) throws ClassNotFoundException {
        assertTrue(uri.startsWith("bundleclass://"), uri);
        String[] bundleAndClass = uri.substring("bundleclass://".length()).split("/", 2);
        Bundle owner = Stream.of(console.getBundleContext().getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals(bundleAndClass[0]))
                .findFirst()
                .orElseGet(() -> fail("no bundle " + bundleAndClass[0] + " for " + uri));
        assertNotNull(owner.loadClass(bundleAndClass[1]), uri);
    }
}
