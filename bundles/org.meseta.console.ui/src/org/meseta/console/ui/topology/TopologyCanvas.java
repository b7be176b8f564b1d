package org.meseta.console.ui.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.ResourceKind;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.core.model.Usage;
import org.meseta.console.ui.feed.AgentOrder;

/**
 * The agents as tiles on one custom-drawn canvas, virtually: only the tiles in the damaged part of the visible area
 * are painted, whatever the number of agents. A change redraws the tiles of the agents it names, unless agents
 * appeared, left or moved in the order (then the visible area is repainted once). Changed agents are highlighted,
 * fading out over {@value #HIGHLIGHT_MILLIS} ms. Ctrl and the mouse wheel zoom; a click selects a tile. UI thread
 * only.
 */
final class TopologyCanvas {

    static final int HIGHLIGHT_MILLIS = 1500;
    private static final int HIGHLIGHT_TICK_MILLIS = 100;

    private final Canvas canvas;
    private final Runnable onZoom;
    private ClusterState state = ClusterState.EMPTY;
    private TopologyFilter filter = TopologyFilter.NONE;
    private List<AgentView> shown = List.of();
    private final Map<String, Integer> indexes = new HashMap<>();
    /** When each highlighted agent's highlight ends, in {@link System#currentTimeMillis()}. */
    private final Map<String, Long> highlights = new HashMap<>();
    private boolean ticking;
    private int zoom = TileLayout.DEFAULT_ZOOM;
    private TileLayout layout;
    private String selected;
    private boolean stale;
    private final List<String> painted = new ArrayList<>();

