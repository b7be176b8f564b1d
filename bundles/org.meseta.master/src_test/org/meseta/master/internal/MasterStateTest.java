package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.testing.JsonTree.array;
import static org.meseta.testing.JsonTree.bool;
import static org.meseta.testing.JsonTree.num;
import static org.meseta.testing.JsonTree.number;
import static org.meseta.testing.JsonTree.object;
import static org.meseta.testing.JsonTree.objects;
import static org.meseta.testing.JsonTree.string;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code /state} and the endpoints every Mesos process serves, in the shapes Mesos tools read. */
class MasterStateTest {

    @TempDir
    Path workDir;

    private TestMaster master;
    private double beforeStart;
    private double afterStart;

    @BeforeEach
    void startMaster() throws Exception {
        beforeStart = nowSeconds();
        master = TestMaster.start(workDir, "--cluster=test-cluster");
        afterStart = nowSeconds();
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    private static double nowSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }

    private String connectAgent() throws Exception {
        return master.subscribe(LinkSession.subscription(null, 15051)).registered().agentId().getValue();
    }

    private static void assertWithin(double low, double high, BigDecimal actual) {
        // Timestamps are fractional seconds; allow for the clock's granularity around the bounds.
        assertTrue(actual.doubleValue() >= low - 0.01 && actual.doubleValue() <= high + 0.01,
                () -> actual + " not within [" + low + ", " + high + "]");
    }

    @TestFactory
    Stream<DynamicTest> stateIsServedUnderEveryAlias() {
        return Stream.of("/state", "/master/state", "/state.json", "/master/state.json")
                .map(path -> DynamicTest.dynamicTest(path, () -> {
                    var response = Http.get(master.uri(path));

                    assertEquals(200, response.statusCode());
                    assertEquals("application/json", Http.contentType(response));
                    assertEquals(master.id(), string(JsonTree.parseObject(Http.text(response)), "id"));
                }));
    }

    @Test
    void stateDescribesTheMasterAsLeader() throws Exception {
        Map<String, Object> state = master.state();

        String pid = "master@127.0.0.1:" + master.port;
        assertEquals(pid, string(state, "pid"));
        assertEquals(pid, string(state, "leader"));
        assertEquals(TestMaster.HOSTNAME, string(state, "hostname"));
        assertEquals("test-cluster", string(state, "cluster"));
        assertEquals("1.11.0", string(state, "version"));
        assertWithin(beforeStart, afterStart, number(state, "start_time"));
        // Without --zk the master elects itself as it starts.
        assertWithin(number(state, "start_time").doubleValue(), afterStart, number(state, "elected_time"));
        assertEquals(BigDecimal.ZERO, number(state, "activated_slaves"));
        assertEquals(BigDecimal.ZERO, number(state, "deactivated_slaves"));
        for (String empty : List.of("slaves", "frameworks", "completed_frameworks", "orphan_tasks",
                "unregistered_frameworks", "recovered_slaves", "capabilities")) {
            assertEquals(List.of(), array(state, empty), empty);
        }

        Map<String, Object> leader = object(state, "leader_info");
        assertEquals(string(state, "id"), string(leader, "id"));
        assertEquals(BigDecimal.valueOf(16777343), number(leader, "ip"));
        assertEquals(BigDecimal.valueOf(master.port), number(leader, "port"));
        assertEquals(pid, string(leader, "pid"));
        assertEquals(TestMaster.HOSTNAME, string(leader, "hostname"));
        assertEquals("1.11.0", string(leader, "version"));
        Map<String, Object> address = object(leader, "address");
        assertEquals(TestMaster.HOSTNAME, string(address, "hostname"));
        assertEquals("127.0.0.1", string(address, "ip"));
        assertEquals(BigDecimal.valueOf(master.port), number(address, "port"));
    }

    @Test
    void stateFlagsAreEveryEffectiveValueAsStrings() throws Exception {
        Map<String, Object> flags = object(master.state(), "flags");

        assertEquals(String.valueOf(master.port), flags.get("port"));
        assertEquals("127.0.0.1", flags.get("ip"));
        assertEquals(workDir.toString(), flags.get("work_dir"));
        assertEquals("15secs", flags.get("agent_ping_timeout"));
        assertEquals("5", flags.get("max_agent_ping_timeouts"));
        assertEquals("true", flags.get("hostname_lookup"));
        flags.values().forEach(value -> assertTrue(value instanceof String, () -> "flag value " + value));
    }

