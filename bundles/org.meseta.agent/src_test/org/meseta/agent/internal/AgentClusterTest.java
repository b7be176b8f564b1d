package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.testing.JsonTree.bool;
import static org.meseta.testing.JsonTree.num;
import static org.meseta.testing.JsonTree.number;
import static org.meseta.testing.JsonTree.object;
import static org.meseta.testing.JsonTree.string;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.meseta.testing.Eventually;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Agents started in this process against a real master in this process, talking real HTTP. */
class AgentClusterTest {

    private static final String FAST_PINGS = "--agent_ping_timeout=200ms";
    private static final String MAX_TIMEOUTS = "--max_agent_ping_timeouts=5";
    private static final String NO_PINGS = "--agent_ping_timeout=10mins";

    @TempDir
    Path workDir;

    private TestCluster cluster;
    private int masterPort;
    private int agentPort;

    @BeforeEach
    void createCluster() throws Exception {
        cluster = new TestCluster(workDir);
        masterPort = Ports.free();
        agentPort = Ports.free();
    }

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    private Map<String, Object> agentState() throws Exception {
        return TestCluster.getJson(agentPort, "/slave(1)/state");
    }

    /** Waits until the agent reports an id from a master and returns it. */
    private String awaitRegistration() throws Exception {
        Eventually.await("the agent is registered", () -> agentState().containsKey("id"));
        return string(agentState(), "id");
    }

    @Test
    void anAgentRegistersAndShowsItsIdAndMasterInItsState() throws Exception {
        cluster.startMaster(masterPort, FAST_PINGS, MAX_TIMEOUTS);
        cluster.startAgent(masterPort, agentPort);

        String id = awaitRegistration();

        String masterId = string(TestCluster.getJson(masterPort, "/state"), "id");
        assertEquals(masterId + "-S0", id);
        Map<String, Object> state = agentState();
        assertEquals(TestCluster.MASTER_HOSTNAME, string(state, "master_hostname"));
        assertTrue(bool(state, "connected_to_master"));
        assertEquals("slave(1)@127.0.0.1:" + agentPort, string(state, "pid"));
        assertEquals("agent-" + agentPort + ".test", string(state, "hostname"));
        assertEquals(BigDecimal.valueOf(agentPort), number(state, "port"));
        Map<String, Object> resources = Map.of("cpus", num(2), "gpus", num(0), "mem", num(1024), "disk", num(2048),
                "ports", "[31000-31099]");
        assertEquals(resources, object(state, "resources"));
        assertEquals(Map.of("rack", "r1"), object(state, "attributes"));
        assertEquals("127.0.0.1:" + masterPort, string(object(state, "flags"), "master"));

        Map<String, Object> slave = TestCluster.slave(masterPort, id).orElseThrow();
        assertTrue(bool(slave, "active"));
        assertEquals("slave(1)@127.0.0.1:" + agentPort, string(slave, "pid"));
        assertEquals("agent-" + agentPort + ".test", string(slave, "hostname"));
        assertEquals(BigDecimal.valueOf(agentPort), number(slave, "port"));
        assertEquals(resources, object(slave, "resources"));
        assertEquals(Map.of("rack", "r1"), object(slave, "attributes"));
    }

    @Test
    void anAgentThatAnswersPingsStaysActiveWithoutReregistering() throws Exception {
        cluster.startMaster(masterPort, FAST_PINGS, MAX_TIMEOUTS);
        cluster.startAgent(masterPort, agentPort);
        String id = awaitRegistration();

        // Twice the 5 x 200 ms after which a silent agent is dropped.
        Eventually.holds("the agent stays active", Duration.ofMillis(2000),
                () -> TestCluster.isActiveInMaster(masterPort, id));

        Map<String, Object> slave = TestCluster.slave(masterPort, id).orElseThrow();
        assertFalse(slave.containsKey("reregistered_time"), () -> "the link was never lost: " + slave);
        assertTrue(bool(agentState(), "connected_to_master"));
    }

