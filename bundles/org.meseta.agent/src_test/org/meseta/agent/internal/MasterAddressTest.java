package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
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
    void aZooKeeperUrlNamesTheGroupWhoseLeaderTheAgentFollows() throws DaemonException {
        MasterLocation location = MasterLocation.parse("zk://alice:secret@10.0.0.1:2181,10.0.0.2:2181/mesos",
                Duration.ofSeconds(3));

        MasterLocation.ZooKeeper group = assertInstanceOf(MasterLocation.ZooKeeper.class, location);
        assertEquals("10.0.0.1:2181,10.0.0.2:2181", group.url().connectString());
        assertEquals("/mesos", group.url().path());
        assertEquals(Duration.ofSeconds(3), group.sessionTimeout());
        assertEquals("zk://alice:***@10.0.0.1:2181,10.0.0.2:2181/mesos", location.toString());
        assertEquals(new MasterLocation.Fixed(new MasterAddress("10.0.0.1", 5050)),
                MasterLocation.parse("10.0.0.1:5050", Duration.ofSeconds(3)));
    }

    @Test
    void aMalformedZooKeeperUrlIsNamedWithoutItsPassword() {
        DaemonException error = assertThrows(DaemonException.class,
                () -> MasterLocation.parse("zk://alice:secret@10.0.0.1/mesos", Duration.ofSeconds(3)));

        assertEquals("Error parsing ZooKeeper URL (--master): Invalid ZooKeeper URL 'zk://alice:***@10.0.0.1/mesos':"
                + " '10.0.0.1' is not host:port", error.getMessage());
    }
}
