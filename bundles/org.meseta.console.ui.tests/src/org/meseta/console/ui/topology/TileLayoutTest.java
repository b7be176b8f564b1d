package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.Test;

class TileLayoutTest {

    /** At 100 %: tiles of 240 x 156 with gaps of 8; a 1000 pixel wide canvas holds four columns. */
    private final TileLayout layout = new TileLayout(TileLayout.DEFAULT_ZOOM, 1000);

    @Test
    void tilesFillRowsLeftToRightWithGapsAroundThem() {
        assertEquals(4, layout.columns());
        assertEquals(new Rectangle(8, 8, 240, 156), layout.bounds(0));
        assertEquals(new Rectangle(8 + 3 * 248, 8, 240, 156), layout.bounds(3));
        assertEquals(new Rectangle(8, 8 + 164, 240, 156), layout.bounds(4));
        assertEquals(8 + 3 * 164, layout.contentHeight(9));
    }

    @Test
    void aPointFindsItsTileAndGapsFindNone() {
        assertEquals(5, layout.indexAt(8 + 248 + 10, 8 + 164 + 10, 9));
        assertEquals(-1, layout.indexAt(250, 20, 9), "between two tiles");
        assertEquals(-1, layout.indexAt(8 + 248 + 10, 8 + 2 * 164 + 10, 9), "past the last tile");
        assertEquals(-1, layout.indexAt(995, 20, 9), "right of the last column");
    }

    @Test
    void aBandOfTheCanvasCoversOnlyTheRowsItCrosses() {
        // 1,000 tiles, 250 rows; a window 400 pixels high scrolled to row 100.
        int top = 8 + 100 * 164;
        assertEquals(400, layout.firstIn(top));
        assertEquals(4 * 103, layout.endIn(top + 400, 1000));
        assertEquals(1000, layout.endIn(layout.contentHeight(1000), 1000));
    }

    @Test
    void zoomScalesTilesAndTextGoesBelowThreeQuarters() {
        TileLayout small = new TileLayout(0, 1000);
        TileLayout large = new TileLayout(TileLayout.ZOOMS.length - 1, 1000);

        assertEquals(120, small.tileWidth());
        assertEquals(8, small.columns());
        assertFalse(small.showsText());
        assertEquals(480, large.tileWidth());
        assertTrue(large.showsText());
        assertEquals(1, new TileLayout(TileLayout.DEFAULT_ZOOM, 10).columns(), "always at least one column");
    }
}
