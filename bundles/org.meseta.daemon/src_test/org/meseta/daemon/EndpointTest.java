package org.meseta.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

// Table-driven with @TestFactory: @ParameterizedTest does not run in the Tycho OSGi test runtime.
class EndpointTest {

    private static Endpoint resolve(String ip, int port, String advertiseIp, Integer advertisePort, String hostname,
            boolean lookup) throws DaemonException {
        return Endpoint.resolve(Optional.ofNullable(ip), port, Optional.ofNullable(advertiseIp),
                Optional.ofNullable(advertisePort), Optional.ofNullable(hostname), lookup);
    }

    @Test
    void explicitIpIsBoundAndAdvertised() throws DaemonException {
        Endpoint endpoint = resolve("127.0.0.1", 5050, null, null, null, false);

        assertEquals("127.0.0.1", endpoint.bindIp());
        assertEquals("127.0.0.1", endpoint.advertisedIp());
        assertEquals(5050, endpoint.port());
        assertEquals(5050, endpoint.advertisedPort());
        assertEquals(new InetSocketAddress("127.0.0.1", 5050), endpoint.bindAddress());
        assertEquals("127.0.0.1:5050", endpoint.address());
    }

    @Test
    void withoutIpTheDaemonListensEverywhereAndAdvertisesARealAddress() throws DaemonException {
        Endpoint endpoint = resolve(null, 5050, null, null, null, false);

        assertEquals("0.0.0.0", endpoint.bindIp());
        assertNotEquals("0.0.0.0", endpoint.advertisedIp());
        assertTrue(endpoint.advertisedIp().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), endpoint.advertisedIp());
    }

    @Test
    void advertiseFlagsOverrideWhatOthersAreTold() throws DaemonException {
        Endpoint endpoint = resolve("127.0.0.1", 5050, "10.0.0.1", 15050, null, false);

        assertEquals("127.0.0.1", endpoint.bindIp());
        assertEquals(5050, endpoint.port());
        assertEquals("10.0.0.1", endpoint.advertisedIp());
        assertEquals(15050, endpoint.advertisedPort());
        assertEquals("10.0.0.1:15050", endpoint.address());
        assertEquals("master@10.0.0.1:15050", endpoint.pid("master"));
        assertEquals("slave(1)@10.0.0.1:15050", endpoint.pid("slave(1)"));
    }

    @Test
    void advertiseIpAloneKeepsListeningEverywhere() throws DaemonException {
        Endpoint endpoint = resolve(null, 5051, "10.1.2.3", null, null, false);

        assertEquals("0.0.0.0", endpoint.bindIp());
        assertEquals("10.1.2.3", endpoint.advertisedIp());
        assertEquals(5051, endpoint.advertisedPort());
    }

    @Test
    void hostnameFlagWinsOverLookup() throws DaemonException {
        assertEquals("node-7.example", resolve("127.0.0.1", 5050, null, null, "node-7.example", true).hostname());
        assertEquals("node-7.example", resolve("127.0.0.1", 5050, null, null, "node-7.example", false).hostname());
    }

    @Test
    void withoutHostnameLookupTheHostnameIsTheAdvertisedIp() throws DaemonException {
        assertEquals("10.0.0.1", resolve("127.0.0.1", 5050, "10.0.0.1", null, null, false).hostname());
    }

    @Test
    void hostnameLookupUsesTheReverseNameOfTheAdvertisedIp() throws Exception {
        String expected = InetAddress.getByName("127.0.0.1").getCanonicalHostName();

        assertEquals(expected, resolve("127.0.0.1", 5050, null, null, null, true).hostname());
    }

    @TestFactory
    Stream<DynamicTest> packedIpIsTheNetworkOrderBytesReadLittleEndian() {
        Map<String, Integer> packed = new LinkedHashMap<>();
        packed.put("127.0.0.1", 16777343);
        packed.put("10.0.0.1", 16777226);
        packed.put("0.0.0.1", 16777216);
        packed.put("1.2.3.4", 67305985);
        // The top byte becomes the sign bit: Mesos's uint32 carried in a Java int.
        packed.put("192.168.1.200", -939415360);
        return packed.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(),
                () -> assertEquals(entry.getValue(), resolve(entry.getKey(), 5050, null, null, null, false).packedIp())));
    }

    @TestFactory
    Stream<DynamicTest> invalidIpNamesTheFlagAndTheValue() {
        return Stream.of("1.2.3", "1.2.3.4.5", "256.0.0.1", "10.0.0.999", "localhost", "", " 10.0.0.1",
                "10.0.0.1:5050", "::1", "a.b.c.d", "010.0.0.1", "10.00.0.1").map(value -> DynamicTest.dynamicTest("'" + value + "'", () -> {
                    DaemonException error = assertThrows(DaemonException.class,
                            () -> resolve(value, 5050, null, null, null, false));

                    assertEquals("Invalid --ip '" + value + "': expected an IPv4 address such as 10.0.0.1",
                            error.getMessage());
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalidAdvertiseIpNamesTheFlagAndTheValue() {
        return Stream.of("300.1.1.1", "example.org", "10.0.0").map(value -> DynamicTest.dynamicTest("'" + value + "'",
                () -> {
                    DaemonException error = assertThrows(DaemonException.class,
                            () -> resolve("127.0.0.1", 5050, value, null, null, false));

                    assertTrue(error.getMessage().startsWith("Invalid --advertise_ip '" + value + "'"),
                            error.getMessage());
                }));
    }
}
