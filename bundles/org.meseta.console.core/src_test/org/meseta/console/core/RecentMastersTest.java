package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RecentMastersTest {

    private static final MasterLocation A = MasterLocation.parse("a:5050");
    private static final MasterLocation B = MasterLocation.parse("b:5050");
    private static final MasterLocation C = MasterLocation.parse("c:5050");
    private static final MasterLocation GROUP = MasterLocation.parse("zk://zk1:2181,zk2:2181/mesos");

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
            recent = recent.remember(MasterLocation.of(new MasterAddress("m", port)));
        }

        assertEquals(IntStream.iterate(12, p -> p - 1).limit(10)
                .mapToObj(p -> MasterLocation.of(new MasterAddress("m", p))).toList(), recent.masters());
    }

    @Test
    void survivesEncodingAsOnePreferenceStringOneLocationPerLine() {
        RecentMasters recent = RecentMasters.empty().remember(A).remember(GROUP)
                .remember(MasterLocation.parse("[::1]:5050"));

        assertEquals("[::1]:5050\nzk://zk1:2181,zk2:2181/mesos\na:5050", recent.encode());
        assertEquals(recent, RecentMasters.decode(recent.encode()));
    }

    @Test
    void zooKeeperCredentialsAreNeverRemembered() {
        RecentMasters recent = RecentMasters.empty().remember(MasterLocation.parse("zk://u:pw@zk1:2181/mesos"))
                .remember(MasterLocation.parse("zk://zk1:2181/mesos"));

        assertEquals(List.of(MasterLocation.parse("zk://zk1:2181/mesos")), recent.masters());
        assertEquals("zk://zk1:2181/mesos", recent.encode());
    }

    @Test
    void decodingDropsDamagedEntriesAndRepeatsAndReadsTheOldCommaSeparatedForm() {
        RecentMasters recent = RecentMasters.decode("a:5050,,not an address,b:5050,a:5050,c:99999\nzk://bad");

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
