package org.meseta.console.ui.topology;

import org.eclipse.swt.graphics.Rectangle;

/**
 * Where the tiles go: a grid of equal tiles, left to right and top to bottom, as many columns as fit the width,
 * scaled by the zoom. Coordinates are those of the whole content, before scrolling. Immutable and pure, so the
 * canvas asks it which tiles a damaged area covers and paints only those.
 */
final class TileLayout {

    /** The zoom levels, smallest first; {@link #DEFAULT_ZOOM} is 100 %. */
    static final double[] ZOOMS = {0.5, 0.75, 1, 1.25, 1.5, 2};
    static final int DEFAULT_ZOOM = 2;
    static final int BASE_WIDTH = 240;
    static final int BASE_HEIGHT = 156;
    static final int BASE_GAP = 8;

    private final double zoom;
    private final int tileWidth;
    private final int tileHeight;
    private final int gap;
    private final int columns;

    /**
     * @param zoomLevel an index into {@link #ZOOMS}
     * @param width the width available for the grid, in pixels
     */
    TileLayout(int zoomLevel, int width) {
        this.zoom = ZOOMS[zoomLevel];
        this.tileWidth = scale(BASE_WIDTH);
        this.tileHeight = scale(BASE_HEIGHT);
        this.gap = Math.max(2, scale(BASE_GAP));
        this.columns = Math.max(1, (width - gap) / (tileWidth + gap));
    }

    /** {@code pixels} at 100 % in pixels at this zoom (at least 1). */
    int scale(int pixels) {
        return Math.max(1, (int) Math.round(pixels * zoom));
    }

    /** Whether tiles are big enough for text. */
    boolean showsText() {
        return zoom >= 0.75;
    }

    int columns() {
        return columns;
    }

    int tileWidth() {
        return tileWidth;
    }

    int tileHeight() {
        return tileHeight;
    }

    /** The tile of index {@code index}. */
    Rectangle bounds(int index) {
        int row = index / columns;
        int column = index % columns;
        return new Rectangle(gap + column * (tileWidth + gap), gap + row * (tileHeight + gap), tileWidth, tileHeight);
    }

    /** The height of a grid of {@code count} tiles, margins included. */
    int contentHeight(int count) {
        int rows = (count + columns - 1) / columns;
        return gap + rows * (tileHeight + gap);
    }

    /** The index of the tile at {@code (x, y)}, or -1 when that is a gap or there is no such tile. */
    int indexAt(int x, int y, int count) {
        int column = (x - gap) / (tileWidth + gap);
        int row = (y - gap) / (tileHeight + gap);
        if (x < gap || y < gap || column >= columns) {
            return -1;
        }
        int index = row * columns + column;
        return index < count && bounds(index).contains(x, y) ? index : -1;
    }

    /** The first index of the tiles a band from {@code top} to {@code bottom} (exclusive) may cover. */
    int firstIn(int top) {
        return Math.max(0, (top - gap) / (tileHeight + gap)) * columns;
    }

    /** One past the last index of the {@code count} tiles a band ending at {@code bottom} may cover. */
    int endIn(int bottom, int count) {
        int rows = Math.max(0, (bottom - gap) / (tileHeight + gap) + 1);
        return Math.min(count, rows * columns);
    }
}
