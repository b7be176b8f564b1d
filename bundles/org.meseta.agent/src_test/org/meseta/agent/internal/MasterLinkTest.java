package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.agent.internal.containerizer.Containerizer;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.flags.FlagParser;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpClientOptions;
import org.meseta.http.HttpTransport;
import org.meseta.http.ResponseStream;
import org.meseta.testing.LogCapture;
import org.meseta.testing.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's side of the link against a master that refuses it or forgets it, and its lifecycle. */
class MasterLinkTest {

    @TempDir
    Path workDir;

    private FakeLinkMaster master;
    private TestCluster cluster;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        master = FakeLinkMaster.start();
        cluster = new TestCluster(workDir);
        log = LogCapture.of(MasterLink.class);
    }

    @AfterEach
    void stop() {
        cluster.close();
        master.close();
        log.close();
    }

    @Test
    void aPongAnsweredWith404MakesTheAgentDropTheLinkAndSubscribeAgain() throws Exception {
        cluster.startAgent(master.port(), Ports.free());
        AgentSubscribe first = master.nextSubscription();
        ResponseStream firstLink = master.nextLink();

        AgentSubscribe second = master.nextSubscription();

        assertFalse(first.agentInfo().hasId());
        assertEquals(FakeLinkMaster.AGENT_ID, second.agentInfo().getId().getValue(), "subscribes under its id");
        firstLink.closeFuture().get(5, TimeUnit.SECONDS);
        assertEquals("No link to master 127.0.0.1:" + master.port() + " (master does not know this agent: Unknown"
                + " agent " + FakeLinkMaster.AGENT_ID + "; subscribe first); retrying in",
                log.messages(Level.WARNING).get(0).replaceAll(" \\S+$", ""));
    }

    @Test
    void aRefusedSubscriptionIsAWarningWithTheMastersReasonAndIsRetried() throws Exception {
        master.refuseWith(400, "Invalid agent subscription: the agent is not welcome");
        cluster.startAgent(master.port(), Ports.free());

        master.nextSubscription();
        master.nextSubscription();

        List<String> warnings = log.messages(Level.WARNING);
        assertTrue(warnings.get(0).startsWith("No link to master 127.0.0.1:" + master.port() + " (master refused the"
                + " subscription: HTTP 400 Invalid agent subscription: the agent is not welcome); retrying in "),
                warnings.get(0));
    }

    @Test
    void theAgentAndItsLinkStartOnlyOnce() throws Exception {
        AgentConfig config = AgentFlags.config(FlagParser.parse(AgentFlags.ALL, List.of(
                "--master=127.0.0.1:" + master.port(), "--ip=127.0.0.1", "--port=" + Ports.free(),
                "--work_dir=" + workDir, "--hostname=agent.test")));
        AgentInfo info = AgentInfo.newBuilder().setHostname("agent.test").setPort(config.endpoint().port()).build();
        try (HttpTransport transport = HttpTransport.create("lifecycle-test", 1);
                HttpClient client = new HttpClient(transport, HttpClientOptions.defaults());
                Actor actor = new Actor("lifecycle-test")) {
            Agent agent = new Agent(config, info, Resources.empty(), new AgentCheckpoint(workDir), client,
                    Clock.systemUTC(), AgentTimings.MESOS, new Containerizer(ContainerLauncher.detect(), Map.of()),
                    List.of());
            agent.start();
            assertEquals("The agent is already started", assertThrows(IllegalStateException.class, agent::start)
                    .getMessage());
            agent.close();
            agent.close();
            assertEquals("The agent is closed", assertThrows(IllegalStateException.class, agent::start).getMessage());

            MasterLink link = new MasterLink(config, actor, client, () -> new AgentSubscribe(info, agent.pid(),
                    "1.11.0"), registered -> { }, () -> { }, work -> { });
            link.start();
            assertEquals("The link to the master is already started",
                    assertThrows(IllegalStateException.class, link::start).getMessage());
            link.close();
        }
    }
}
