package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.meseta.zk.ZkUrl;

class MasterLocationTest {

    @Test
    void anAddressIsOneMaster() {
        MasterLocation location = MasterLocation.parse(" http://10.0.0.1:5050/ ");

        assertEquals(new MasterLocation.Direct(new MasterAddress("10.0.0.1", 5050)), location);
        assertEquals("10.0.0.1:5050", location.text());
    }

    @Test
    void aZooKeeperUrlIsTheGroupOfTheMasters() {
        MasterLocation location = MasterLocation.parse("ZK://zk1:2181,zk2:2181/mesos");

        ZkUrl url = assertInstanceOf(MasterLocation.ZooKeeper.class, location).url();
        assertEquals("zk1:2181,zk2:2181", url.connectString());
        assertEquals("/mesos", url.path());
        assertEquals("zk://zk1:2181,zk2:2181/mesos", location.text());
    }

    @Test
    void theTextOfAGroupHidesNothingBecauseItLeavesTheCredentialsOut() {
        MasterLocation location = MasterLocation.parse("zk://alice:secret@zk1:2181/mesos");

        assertEquals(Optional.of("alice"), ((MasterLocation.ZooKeeper) location).url().credentials()
                .map(ZkUrl.Credentials::user));
        assertEquals("zk://zk1:2181/mesos", location.text());
        assertEquals("zk://zk1:2181", MasterLocation.parse("zk://zk1:2181").text());
    }

    @Test
    void badInputIsExplained() {
        assertTrue(message("").startsWith("Enter the master as HOST:PORT (for example 127.0.0.1:5050) or as the "
                + "ZooKeeper group"), message(""));
        assertEquals("Invalid ZooKeeper URL 'zk://zk1/mesos': 'zk1' is not host:port", message("zk://zk1/mesos"));
        assertEquals("'https://m:5050' uses an unsupported scheme: enter HOST:PORT, http://HOST:PORT or "
                + "zk://HOST:PORT/PATH.", message("https://m:5050"));
        assertEquals("'m' has no port: enter HOST:PORT, for example m:5050.", message("m"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> MasterLocation.parse(text)).getMessage();
    }
}
