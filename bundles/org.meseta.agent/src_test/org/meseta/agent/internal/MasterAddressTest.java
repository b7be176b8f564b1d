package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.stream.Stream;
import org.meseta.daemon.DaemonException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

// Table-driven with @TestFactory: @ParameterizedTest does not run in the Tycho OSGi test runtime.
class MasterAddressTest {

    @TestFactory
    Stream<DynamicTest> hostAndPortAreAccepted() {
        String[][] rows = {
            {"10.0.0.1:5050", "10.0.0.1", "5050"},
            {"http://10.0.0.1:5050", "10.0.0.1", "5050"},
            {"master-1.example.org:5050/", "master-1.example.org", "5050"},
            {"  localhost:1  ", "localhost", "1"},
            {"localhost:65535", "localhost", "65535"},
            {"[::1]:5050", "[::1]", "5050"},
        };
        return Stream.of(rows).map(row -> DynamicTest.dynamicTest("'" + row[0] + "'", () -> {
            MasterAddress address = MasterAddress.parse(row[0]);

            assertEquals(new MasterAddress(row[1], Integer.parseInt(row[2])), address);
            assertEquals(row[1] + ":" + row[2], address.toString());
        }));
    }

    @Test
    void uriPointsAtAMasterEndpoint() throws DaemonException {
        assertEquals(URI.create("http://10.0.0.1:5050/master/internal/agent/subscribe"),
                MasterAddress.parse("10.0.0.1:5050").uri("/master/internal/agent/subscribe"));
        assertEquals(URI.create("http://[::1]:5050/health"), MasterAddress.parse("[::1]:5050").uri("/health"));
    }

    @TestFactory
    Stream<DynamicTest> malformedAddressesNameTheFlagAndTheValue() {
        return Stream.of("", "10.0.0.1", "10.0.0.1:", ":5050", "10.0.0.1:http", "https://10.0.0.1:5050",
                "10.0.0.1:5050/master", "a b:5050", "10.0.0.1:123456").map(value -> DynamicTest.dynamicTest(
                        "'" + value + "'", () -> {
                            DaemonException error = assertThrows(DaemonException.class,
                                    () -> MasterAddress.parse(value));

                            assertEquals("Invalid --master '" + value + "': expected host:port, e.g. 10.0.0.1:5050",
                                    error.getMessage());
                        }));
    }

    @TestFactory
    Stream<DynamicTest> portsOutOfRangeAreNamed() {
        return Stream.of("10.0.0.1:0", "10.0.0.1:65536", "10.0.0.1:99999").map(value -> DynamicTest.dynamicTest(
                value, () -> {
                    DaemonException error = assertThrows(DaemonException.class, () -> MasterAddress.parse(value));

                    String port = value.substring(value.indexOf(':') + 1);
                    assertEquals("Invalid --master '" + value + "': port " + port + " is out of range",
                            error.getMessage());
                }));
    }

    @Test
    void zooKeeperDetectionIsNotAvailableYetAndSaysSo() {
        DaemonException error = assertThrows(DaemonException.class,
                () -> MasterAddress.parse("zk://10.0.0.1:2181/mesos"));

        assertEquals("Invalid --master 'zk://10.0.0.1:2181/mesos': ZooKeeper master detection is not available yet;"
                + " give the master as host:port", error.getMessage());
    }
}
