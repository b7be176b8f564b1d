package org.meseta.console.ui.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.OfferView;
import org.meseta.console.core.model.RoleQuota;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.Ui;

/**
 * The Offers part on a real display, told changes as its feed tells them, without a master: what each table shows
 * and how the framework and agent filters narrow them. Following a real master is
 * {@link OffersPartAgainstRealMasterTest}.
 */
@Timeout(60)
class OffersPartTest {

    private static final MasterAddress MASTER = MasterAddress.parse("127.0.0.1:5050");
    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
    private static final AgentView NODE_A = Clusters.agent("M-S0", "node-a", "");
    private static final AgentView NODE_B = Clusters.agent("M-S1", "node-b", "");
    private static final FrameworkView WEB = framework("F-web", "web", "prod");
    private static final FrameworkView BATCH = framework("F-batch", "batch", "*");
    private static final RoleView PROD = new RoleView("prod", 2, 0.125, List.of("F-web"), new Amounts(1, 256, 0, 0),
            new Amounts(2, 512, 0, 0), Amounts.NONE, new RoleQuota(Map.of("cpus", 2.0), Map.of("cpus", 4.0,
                    "mem", 4096.0), Map.of("cpus", 1.0, "mem", 256.0)));
    private static final RoleView ANY = new RoleView("*", 1, 0.5, List.of("F-batch"), Amounts.NONE, Amounts.NONE,
            Amounts.NONE);

    private Display display;
    private Shell shell;
    private ClusterClient client;
    private OffersPart part;

    private static FrameworkView framework(String id, String name, String role) {
        return new FrameworkView(id, name, "", List.of(role), true, true, GetFrameworks.Framework.getDefaultInstance());
    }

    private static OfferView offer(String id, String framework, AgentView agent, String role) {
        return new OfferView(id, framework, agent.id(), agent.hostname(), role, new Amounts(2, 512, 0, 0),
                Offer.getDefaultInstance());
    }

    private static OfferEvent event(OfferEvent.Kind kind, OfferView offer, OptionalDouble refusal) {
        return new OfferEvent(kind, offer.id(), offer.frameworkId(), offer.agentId(), offer.role(), offer.resources(),
                refusal);
    }

    private static ClusterState state(List<OfferView> offers) {
        Map<String, OfferView> byId = new LinkedHashMap<>();
        offers.forEach(offer -> byId.put(offer.id(), offer));
        return new ClusterState(Map.of(NODE_A.id(), NODE_A, NODE_B.id(), NODE_B),
                Map.of(WEB.id(), WEB, BATCH.id(), BATCH), byId, List.of(ANY, PROD), List.of(), true);
    }

    private static ClusterChange change(ClusterState state, OfferEvent... events) {
        return new ClusterChange(state, false, Set.of(), Set.of(), Set.of(), List.of(events), false);
    }

    @BeforeEach
    void openPart() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1140, 560);
        client = ClusterClients.create();
        part = new OffersPart(client, new DisplayUISynchronize(display), Clock.fixed(NOW, ZoneOffset.UTC));
        part.createControls(shell);
        // The test plays the feed itself: the part's own is closed at once, so the idle client tells it nothing.
        part.dispose();
        shell.open();
        part.connectionChanged(new ConnectionState.Connected(MASTER, MASTER, Optional.empty()));
    }

    @AfterEach
    void closePart() {
        client.close();
        shell.dispose();
        Ui.flush(display);
    }

    private void showHistory() {
        OfferView web = offer("M-O1", WEB.id(), NODE_A, "prod");
        OfferView batch = offer("M-O2", BATCH.id(), NODE_B, "*");
        OfferView declined = offer("M-O3", BATCH.id(), NODE_A, "*");
        part.clusterChanged(ClusterChange.resetTo(state(List.of())));
        part.clusterChanged(change(state(List.of(web, batch, declined)), event(OfferEvent.Kind.CREATED, web,
                OptionalDouble.empty()), event(OfferEvent.Kind.CREATED, batch, OptionalDouble.empty()),
                event(OfferEvent.Kind.CREATED, declined, OptionalDouble.empty())));
        part.clusterChanged(change(state(List.of(web, batch)), event(OfferEvent.Kind.DECLINED, declined,
                OptionalDouble.of(5))));
        Ui.flush(display);
    }

    @Test
    void outstandingOffersEventsNewestFirstAndTheRolesWithTheirQuota() {
        showHistory();

        assertEquals(List.of("O1", "web", "node-a", "prod", "2 cpus · 512 MB mem", "09:30:00"),
                part.outstanding().cells(0));
        assertEquals(2, part.outstanding().rows().size());
        assertEquals(List.of("09:30:00", "declined", "O3", "batch", "node-a", "*", "2 cpus · 512 MB mem",
                "refused for 5 s"), part.events().cells(0));
        assertEquals(List.of("created", "created", "created"), part.events().rows().stream().skip(1)
                .map(entry -> OfferColumns.label(entry.event().kind())).toList());
        assertEquals(List.of("prod", "2", "12.5 %", "1", "1 cpus · 256 MB mem", "2 cpus · 512 MB mem", "—",
                "2 cpus", "4 cpus · 4 GB mem", "1 cpus · 256 MB mem"), part.roles().cells(1));
        assertEquals("2 outstanding offers · 4 events", part.summary());
    }

    @Test
    void choosingAFrameworkOrAnAgentShowsOnlyItsOffersAndRoles() {
        showHistory();

        choose(part.frameworkFilter().combo(), part.frameworkFilter().ids().indexOf(BATCH.id()) + 1);
        assertEquals(List.of("M-O2"), part.outstanding().rows().stream().map(OfferView::id).toList());
        assertEquals(3, part.events().rows().size());
        assertEquals(List.of("*"), part.roles().rows().stream().map(RoleView::name).toList());

        choose(part.agentFilter().combo(), part.agentFilter().ids().indexOf(NODE_A.id()) + 1);
        assertEquals(List.of(), part.outstanding().rows());
        assertEquals(List.of("M-O3", "M-O3"), part.events().rows().stream().map(entry -> entry.event().offerId())
                .toList());
        assertEquals("0 outstanding offers · 2 events", part.summary());

        choose(part.frameworkFilter().combo(), 0);
        choose(part.agentFilter().combo(), 0);
        assertEquals(2, part.outstanding().rows().size());
    }

    @Test
    void aMasterWithoutOfferStreamIsExplained() {
        part.clusterChanged(ClusterChange.resetTo(new ClusterState(Map.of(), Map.of(), Map.of(), List.of(),
                List.of(), false)));

        assertTrue(part.status().endsWith("this master has no offer stream (not a Meseta master): no offers to "
                + "show"), part.status());
    }

    private void choose(Combo combo, int index) {
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
        Ui.flush(display);
    }
}