    @Test
    void theAgentReregistersWithTheSameIdAfterTheMasterRestartsOnTheSamePort() throws Exception {
        Daemon.Running firstMaster = cluster.startMaster(masterPort, FAST_PINGS, MAX_TIMEOUTS);
        cluster.startAgent(masterPort, agentPort);
        String id = awaitRegistration();
        String firstMasterId = string(TestCluster.getJson(masterPort, "/state"), "id");

        firstMaster.close();
        Eventually.await("the agent notices", () -> !bool(agentState(), "connected_to_master"));
        cluster.startMaster(masterPort, FAST_PINGS, MAX_TIMEOUTS);

        Eventually.await("the agent is active in the new master", () -> TestCluster.isActiveInMaster(masterPort, id));
        assertNotEquals(firstMasterId, string(TestCluster.getJson(masterPort, "/state"), "id"));
        Eventually.await("the agent is connected again", () -> bool(agentState(), "connected_to_master"));
        assertEquals(id, string(agentState(), "id"));
        assertEquals(TestCluster.MASTER_HOSTNAME, string(agentState(), "master_hostname"));
    }

    @Test
    void aRestartedAgentKeepsItsIdAndTheMasterListsItOnce() throws Exception {
        cluster.startMaster(masterPort, NO_PINGS);
        String agentDir = "--work_dir=" + workDir.resolve("restarted-agent");
        Daemon.Running first = cluster.startAgent(masterPort, agentPort, agentDir);
        String id = awaitRegistration();
        first.close();
        Eventually.await("the master shows the agent inactive", () -> !TestCluster.isActiveInMaster(masterPort, id));

        cluster.startAgent(masterPort, agentPort, agentDir);

        assertEquals(id, string(agentState(), "id"), "the recovered id is known before the master answers");
        Eventually.await("the agent is active again", () -> TestCluster.isActiveInMaster(masterPort, id));
        assertEquals(1, JsonTree.objects(TestCluster.getJson(masterPort, "/master/state"), "slaves").size());
        assertTrue(TestCluster.slave(masterPort, id).orElseThrow().containsKey("reregistered_time"));
    }

    @Test
    void aRestartWithOtherResourcesIsRefusedNamingTheChange() throws Exception {
        cluster.startMaster(masterPort, NO_PINGS);
        Path agentDir = workDir.resolve("reconfigured-agent");
        Daemon.Running first = cluster.startAgent(masterPort, agentPort, "--work_dir=" + agentDir);
        awaitRegistration();
        first.close();

        DaemonException error = assertThrows(DaemonException.class, () -> cluster.startAgent(masterPort, agentPort,
                "--work_dir=" + agentDir, "--resources=cpus:4;mem:1024;disk:2048;ports:[31000-31099]"));

        Path latest = agentDir.resolve("meta/slaves/latest");
        assertEquals("Incompatible agent info in " + latest + ": resources changed from"
                + " 'cpus:2; mem:1024; disk:2048; ports:[31000-31099]' to 'cpus:4; mem:1024; disk:2048;"
                + " ports:[31000-31099]'; remove " + latest + " to register as a new agent", error.getMessage());
        assertThrows(ConnectException.class, () -> TestCluster.get(agentPort, "/health"), "nothing was started");
    }

    @Test
    void aCorruptCheckpointIsReportedInOneLine() throws Exception {
        Path agentDir = workDir.resolve("corrupt-agent");
        Path latest = agentDir.resolve("meta/slaves/latest");
        Files.createDirectories(agentDir.resolve("meta/slaves/m1-S0"));
        Files.writeString(agentDir.resolve("meta/slaves/m1-S0/slave.info"), "not a protobuf");
        Files.createSymbolicLink(latest, Path.of("m1-S0"));

        DaemonException error = assertThrows(DaemonException.class,
                () -> cluster.startAgent(masterPort, agentPort, "--work_dir=" + agentDir));

        assertTrue(error.getMessage().startsWith("Cannot recover the agent from " + latest.resolve("slave.info")
                + ": it is not an AgentInfo checkpoint"), error.getMessage());
        assertTrue(error.getMessage().endsWith("; remove " + latest + " to register as a new agent"),
                error.getMessage());
        assertEquals(1, error.getMessage().lines().count());
    }

