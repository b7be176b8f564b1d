package org.meseta.console.ui.topology;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ResourceKind;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.core.model.Usage;

/**
 * Draws one agent's tile: a header in the colour of its state with its host name and state, a bar per resource
 * (used, offered, free; a line under it for the reserved part), its attributes, and a square per task in the colour
 * of the task's state. Below 75 % zoom only the colours are drawn. Stateless; UI thread only.
 *
 * <pre>
 * ┌──────────────────────────────────┐
 * │ node-a.test               active │  header
 * │ cpus ███████▒▒▒░░░░░░░░░  1.5/4  │  used ▒ offered ░ free
 * │ mem  ███░░░░░░░░░░░░░░░░  2G/8G  │
 * │ disk ░░░░░░░░░░░░░░░░░░░░  0/20G │
 * │ ports ░░░░░░░░░░░░░░░░░░  0/1001 │
 * │ rack:r1;zone:a                   │
 * │ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ ■ +37    │  tasks
 * └──────────────────────────────────┘
 * </pre>
 */
final class TilePainter {

    private static final int PAD = 6;
    private static final int HEADER = 20;
    private static final int BAR_ROW = 14;
    private static final int BAR = 8;
    private static final int TASK = 8;
    private static final int TASK_GAP = 3;
    private static final String ELLIPSIS = "…";

    private TilePainter() {
    }

    /**
     * Paints {@code agent} into {@code tile}.
     *
     * @param highlight how strongly to mark it as just changed, 0 (not) to 1
     */
    static void paint(GC gc, Rectangle tile, AgentView agent, TileLayout layout, boolean selected,
            double highlight) {
        gc.setBackground(agent.state().isAdmitted() ? TopologyColors.TILE : TopologyColors.TILE_REMOVED);
        gc.fillRectangle(tile);
        int header = layout.scale(HEADER);
        gc.setBackground(TopologyColors.of(agent.state()));
        gc.fillRectangle(tile.x, tile.y, tile.width, header);
        boolean text = layout.showsText();
        int pad = layout.scale(PAD);
        if (text) {
            headerText(gc, tile, agent, header, pad);
        }
        int y = barsTop(tile, layout);
        Rows rows = Rows.of(gc, agent, layout);
        for (ResourceKind kind : ResourceKind.values()) {
            bar(gc, tile, y, kind, agent.resources().usage(kind), layout, rows);
            y += rows.height();
        }
        if (text) {
            gc.setForeground(TopologyColors.TEXT_DIM);
            String attributes = agent.attributesText().isEmpty() ? "no attributes" : agent.attributesText();
            gc.drawText(fit(gc, attributes, tile.width - 2 * pad), tile.x + pad, y, true);
        }
        tasks(gc, TaskGrid.of(tile, tasksTop(gc, tile, rows, layout), agent.tasks().size(), layout),
                agent.tasks(), layout);
        border(gc, tile, selected, highlight);
    }

    /**
     * The index in {@code agent.tasks()} of the task whose square is at {@code (x, y)} of its tile {@code tile} as
     * {@link #paint} draws it with {@code gc}'s font, or -1 when no square is there.
     */
    static int taskAt(GC gc, Rectangle tile, AgentView agent, TileLayout layout, int x, int y) {
        return TaskGrid.of(tile, tasksTop(gc, tile, Rows.of(gc, agent, layout), layout), agent.tasks().size(), layout)
                .indexAt(x, y);
    }

    private static int barsTop(Rectangle tile, TileLayout layout) {
        return tile.y + layout.scale(HEADER) + layout.scale(4);
    }

    /** Where the task squares start: under the bars and, with text, the attributes. */
    private static int tasksTop(GC gc, Rectangle tile, Rows rows, TileLayout layout) {
        int y = barsTop(tile, layout) + ResourceKind.values().length * rows.height();
        return layout.showsText() ? y + gc.getFontMetrics().getHeight() + layout.scale(2) : y;
    }