    @Test
    void stateListsAnAgentInTheMesosSlaveShape() throws Exception {
        double beforeSubscribe = nowSeconds();
        String id = connectAgent();
        double afterSubscribe = nowSeconds();

        Map<String, Object> state = master.state();
        assertEquals(BigDecimal.ONE, number(state, "activated_slaves"));
        assertEquals(BigDecimal.ZERO, number(state, "deactivated_slaves"));
        Map<String, Object> slave = objects(state, "slaves").get(0);

        assertEquals(id, string(slave, "id"));
        assertEquals("slave(1)@127.0.0.1:15051", string(slave, "pid"));
        assertEquals("agent-15051.test", string(slave, "hostname"));
        assertEquals(BigDecimal.valueOf(15051), number(slave, "port"));
        assertTrue(bool(slave, "active"));
        assertFalse(bool(slave, "deactivated"));
        assertEquals("1.11.0", string(slave, "version"));
        assertWithin(beforeSubscribe, afterSubscribe, number(slave, "registered_time"));
        assertFalse(slave.containsKey("reregistered_time"));
        assertEquals(Map.of("rack", "r1", "level", num(3)), object(slave, "attributes"));
        Map<String, Object> total = Map.of("cpus", num(2), "gpus", num(0), "mem", num(1024), "disk", num(4096),
                "ports", "[31000-31099]");
        assertEquals(total, object(slave, "resources"));
        assertEquals(total, object(slave, "unreserved_resources"));
        Map<String, Object> none = Map.of("cpus", num(0), "gpus", num(0), "mem", num(0), "disk", num(0));
        assertEquals(none, object(slave, "used_resources"));
        assertEquals(none, object(slave, "offered_resources"));
        assertEquals(Map.of(), object(slave, "reserved_resources"));
    }

    @Test
    void stateListsReservedResourcesByRole() throws Exception {
        master.subscribe(LinkSession.subscription(null, 15051, "cpus:1;mem:512;gpus(ml):1;cpus(eng):2")).registered();

        Map<String, Object> slave = objects(master.state(), "slaves").get(0);

        assertEquals(Map.of("cpus", num(3), "gpus", num(1), "mem", num(512), "disk", num(0)),
                object(slave, "resources"));
        assertEquals(Map.of("cpus", num(1), "gpus", num(0), "mem", num(512), "disk", num(0)),
                object(slave, "unreserved_resources"));
        assertEquals(Map.of(
                "ml", Map.of("cpus", num(0), "gpus", num(1), "mem", num(0), "disk", num(0)),
                "eng", Map.of("cpus", num(2), "gpus", num(0), "mem", num(0), "disk", num(0))),
                object(slave, "reserved_resources"));
        Map<String, Object> full = object(slave, "reserved_resources_full");
        assertEquals(List.of("ml", "eng"), List.copyOf(full.keySet()));
        Map<String, Object> gpus = objects(full, "ml").get(0);
        assertEquals("gpus", string(gpus, "name"));
        assertEquals("ml", string(gpus, "role"));
        assertEquals(List.of(Map.of("type", "STATIC", "role", "ml")), array(gpus, "reservations"));
        assertEquals(num(2), number(object(objects(full, "eng").get(0), "scalar"), "value"));
    }

    @Test
    void jsonpWrapsStateForTheWebUi() throws Exception {
        connectAgent();

        var response = Http.get(master.uri("/master/state?jsonp=JSON_CALLBACK"));

        assertEquals(200, response.statusCode());
        assertEquals("text/javascript", Http.contentType(response));
        String script = Http.text(response);
        assertTrue(script.startsWith("/**/JSON_CALLBACK(") && script.endsWith(");"), script);
        String json = script.substring("/**/JSON_CALLBACK(".length(), script.length() - 2);
        assertEquals(master.state(), JsonTree.parseObject(json));
    }

    @Test
    void jsonpWithAnInvalidCallbackIsRefused() throws Exception {
        var response = Http.get(master.uri("/state?jsonp=alert(1)"));

        assertEquals(400, response.statusCode());
        assertTrue(Http.text(response).contains("Invalid 'jsonp' callback"), Http.text(response));
    }

    @TestFactory
    Stream<DynamicTest> healthIsOkUnderBothAliases() {
        return Stream.of("/health", "/master/health").map(path -> DynamicTest.dynamicTest(path, () -> {
            var response = Http.get(master.uri(path));

            assertEquals(200, response.statusCode());
            assertEquals(0, response.body().length);
        }));
    }

    @Test
    void versionReportsTheMesosApiLevelAndThisBuild() throws Exception {
        var response = Http.get(master.uri("/version"));

        assertEquals(200, response.statusCode());
        assertEquals("application/json", Http.contentType(response));
        Map<String, Object> version = JsonTree.parseObject(Http.text(response));
        assertEquals("1.11.0", string(version, "version"));
        assertEquals("meseta", string(version, "build_user"));
        assertTrue(string(version, "meseta_version").matches("\\d+\\.\\d+\\.\\d+"), version::toString);
        assertEquals("meseta-" + version.get("meseta_version"), string(version, "git_tag"));
    }

    @Test
    void flagsEndpointMatchesTheFlagsInState() throws Exception {
        var response = Http.get(master.uri("/master/flags?jsonp=cb"));
        assertEquals("text/javascript", Http.contentType(response));

        var plain = Http.get(master.uri("/flags"));

        assertEquals(200, plain.statusCode());
        Map<String, Object> flags = object(JsonTree.parseObject(Http.text(plain)), "flags");
        assertEquals(object(master.state(), "flags"), flags);
    }
}
