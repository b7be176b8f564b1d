package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

// Table-driven with @TestFactory: @ParameterizedTest does not run in the Tycho OSGi test runtime.
class MasterAddressTest {

    @TestFactory
    Stream<DynamicTest> acceptsHostAndPortWithOptionalHttpPrefix() {
        return Map.of(
                "127.0.0.1:5050", new MasterAddress("127.0.0.1", 5050),
                "  master-1.example.org:5050  ", new MasterAddress("master-1.example.org", 5050),
                "http://10.0.0.7:8080", new MasterAddress("10.0.0.7", 8080),
                "HTTP://10.0.0.7:8080/", new MasterAddress("10.0.0.7", 8080),
                "[::1]:5050", new MasterAddress("[::1]", 5050),
                "localhost:1", new MasterAddress("localhost", 1),
                "localhost:65535", new MasterAddress("localhost", 65535))
                .entrySet().stream()
                .map(c -> DynamicTest.dynamicTest("'" + c.getKey() + "'",
                        () -> assertEquals(c.getValue(), MasterAddress.parse(c.getKey()))));
    }

    @TestFactory
    Stream<DynamicTest> explainsWhatIsWrongWithBadInput() {
        return Stream.of(
                new String[] {"", "Enter the master as HOST:PORT"},
                new String[] {"   ", "Enter the master as HOST:PORT"},
                new String[] {"localhost", "'localhost' has no port: enter HOST:PORT, for example localhost:5050."},
                new String[] {"localhost:", "port is missing"},
                new String[] {":5050", "host is missing"},
                new String[] {"localhost:http", "Port 'http' is not a number"},
                new String[] {"localhost:0", "Port 0 is out of range"},
                new String[] {"localhost:70000", "Port 70000 is out of range"},
                new String[] {"localhost:123456", "Port '123456' is not a number"},
                new String[] {"https://localhost:5050", "unsupported scheme"},
                new String[] {"zk://zk1:2181/mesos", "unsupported scheme"},
                new String[] {"localhost:5050/master", "contains a path"},
                new String[] {"my host:5050", "'my host' is not a valid host name"},
                new String[] {"::1:5050", "Put an IPv6 address in brackets"},
                new String[] {"[::1]", "has no port"})
                .map(c -> DynamicTest.dynamicTest("'" + c[0] + "'", () -> {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> MasterAddress.parse(c[0]));
                    assertTrue(e.getMessage().contains(c[1]),
                            () -> "message '" + e.getMessage() + "' should contain '" + c[1] + "'");
                }));
    }

    @Test
    void nullIsTreatedAsEmptyInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterAddress.parse(null));

        assertTrue(e.getMessage().startsWith("Enter the master as HOST:PORT"));
    }

    @Test
    void printsAsHostColonPortAndPointsAtTheOperatorApi() {
        MasterAddress address = MasterAddress.parse("http://10.1.2.3:5050");

        assertEquals("10.1.2.3:5050", address.toString());
        assertEquals(URI.create("http://10.1.2.3:5050/api/v1"), address.uri("/api/v1"));
        assertEquals(address, MasterAddress.parse(address.toString()));
    }

    @Test
    void isBuiltFromTheServerPartOfAUri() {
        assertEquals(new MasterAddress("leader", 5051), MasterAddress.of(URI.create("http://leader:5051/api/v1")));
        assertEquals(new MasterAddress("[::1]", 5050), MasterAddress.of(URI.create("http://[::1]:5050/api/v1")));
        assertThrows(IllegalArgumentException.class, () -> MasterAddress.of(URI.create("http://leader/api/v1")));
    }
}
