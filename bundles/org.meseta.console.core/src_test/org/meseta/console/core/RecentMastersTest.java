package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RecentMastersTest {

    private static final MasterAddress A = MasterAddress.parse("a:5050");
    private static final MasterAddress B = MasterAddress.parse("b:5050");
    private static final MasterAddress C = MasterAddress.parse("c:5050");

    @Test
    void keepsTheMostRecentFirstWithoutDuplicates() {
        RecentMasters recent = RecentMasters.empty().remember(A).remember(B).remember(C).remember(A);

        assertEquals(List.of(A, C, B), recent.masters());
        assertEquals("a:5050", recent.mostRecentText());
    }

    @Test
    void forgetsTheOldestBeyondTen() {
        RecentMasters recent = RecentMasters.empty();
        for (int port = 1; port <= 12; port++) {
            recent = recent.remember(new MasterAddress("m", port));
        }

        assertEquals(IntStream.iterate(12, p -> p - 1).limit(10).mapToObj(p -> new MasterAddress("m", p)).toList(),
                recent.masters());
    }

    @Test
    void survivesEncodingAsOnePreferenceString() {
        RecentMasters recent = RecentMasters.empty().remember(A).remember(MasterAddress.parse("[::1]:5050"));

        assertEquals("[::1]:5050,a:5050", recent.encode());
        assertEquals(recent, RecentMasters.decode(recent.encode()));
    }

    @Test
    void decodingDropsDamagedEntriesAndRepeats() {
        RecentMasters recent = RecentMasters.decode("a:5050,,not an address,b:5050,a:5050,c:99999");

        assertEquals(List.of(A, B), recent.masters());
    }

    @Test
    void nothingStoredMeansNoMasters() {
        assertEquals(RecentMasters.empty(), RecentMasters.decode(null));
        assertEquals(RecentMasters.empty(), RecentMasters.decode("  "));
        assertEquals("", RecentMasters.empty().mostRecentText());
        assertEquals("", RecentMasters.empty().encode());
    }
}
