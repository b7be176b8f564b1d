package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.Ui;

/** The tiles on a real display: order, filters, zoom, and which tiles a change repaints. */
@Timeout(60)
class TopologyCanvasTest {

    private Display display;
    private Shell shell;
    private TopologyCanvas canvas;
    private int zoomed;

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1040, 560);
        canvas = new TopologyCanvas(shell, () -> zoomed++);
        shell.open();
        Ui.flush(display);
    }

    @AfterEach
    void close() {
        shell.dispose();
        Ui.flush(display);
    }

    private static List<AgentView> agents(int count) {
        List<AgentView> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            agents.add(Clusters.agent("M-S" + i, "node-" + (char) ('a' + i % 26) + ".test", AgentState.ACTIVE,
                    new double[] {8, 16384, 102400, 1001}, new double[] {i % 8, 1024 * (i % 16), 0, 0},
                    "rack:r" + (i % 4), 20));
        }
        return agents;
    }

    /**
     * Runs the event loop until the display has painted what is pending (GTK paints on its frame clock, a moment
     * after the request) and returns the ids of the tiles painted since the last call.
     */
    private List<String> painted() {
        List<String> painted = new ArrayList<>();
        Ui.waitUntil(display, Ui.PATIENCE, () -> {
            painted.addAll(canvas.takePainted());
            return !painted.isEmpty();
        }, "a tile painted", () -> "none");
        Ui.flush(display);
        painted.addAll(canvas.takePainted());
        return painted;
    }

    @Test
    void agentsAreShownByHostNameAndThenByTheOrderTheMasterAdmittedThem() {
        canvas.show(ClusterChange.resetTo(Clusters.state(List.of(Clusters.agent("M-S10", "b", ""),
                Clusters.agent("M-S2", "b", ""), Clusters.agent("M-S7", "a", "")))));

        assertEquals(List.of("M-S7", "M-S2", "M-S10"), canvas.shown().stream().map(AgentView::id).toList());
    }

    @Test
    void aChangeRepaintsOnlyTheTilesOfTheAgentsItNames() {
        List<AgentView> agents = agents(8);
        canvas.show(ClusterChange.resetTo(Clusters.state(agents)));
        painted();

        List<AgentView> changed = new ArrayList<>(agents);
        changed.set(5, Clusters.withState(agents.get(5), AgentState.DRAINING));
        canvas.show(Clusters.changed(Clusters.state(changed), "M-S5"));

        assertEquals(Set.of("M-S5"), Set.copyOf(painted()));
        assertEquals(AgentState.DRAINING, canvas.shown().stream().filter(agent -> agent.id().equals("M-S5"))
                .findFirst().orElseThrow().state());
    }

    @Test
    void aThousandAgentsCostWhatTheVisibleTilesCost() {
        List<AgentView> agents = agents(1000);
        int tasks = agents.stream().mapToInt(agent -> agent.tasks().size()).sum();

        long started = System.nanoTime();
        canvas.show(ClusterChange.resetTo(Clusters.state(agents)));
        List<String> painted = painted();
        long shownNanos = System.nanoTime() - started;

        TileLayout layout = new TileLayout(canvas.zoom(), canvas.control().getClientArea().width);
        int visibleRows = canvas.control().getClientArea().height / layout.tileHeight() + 2;
        assertTrue(painted.size() <= visibleRows * layout.columns(),
                () -> painted.size() + " tiles painted of 1000; at most " + visibleRows * layout.columns() + " show");
        assertEquals(1000, canvas.shown().size());

        // A change naming 50 agents, the first 8 on screen, as the client tells a busy moment's worth of events.
        Set<String> changed = new LinkedHashSet<>();
        canvas.shown().subList(0, 8).forEach(agent -> changed.add(agent.id()));
        for (int i = 0; changed.size() < 50; i++) {
            changed.add(agents.get(i * 19).id());
        }
        List<AgentView> next = new ArrayList<>();
        for (AgentView agent : agents) {
            next.add(changed.contains(agent.id()) ? Clusters.withState(agent, AgentState.DEACTIVATED) : agent);
        }
        started = System.nanoTime();
        canvas.show(Clusters.changed(Clusters.state(next), changed.toArray(String[]::new)));
        List<String> repainted = painted();
        long changeNanos = System.nanoTime() - started;
        assertTrue(changed.containsAll(repainted), repainted::toString);
        System.out.printf("Topology: 1000 agents, %d tasks shown and %d tiles painted in %.1f ms; a change of 50"
                + " agents applied and %d tiles repainted in %.1f ms%n", tasks, painted.size(), shownNanos / 1e6,
                repainted.size(), changeNanos / 1e6);
    }

    @Test
    void filtersChooseTheTiles() {
        List<AgentView> agents = agents(12);
        agents.set(3, Clusters.withState(agents.get(3), AgentState.UNREACHABLE));
        canvas.show(ClusterChange.resetTo(Clusters.state(agents)));

        canvas.setFilter(TopologyFilter.NONE.withAttributes("rack:r1"));
        assertEquals(List.of("M-S1", "M-S5", "M-S9"), ids(canvas.shown()));
        assertEquals(12, canvas.total());

        canvas.setFilter(TopologyFilter.NONE.withState(Optional.of(AgentState.UNREACHABLE)));
        assertEquals(List.of("M-S3"), ids(canvas.shown()));
    }

    @Test
    void zoomChangesTheTileSizeAndAClickSelectsATile() {
        canvas.show(ClusterChange.resetTo(Clusters.state(agents(3))));
        Rectangle normal = canvas.tileOf("M-S1").orElseThrow();

        canvas.setZoom(canvas.zoom() + 1);

        assertEquals(1, zoomed);
        Rectangle larger = canvas.tileOf("M-S1").orElseThrow();
        assertEquals(Math.round(normal.width * 1.25), larger.width);
        assertEquals(Optional.of("M-S1"), canvas.agentAt(larger.x + 5, larger.y + 5).map(AgentView::id));

        canvas.setZoom(99);
        assertEquals(TileLayout.ZOOMS.length - 1, canvas.zoom(), "the largest zoom at most");
        canvas.select("M-S2");
        assertEquals(Optional.of("M-S2"), canvas.selected().map(AgentView::id));
    }

    @Test
    void anEmptyClusterHasNoTile() {
        canvas.show(ClusterChange.resetTo(Clusters.state(agents(2))));
        canvas.show(ClusterChange.resetTo(ClusterState.EMPTY));

        assertEquals(List.of(), canvas.shown());
        assertEquals(Optional.empty(), canvas.agentAt(20, 20));
        assertEquals(Optional.empty(), canvas.tileOf("M-S0"));
    }

    private static List<String> ids(List<AgentView> agents) {
        return agents.stream().map(AgentView::id).toList();
    }
}
