package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

// Table-driven with @TestFactory: @ParameterizedTest does not run in the Tycho OSGi test runtime.
class ResourceDetectorTest {

    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;
    private static final Path WORK_DIR = Path.of("/var/lib/meseta");

    /** A host whose facts are given; {@code -1} means the fact cannot be told. */
    private record FakeHost(long cpuCount, long memory, long disk) implements ResourceDetector.Host {
        @Override
        public OptionalLong cpus() {
            return cpuCount < 0 ? OptionalLong.empty() : OptionalLong.of(cpuCount);
        }

        @Override
        public OptionalLong memoryBytes() {
            return memory < 0 ? OptionalLong.empty() : OptionalLong.of(memory);
        }

        @Override
        public OptionalLong diskBytes(Path directory) {
            assertEquals(WORK_DIR, directory, "disk is measured where the work_dir is");
            return disk < 0 ? OptionalLong.empty() : OptionalLong.of(disk);
        }
    }

    private static final FakeHost BIG_HOST = new FakeHost(8, 16 * GB, 100 * GB);
    private static final FakeHost BLIND_HOST = new FakeHost(-1, -1, -1);

    private static Resources detect(String flag, ResourceDetector.Host host) throws ResourceParseException {
        return ResourceDetector.detect(Optional.ofNullable(flag), WORK_DIR, host);
    }

    private static String ports(Resources resources) {
        Value.Ranges ranges = resources.ranges("ports").orElseThrow();
        return ranges.getRangeList().stream().map(range -> range.getBegin() + "-" + range.getEnd()).toList().toString();
    }

    @Test
    void everythingIsDetectedWhenNothingIsGiven() throws ResourceParseException {
        Resources resources = detect(null, BIG_HOST);

        assertEquals(8, resources.scalar("cpus"));
        assertEquals(15 * 1024, resources.scalar("mem"), "all memory but 1 GB");
        assertEquals(95 * 1024, resources.scalar("disk"), "the work_dir's file system but 5 GB");
        assertEquals("[31000-32000]", ports(resources));
        for (Resource resource : resources) {
            assertEquals(0, resource.getReservationsCount(), () -> "detected resources are unreserved: " + resource);
        }
    }

    @Test
    void anEmptyFlagIsTheSameAsNone() throws ResourceParseException {
        assertEquals(detect(null, BIG_HOST), detect("", BIG_HOST));
        assertEquals(detect(null, BIG_HOST), detect("  ", BIG_HOST));
    }

    @TestFactory
    Stream<DynamicTest> memoryKeepsOneGigabyteForTheHostOrHalfOnSmallHosts() {
        long[][] rows = {
            {16 * GB, 15 * 1024},
            {2 * GB, 1024},
            {2 * GB - 2 * MB, 1023},
            {1536 * MB, 768},
            {512 * MB, 256},
        };
        return Stream.of(rows).map(row -> DynamicTest.dynamicTest(row[0] / MB + " MB", () -> assertEquals(row[1],
                detect(null, new FakeHost(1, row[0], 100 * GB)).scalar("mem"))));
    }

    @TestFactory
    Stream<DynamicTest> diskKeepsFiveGigabytesForTheHostOrHalfOnSmallDisks() {
        long[][] rows = {
            {100 * GB, 95 * 1024},
            {10 * GB, 5 * 1024},
            {10 * GB - 2 * MB, 5 * 1024 - 1},
            {8 * GB, 4 * 1024},
        };
        return Stream.of(rows).map(row -> DynamicTest.dynamicTest(row[0] / MB + " MB", () -> assertEquals(row[1],
                detect(null, new FakeHost(1, 16 * GB, row[0])).scalar("disk"))));
    }

    @Test
    void defaultsApplyWhenTheHostCannotBeMeasured() throws ResourceParseException {
        Resources resources = detect(null, BLIND_HOST);

        assertEquals(1, resources.scalar("cpus"));
        assertEquals(1024, resources.scalar("mem"));
        assertEquals(10 * 1024, resources.scalar("disk"));
        assertEquals("[31000-32000]", ports(resources));
    }

    @Test
    void givenResourcesAreTakenAsIsAndTheRestIsDetected() throws ResourceParseException {
        Resources resources = detect("cpus:0.5;disk:100;gpus:1", BIG_HOST);

        assertEquals(0.5, resources.scalar("cpus"));
        assertEquals(100, resources.scalar("disk"));
        assertEquals(1, resources.scalar("gpus"));
        assertEquals(15 * 1024, resources.scalar("mem"));
        assertEquals("[31000-32000]", ports(resources));
    }

    @Test
    void aResourceGivenAsZeroIsNotDetected() throws ResourceParseException {
        Resources resources = detect("cpus:0;mem:0;disk:0", BIG_HOST);

        assertEquals(0, resources.scalar("cpus"));
        assertEquals(0, resources.scalar("mem"));
        assertEquals(0, resources.scalar("disk"));
        assertEquals("[31000-32000]", ports(resources));
    }

    @Test
    void aResourceGivenForARoleIsNotDetectedForStar() throws ResourceParseException {
        Resources resources = detect("mem(analytics):2048;ports(web):[8000-8099]", BIG_HOST);

        assertEquals(2048, resources.scalar("mem"));
        assertEquals(List.of("analytics"), resources.toList().stream().filter(r -> r.getName().equals("mem"))
                .map(r -> r.getReservations(0).getRole()).toList());
        assertEquals("[8000-8099]", ports(resources));
        assertEquals(8, resources.scalar("cpus"));
    }

    @Test
    void aResourceWhoseNameMerelyContainsAStandardNameDoesNotStopItsDetection() throws ResourceParseException {
        Resources resources = detect("memcached:1;gpus(ports-team):1;diskless:2;cpus_per_socket:4", BIG_HOST);

        assertEquals(1, resources.scalar("memcached"));
        assertEquals(1, resources.scalar("gpus"));
        assertEquals(15 * 1024, resources.scalar("mem"), "memory is still detected");
        assertEquals("[31000-32000]", ports(resources), "ports are still detected");
        assertEquals(95 * 1024, resources.scalar("disk"));
        assertEquals(8, resources.scalar("cpus"));
    }

    @Test
    void aResourceGivenInJsonIsNotDetectedEvenWhenZero() throws ResourceParseException {
        Resources resources = detect("[{\"name\":\"mem\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0}}]", BIG_HOST);

        assertEquals(0, resources.scalar("mem"));
        assertEquals(8, resources.scalar("cpus"));
    }

    @Test
    void givenResourcesMayBeJson() throws ResourceParseException {
        Resources resources = detect("[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":3}}]", BLIND_HOST);

        assertEquals(3, resources.scalar("cpus"));
        assertEquals(1024, resources.scalar("mem"));
    }

    @Test
    void invalidResourcesAreRefused() {
        assertThrows(ResourceParseException.class, () -> detect("cpus:lots", BIG_HOST));
        assertThrows(ResourceParseException.class, () -> detect("mem:-5", BIG_HOST));
    }
}
