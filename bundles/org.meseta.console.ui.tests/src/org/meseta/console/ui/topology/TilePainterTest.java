package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.meseta.console.core.model.ResourceKind;
import org.meseta.console.core.model.Usage;

/** The figures a tile writes next to its bars: short enough to leave the bars room. */
class TilePainterTest {

    @Test
    void figuresAreUsedOfTotalWithMemoryAndDiskInThreeDigitsAtMost() {
        assertEquals("1.5/4", TilePainter.value(ResourceKind.CPUS, new Usage(4, 1.5, 1, 0)));
        assertEquals("3/1001", TilePainter.value(ResourceKind.PORTS, new Usage(1001, 3, 0, 0)));
        assertEquals("512M/488G", TilePainter.value(ResourceKind.DISK, new Usage(500_000, 512, 0, 0)));
        assertEquals("0M/1.5G", TilePainter.value(ResourceKind.MEM, new Usage(1536, 0, 0, 0)));
        assertEquals("12.3G", TilePainter.shortMegabytes(12.34 * 1024));
        assertEquals("2T", TilePainter.shortMegabytes(2 * 1024 * 1024));
    }
}