    private static void headerText(GC gc, Rectangle tile, AgentView agent, int header, int pad) {
        gc.setForeground(TopologyColors.HEADER_TEXT);
        String state = agent.state().label();
        int stateWidth = gc.textExtent(state).x;
        int textY = tile.y + (header - gc.getFontMetrics().getHeight()) / 2;
        gc.drawText(state, tile.x + tile.width - pad - stateWidth, textY, true);
        gc.drawText(fit(gc, agent.hostname(), tile.width - 3 * pad - stateWidth), tile.x + pad, textY, true);
    }

    /**
     * How the bar rows of a tile are laid out: their height, and the widths of the labels left of the bars and of
     * the figures right of them (0 without text). Measured in the GC's font, so text never runs into a bar.
     */
    private record Rows(int height, int labelWidth, int valueWidth) {

        /** The rows of {@code agent}'s tile: measured with text, bare bars without. */
        static Rows of(GC gc, AgentView agent, TileLayout layout) {
            return layout.showsText() ? measured(gc, agent, layout) : new Rows(layout.scale(BAR_ROW), 0, 0);
        }

        private static Rows measured(GC gc, AgentView agent, TileLayout layout) {
            int labels = 0;
            int values = 0;
            for (ResourceKind kind : ResourceKind.values()) {
                labels = Math.max(labels, gc.textExtent(kind.resourceName()).x);
                values = Math.max(values, gc.textExtent(value(kind, agent.resources().usage(kind))).x);
            }
            int pad = layout.scale(PAD);
            return new Rows(Math.max(layout.scale(BAR_ROW), gc.getFontMetrics().getHeight()), labels + pad,
                    values + pad);
        }
    }

    /** One bar in the row at {@code top}; with text, its label left and its figures right. */
    private static void bar(GC gc, Rectangle tile, int top, ResourceKind kind, Usage usage, TileLayout layout,
            Rows rows) {
        int pad = layout.scale(PAD);
        int left = tile.x + pad;
        int right = tile.x + tile.width - pad;
        int height = Math.max(2, layout.scale(BAR));
        int y = top + (rows.height() - height) / 2;
        if (rows.labelWidth() > 0) {
            int textY = top + (rows.height() - gc.getFontMetrics().getHeight()) / 2;
            gc.setForeground(TopologyColors.TEXT);
            gc.drawText(kind.resourceName(), left, textY, true);
            String value = value(kind, usage);
            gc.drawText(value, right - gc.textExtent(value).x, textY, true);
            left += rows.labelWidth();
            right -= rows.valueWidth();
        }
        int width = Math.max(1, right - left);
        gc.setBackground(TopologyColors.FREE);
        gc.fillRectangle(left, y, width, height);
        if (usage.total() <= 0) {
            return;
        }
        int used = part(usage.used(), usage.total(), width);
        int offered = Math.min(width - used, part(usage.offered(), usage.total(), width));
        gc.setBackground(TopologyColors.USED);
        gc.fillRectangle(left, y, used, height);
        gc.setBackground(TopologyColors.OFFERED);
        gc.fillRectangle(left + used, y, offered, height);
        int reserved = part(usage.reserved(), usage.total(), width);
        if (reserved > 0) {
            gc.setBackground(TopologyColors.RESERVED);
            gc.fillRectangle(left, y + height, reserved, Math.max(1, layout.scale(2)));
        }
    }

    private static int part(double amount, double total, int width) {
        return (int) Math.round(Math.min(1, Math.max(0, amount / total)) * width);
    }

    /** Used of total, short: {@code 1.5/4}, {@code 512M/8G}, {@code 3/1001}. */
    static String value(ResourceKind kind, Usage usage) {
        return switch (kind) {
            case CPUS, PORTS -> ResourceFormat.number(usage.used()) + "/" + ResourceFormat.number(usage.total());
            case MEM, DISK -> shortMegabytes(usage.used()) + "/" + shortMegabytes(usage.total());
        };
    }

