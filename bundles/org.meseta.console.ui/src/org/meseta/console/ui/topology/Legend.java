package org.meseta.console.ui.topology;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.meseta.console.core.model.AgentState;

/** A line that explains the topology's colours: the bars' segments and the agents' states. UI thread only. */
final class Legend {

    private static final int SWATCH = 10;
    private static final int SPACE = 6;
    private static final int GROUP = 18;

    private final Canvas canvas;

    Legend(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(event -> paint(event.gc));
    }

    Canvas control() {
        return canvas;
    }

    /** The height it needs. */
    int height() {
        GC gc = new GC(canvas);
        try {
            return gc.getFontMetrics().getHeight() + 4;
        } finally {
            gc.dispose();
        }
    }

    private void paint(GC gc) {
        gc.setBackground(canvas.getParent().getBackground());
        gc.fillRectangle(canvas.getClientArea());
        int x = 4;
        x = item(gc, x, TopologyColors.USED, "used");
        x = item(gc, x, TopologyColors.OFFERED, "offered");
        x = item(gc, x, TopologyColors.FREE, "free");
        x = item(gc, x, TopologyColors.RESERVED, "reserved (line under the bar)") + GROUP;
        for (AgentState state : AgentState.values()) {
            x = item(gc, x, TopologyColors.of(state), state.label());
        }
    }

    private static int item(GC gc, int x, Color color, String label) {
        int height = gc.getFontMetrics().getHeight();
        gc.setBackground(color);
        gc.fillRectangle(x, 2 + (height - SWATCH) / 2, SWATCH, SWATCH);
        gc.setForeground(TopologyColors.TEXT);
        gc.drawText(label, x + SWATCH + 4, 2, true);
        Point extent = gc.textExtent(label);
        return x + SWATCH + 4 + extent.x + SPACE + 4;
    }
}
