package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

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
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.Ui;

/**
 * The Topology part on a real display, told connection states and changes as its feed tells them, without a
 * master: its status line, summary and filters. Following a real master is {@link TopologyPartAgainstRealMasterTest}.
 */
@Timeout(60)
class TopologyPartTest {

    private static final MasterAddress MASTER = MasterAddress.parse("127.0.0.1:5050");
    private static final AgentView WEB = Clusters.withRoles(Clusters.agent("M-S0", "node-a", "rack:r1"), "web");
    private static final AgentView BATCH = Clusters.withRoles(Clusters.agent("M-S1", "node-b", "rack:r2"), "batch",
            "*");
    private static final AgentView LOST = Clusters.withState(Clusters.agent("M-S2", "node-c", "rack:r1"),
            AgentState.UNREACHABLE);

    private Display display;
    private Shell shell;
    private ClusterClient client;
    private TopologyPart part;

    @BeforeEach
    void openPart() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1180, 520);
        client = ClusterClients.create();
        part = new TopologyPart(client, new DisplayUISynchronize(display));
        part.createControls(shell);
        // The test plays the feed itself: the part's own is closed at once, so the idle client tells it nothing.
        part.dispose();
        shell.open();
        part.connectionChanged(new ConnectionState.Connected(MASTER, MASTER, Optional.empty()));
        part.clusterChanged(ClusterChange.resetTo(Clusters.state(List.of(WEB, BATCH, LOST))));
    }

    @AfterEach
    void closePart() {
        client.close();
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void saysWhereTheConnectionStandsAndHowManyAgentsAndTasksItShows() {
        assertEquals("Connected to 127.0.0.1:5050 · 3 agents", part.status());
        assertEquals("3 agents · 0 tasks", part.summary());

        part.connectionChanged(new ConnectionState.Connecting(MASTER));
        assertEquals("Connecting to 127.0.0.1:5050…", part.status());
    }

    @Test
    void theRoleFilterOffersEveryRoleOfTheAgents() {
        assertArrayEquals(new String[] {TopologyPart.ANY_ROLE, "*", "batch", "web"}, part.roleFilter().getItems());

        choose(part.roleFilter(), "web");

        assertEquals(List.of("M-S0"), part.tiles().shown().stream().map(AgentView::id).toList());
        assertEquals("1 of 3 agents · 0 tasks", part.summary());

        part.clusterChanged(Clusters.changed(Clusters.state(List.of(WEB, BATCH)), "M-S2"));
        assertEquals("web", part.roleFilter().getText(), "the chosen role stays chosen");
    }

    @Test
    void theStateAndAttributeFiltersNarrowTheTiles() {
        choose(part.stateFilter(), AgentState.UNREACHABLE.label());
        assertEquals(List.of("M-S2"), part.tiles().shown().stream().map(AgentView::id).toList());

        choose(part.stateFilter(), TopologyPart.ANY_STATE);
        part.attributesFilter().setText("rack:r1");
        assertEquals(List.of("M-S0", "M-S2"), part.tiles().shown().stream().map(AgentView::id).toList());
        assertEquals("2 of 3 agents · 0 tasks", part.summary());
    }

    private static void choose(Combo combo, String item) {
        combo.select(combo.indexOf(item));
        combo.notifyListeners(SWT.Selection, new Event());
    }
}
