package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.meseta.console.core.model.Amounts;

class ResourceFormatTest {

    @Test
    void numbersHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        assertAll(Map.of(4.0, "4", 0.5, "0.5", 1.25, "1.25", 0.333333, "0.33", 2.999, "3", 0.0, "0")
                .entrySet().stream()
                .map(c -> () -> assertEquals(c.getValue(), ResourceFormat.number(c.getKey()), "for " + c.getKey())));
    }

    @Test
    void megabytesUseTheLargestUnitThatKeepsTheNumberAboveOne() {
        assertAll(Map.of(0.0, "0 MB", 512.0, "512 MB", 1023.0, "1023 MB", 1024.0, "1 GB", 1536.0, "1.5 GB",
                15360.0, "15 GB", 1048576.0, "1 TB", 2147483648.0, "2 PB", 2147483648000.0, "2000 PB")
                .entrySet().stream()
                .map(c -> () -> assertEquals(c.getValue(), ResourceFormat.megabytes(c.getKey()), "for " + c.getKey())));
    }

    @Test
    void usedAndTotalAreShownTogether() {
        assertEquals("0.5 / 4", ResourceFormat.cpus(0.5, 4));
        assertEquals("512 MB / 1.5 GB", ResourceFormat.usedOfTotalMegabytes(512, 1536));
    }

    @Test
    void amountsAndQuantitiesShowWhatIsNotZero() {
        assertEquals("1.5 cpus · 512 MB mem · 10 ports", ResourceFormat.amounts(new Amounts(1.5, 512, 0, 10)));
        assertEquals("—", ResourceFormat.amounts(Amounts.NONE));
        assertEquals("2 cpus · 1 gpus · 1 GB mem", ResourceFormat.quantities(new TreeMap<>(Map.of("cpus", 2.0,
                "mem", 1024.0, "gpus", 1.0))));
        assertEquals("—", ResourceFormat.quantities(Map.of()));
    }
}