    @Test
    void reservedResourcesAreListedByRoleInBothStates() throws Exception {
        cluster.startMaster(masterPort, NO_PINGS);
        cluster.startAgent(masterPort, agentPort, "--resources=cpus:1;mem:512;disk:0;ports:[1-2];gpus(ml):1;"
                + "cpus(eng):2");
        String id = awaitRegistration();

        Map<String, Object> agent = agentState();
        Map<String, Object> slave = TestCluster.slave(masterPort, id).orElseThrow();

        Map<String, Object> reserved = Map.of(
                "ml", Map.of("cpus", num(0), "gpus", num(1), "mem", num(0), "disk", num(0)),
                "eng", Map.of("cpus", num(2), "gpus", num(0), "mem", num(0), "disk", num(0)));
        for (Map<String, Object> state : List.of(agent, slave)) {
            assertEquals(reserved, object(state, "reserved_resources"));
            assertEquals(Map.of("cpus", num(1), "gpus", num(0), "mem", num(512), "disk", num(0), "ports", "[1-2]"),
                    object(state, "unreserved_resources"));
            assertEquals(List.of("ml", "eng"), List.copyOf(object(state, "reserved_resources_full").keySet()));
        }
        assertEquals(object(agent, "reserved_resources_full"), object(slave, "reserved_resources_full"));
    }

    @Test
    void anAgentStoppedWithCloseIsInactiveInTheMaster() throws Exception {
        cluster.startMaster(masterPort, NO_PINGS);
        Daemon.Running agent = cluster.startAgent(masterPort, agentPort);
        String id = awaitRegistration();
        assertTrue(TestCluster.isActiveInMaster(masterPort, id));

        agent.close();

        // Pings are ten minutes apart: only the closed link can explain this.
        Eventually.await("the master shows the agent inactive", () -> !TestCluster.isActiveInMaster(masterPort, id));
        assertThrows(ConnectException.class, () -> TestCluster.get(agentPort, "/health"));
    }

    @Test
    void beforeAnyMasterAnswersTheAgentServesItsStateWithoutIdOrMaster() throws Exception {
        cluster.startAgent(masterPort, agentPort); // nothing listens on masterPort

        Map<String, Object> state = agentState();

        assertFalse(state.containsKey("id"), state::toString);
        assertFalse(state.containsKey("master_hostname"), state::toString);
        assertFalse(bool(state, "connected_to_master"));
        assertEquals("slave(1)@127.0.0.1:" + agentPort, string(state, "pid"));
    }

    @TestFactory
    Stream<DynamicTest> theAgentServesItsEndpointsUnderBothPrefixes() throws Exception {
        cluster.startAgent(masterPort, agentPort);
        return Stream.of("/state", "/state.json", "/slave(1)/state", "/slave(1)/state.json", "/flags",
                "/slave(1)/flags", "/version", "/slave(1)/version").map(path -> DynamicTest.dynamicTest(path, () -> {
                    var response = TestCluster.get(agentPort, path);

                    assertEquals(200, response.statusCode());
                    assertEquals("application/json", Http.contentType(response));
                    JsonTree.parseObject(Http.text(response));
                }));
    }

    @Test
    void theAgentStateSupportsJsonpForTheWebUi() throws Exception {
        cluster.startAgent(masterPort, agentPort);

        var response = TestCluster.get(agentPort, "/slave(1)/state?jsonp=JSON_CALLBACK");

        assertEquals("text/javascript", Http.contentType(response));
        assertTrue(Http.text(response).startsWith("/**/JSON_CALLBACK({"), Http.text(response));
        assertEquals(200, TestCluster.get(agentPort, "/slave(1)/health").statusCode());
    }

    @Test
    void invalidAgentFlagsAreReportedInOneLineNamingTheFlag() {
        DaemonException resources = assertThrows(DaemonException.class,
                () -> cluster.startAgent(masterPort, agentPort, "--resources=cpus:lots"));
        assertTrue(resources.getMessage().startsWith("Invalid --resources: "), resources.getMessage());

        DaemonException attributes = assertThrows(DaemonException.class,
                () -> cluster.startAgent(masterPort, agentPort, "--attributes=rack"));
        assertTrue(attributes.getMessage().startsWith("Invalid --attributes: "), attributes.getMessage());

        for (DaemonException error : new DaemonException[] {resources, attributes}) {
            assertEquals(1, error.getMessage().lines().count(), error.getMessage());
        }
    }

    @Test
    void aPortInUseIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket(agentPort, 1, InetAddress.getByName("127.0.0.1"))) {
            DaemonException error = assertThrows(DaemonException.class,
                    () -> cluster.startAgent(masterPort, agentPort));

            assertTrue(error.getMessage().startsWith("Failed to bind 127.0.0.1:" + agentPort), error.getMessage());
        }
    }
}