    /** {@code 512M}, {@code 1.5G}, {@code 488G}: at most three significant digits. */
    static String shortMegabytes(double mb) {
        String text = ResourceFormat.megabytes(mb);
        int space = text.indexOf(' ');
        double value = Double.parseDouble(text.substring(0, space));
        String number = value >= 100 ? ResourceFormat.number(Math.round(value))
                : value >= 10 ? ResourceFormat.number(Math.round(value * 10) / 10.0) : text.substring(0, space);
        return number + text.charAt(space + 1);
    }

    /**
     * Where a tile's task squares go: a grid from {@code (left, top)} of squares of {@code size} every {@code step}
     * pixels, {@code columns} wide; the first {@code drawn} tasks get one, and when they do not all fit, the room of
     * the last three holds {@code +N}.
     */
    private record TaskGrid(int left, int top, int size, int step, int columns, int drawn, boolean overflow) {

        static TaskGrid of(Rectangle tile, int top, int count, TileLayout layout) {
            int pad = layout.scale(PAD);
            int size = Math.max(2, layout.scale(TASK));
            int step = size + Math.max(1, layout.scale(TASK_GAP));
            int columns = Math.max(1, (tile.width - 2 * pad + step - size) / step);
            int rows = Math.max(0, (tile.y + tile.height - pad - top + step - size) / step);
            int capacity = columns * rows;
            boolean overflow = count > capacity;
            return new TaskGrid(tile.x + pad, top, size, step, columns, overflow ? Math.max(0, capacity - 3) : count,
                    overflow && capacity > 0);
        }

        int x(int index) {
            return left + (index % columns) * step;
        }

        int y(int index) {
            return top + (index / columns) * step;
        }

        /** The index of the square at {@code (px, py)}, or -1 (a gap, or no square there). */
        int indexAt(int px, int py) {
            if (px < left || py < top) {
                return -1;
            }
            int column = (px - left) / step;
            int index = (py - top) / step * columns + column;
            boolean inSquare = column < columns && px - x(index) < size && py - y(index) < size;
            return inSquare && index < drawn ? index : -1;
        }
    }

    private static void tasks(GC gc, TaskGrid grid, List<TaskView> tasks, TileLayout layout) {
        for (int i = 0; i < grid.drawn(); i++) {
            gc.setBackground(TopologyColors.of(tasks.get(i).state()));
            gc.fillRectangle(grid.x(i), grid.y(i), grid.size(), grid.size());
        }
        if (grid.overflow() && layout.showsText()) {
            gc.setForeground(TopologyColors.TEXT);
            gc.drawText("+" + (tasks.size() - grid.drawn()), grid.x(grid.drawn()),
                    grid.y(grid.drawn()) + (grid.size() - gc.getFontMetrics().getHeight()) / 2, true);
        }
    }

    private static void border(GC gc, Rectangle tile, boolean selected, double highlight) {
        gc.setLineWidth(1);
        gc.setForeground(TopologyColors.BORDER);
        gc.drawRectangle(tile.x, tile.y, tile.width - 1, tile.height - 1);
        if (highlight > 0) {
            gc.setAlpha((int) Math.round(255 * Math.min(1, highlight)));
            gc.setLineWidth(3);
            gc.setForeground(TopologyColors.HIGHLIGHT);
            gc.drawRectangle(tile.x + 1, tile.y + 1, tile.width - 3, tile.height - 3);
            gc.setAlpha(255);
        }
        if (selected) {
            gc.setLineWidth(2);
            gc.setForeground(TopologyColors.SELECTION);
            gc.drawRectangle(tile.x + 1, tile.y + 1, tile.width - 2, tile.height - 2);
        }
        gc.setLineWidth(1);
        gc.setLineStyle(SWT.LINE_SOLID);
    }

    /** {@code text}, cut with an ellipsis to fit {@code width} pixels. */
    static String fit(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        int low = 0;
        int high = text.length();
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (gc.textExtent(text.substring(0, middle) + ELLIPSIS).x <= width) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return text.substring(0, low) + ELLIPSIS;
    }
}