    /** @param onZoom told after the zoom changed (by the wheel or {@link #setZoom}) */
    TopologyCanvas(Composite parent, Runnable onZoom) {
        this.onZoom = onZoom;
        canvas = new Canvas(parent, SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        layout = new TileLayout(zoom, 0);
        canvas.addPaintListener(event -> paint(event.gc, new Rectangle(event.x, event.y, event.width,
                event.height)));
        canvas.addListener(SWT.Resize, event -> relayout());
        canvas.getVerticalBar().addListener(SWT.Selection, event -> canvas.redraw());
        canvas.addListener(SWT.MouseWheel, this::wheel);
        canvas.addListener(SWT.MouseDown, event -> select(agentAt(event.x, event.y).map(AgentView::id)
                .orElse(null)));
        canvas.addListener(SWT.MouseMove, event -> canvas.setToolTipText(taskAt(event.x, event.y)
                .map(TopologyCanvas::tooltip).or(() -> agentAt(event.x, event.y).map(TopologyCanvas::tooltip))
                .orElse(null)));
    }

    Canvas control() {
        return canvas;
    }

    /** Takes in a change of the cluster. */
    void show(ClusterChange change) {
        state = change.state();
        if (!change.reset()) {
            long until = System.currentTimeMillis() + HIGHLIGHT_MILLIS;
            change.agents().forEach(id -> highlights.put(id, until));
        } else {
            highlights.clear();
        }
        refresh(change.reset() ? null : change.agents());
        tickHighlights();
    }

    /** Shows only the agents {@code newFilter} lets through. */
    void setFilter(TopologyFilter newFilter) {
        filter = newFilter;
        refresh(null);
    }

    /** Greys the tiles out while they may be out of date. */
    void setStale(boolean newStale) {
        if (stale != newStale) {
            stale = newStale;
            canvas.redraw();
        }
    }

    int zoom() {
        return zoom;
    }

    /** Zooms to {@code level}, an index into {@link TileLayout#ZOOMS}, keeping the top tile in view. */
    void setZoom(int level) {
        int clamped = Math.max(0, Math.min(TileLayout.ZOOMS.length - 1, level));
        if (clamped == zoom) {
            return;
        }
        int topIndex = layout.firstIn(scrollTop());
        zoom = clamped;
        relayout();
        ScrollBar bar = canvas.getVerticalBar();
        bar.setSelection(topIndex < shown.size() ? layout.bounds(topIndex).y - layout.scale(TileLayout.BASE_GAP) : 0);
        canvas.redraw();
        onZoom.run();
    }

    /** The agents shown, in their order. */
    List<AgentView> shown() {
        return shown;
    }

    /** How many agents the cluster has, shown or not. */
    int total() {
        return state.agents().size();
    }

    /** The agent of the tile at {@code (x, y)} of the canvas. */
    Optional<AgentView> agentAt(int x, int y) {
        int index = layout.indexAt(x, y + scrollTop(), shown.size());
        return index < 0 ? Optional.empty() : Optional.of(shown.get(index));
    }

    /** The task whose square is at {@code (x, y)} of the canvas, if any. */
    Optional<TaskView> taskAt(int x, int y) {
        int index = layout.indexAt(x, y + scrollTop(), shown.size());
        if (index < 0) {
            return Optional.empty();
        }
        AgentView agent = shown.get(index);
        Rectangle tile = layout.bounds(index);
        tile.y -= scrollTop();
        GC gc = new GC(canvas);
        try {
            int task = TilePainter.taskAt(gc, tile, agent, layout, x, y);
            return task < 0 ? Optional.empty() : Optional.of(agent.tasks().get(task));
        } finally {
            gc.dispose();
        }
    }

    /** Where the tile of agent {@code id} is on the canvas now (scrolled), if it is shown. */
    Optional<Rectangle> tileOf(String id) {
        Integer index = indexes.get(id);
        if (index == null) {
            return Optional.empty();
        }
        Rectangle bounds = layout.bounds(index);
        bounds.y -= scrollTop();
        return Optional.of(bounds);
    }

    /** The selected agent, if it is shown. */
    Optional<AgentView> selected() {
        return Optional.ofNullable(selected).map(indexes::get).map(shown::get);
    }

    /** Selects agent {@code id} (none with {@code null}). */
    void select(String id) {
        String before = selected;
        selected = id;
        redrawTile(before);
        redrawTile(id);
    }

    /** The ids of the tiles painted since the last call, in painting order (for tests). */
    List<String> takePainted() {
        List<String> taken = List.copyOf(painted);
        painted.clear();
        return taken;
    }

    private void refresh(Set<String> changed) {
        List<AgentView> next = new ArrayList<>();
        for (AgentView agent : state.agents().values()) {
            if (filter.matches(agent)) {
                next.add(agent);
            }
        }
        next.sort(AgentOrder.BY_HOST);
        boolean sameTiles = changed != null && sameIds(next, shown);
        shown = next;
        indexes.clear();
        for (int i = 0; i < shown.size(); i++) {
            indexes.put(shown.get(i).id(), i);
        }
        if (sameTiles) {
            changed.forEach(this::redrawTile);
        } else {
            relayout();
            canvas.redraw();
        }
    }

    private static boolean sameIds(List<AgentView> left, List<AgentView> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!left.get(i).id().equals(right.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private void redrawTile(String id) {
        if (id != null) {
            tileOf(id).filter(tile -> tile.intersects(canvas.getClientArea()))
                    .ifPresent(tile -> canvas.redraw(tile.x, tile.y, tile.width, tile.height, false));
        }
    }

    private void relayout() {
        Rectangle area = canvas.getClientArea();
        layout = new TileLayout(zoom, area.width);
        ScrollBar bar = canvas.getVerticalBar();
        int height = layout.contentHeight(shown.size());
        bar.setMaximum(Math.max(1, height));
        bar.setThumb(Math.max(1, Math.min(height, area.height)));
        bar.setPageIncrement(Math.max(1, area.height - layout.tileHeight()));
        bar.setIncrement(Math.max(1, layout.tileHeight() / 4));
        bar.setVisible(height > area.height);
    }

    private int scrollTop() {
        ScrollBar bar = canvas.getVerticalBar();
        return bar.getVisible() ? bar.getSelection() : 0;
    }

    private void paint(GC gc, Rectangle damaged) {
        gc.setBackground(TopologyColors.BACKGROUND);
        gc.fillRectangle(damaged);
        int top = scrollTop();
        long now = System.currentTimeMillis();
        int end = layout.endIn(top + damaged.y + damaged.height, shown.size());
        for (int i = layout.firstIn(top + damaged.y); i < end; i++) {
            Rectangle tile = layout.bounds(i);
            tile.y -= top;
            if (tile.intersects(damaged)) {
                AgentView agent = shown.get(i);
                Long until = highlights.get(agent.id());
                double highlight = until == null ? 0 : Math.max(0, (until - now) / (double) HIGHLIGHT_MILLIS);
                TilePainter.paint(gc, tile, agent, layout, agent.id().equals(selected), highlight);
                painted.add(agent.id());
            }
        }
        if (stale) {
            gc.setAlpha(110);
            gc.setBackground(TopologyColors.STALE);
            gc.fillRectangle(damaged);
            gc.setAlpha(255);
        }
    }

    private void wheel(Event event) {
        if ((event.stateMask & SWT.MOD1) != 0) {
            event.doit = false;
            setZoom(zoom + (event.count > 0 ? 1 : -1));
        }
    }

    /** Repaints highlighted tiles every tick while a highlight fades; stops when none is left. */
    private void tickHighlights() {
        if (ticking || highlights.isEmpty() || canvas.isDisposed()) {
            return;
        }
        ticking = true;
        canvas.getDisplay().timerExec(HIGHLIGHT_TICK_MILLIS, () -> {
            ticking = false;
            if (canvas.isDisposed()) {
                return;
            }
            long now = System.currentTimeMillis();
            for (Iterator<Map.Entry<String, Long>> it = highlights.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Long> highlight = it.next();
                if (highlight.getValue() <= now) {
                    it.remove();
                }
                redrawTile(highlight.getKey());
            }
            tickHighlights();
        });
    }

    private static String tooltip(TaskView task) {
        return task.key().taskId() + (task.name().equals(task.key().taskId()) ? "" : " (" + task.name() + ")") + "\n"
                + task.state() + " · role " + task.role() + " · " + ResourceFormat.amounts(task.resources())
                + "\nframework " + task.key().frameworkId();
    }

    private static String tooltip(AgentView agent) {
        StringBuilder text = new StringBuilder(agent.hostname()).append(" (").append(agent.state().label())
                .append(")\n").append(agent.id());
        for (ResourceKind kind : ResourceKind.values()) {
            Usage usage = agent.resources().usage(kind);
            text.append('\n').append(kind.resourceName()).append(": ").append(ResourceFormat.number(usage.used()))
                    .append(" used, ").append(ResourceFormat.number(usage.offered())).append(" offered, ")
                    .append(ResourceFormat.number(usage.free())).append(" free of ")
                    .append(ResourceFormat.number(usage.total()));
            if (usage.reserved() > 0) {
                text.append(" (").append(ResourceFormat.number(usage.reserved())).append(" reserved)");
            }
        }
        if (!agent.attributesText().isEmpty()) {
            text.append('\n').append(agent.attributesText());
        }
        if (!agent.roles().isEmpty()) {
            text.append("\nroles: ").append(String.join(", ", agent.roles()));
        }
        return text.append('\n').append(agent.tasks().size()).append(agent.tasks().size() == 1 ? " task" : " tasks")
                .toString();
    }
}
