package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.testing.MetricValues.assertMetric;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.master.internal.core.RemovalRate;
import org.meseta.testing.Eventually;
import org.meseta.testing.JsonTree;
import org.meseta.testing.MetricValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --agent_removal_rate_limit}: agents that fail their health checks become unreachable one by one at the
 * configured rate, are pinged while they wait, and stay if they answer meanwhile. The rate is one agent per ten
 * minutes, so that the second agent's turn never comes while a test runs.
 */
class AgentRemovalRateLimitTest {

    private static final String FAST_PINGS = "--agent_ping_timeout=200ms";
    private static final String MAX_TIMEOUTS = "--max_agent_ping_timeouts=2";
    private static final String ONE_PER_TEN_MINUTES = "--agent_removal_rate_limit=1/10mins";

    @TempDir
    Path workDir;

    private TestMaster master;
    /** The agent id of {@link #secondSilentAfterFirstIsGone()}'s agent. */
    private AgentID secondId;

    @AfterEach
    void stopMaster() {
        if (master != null) {
            master.close();
        }
    }

    @Test
    void aSecondSilentAgentWaitsItsTurnAndIsStillPingedMeanwhile() throws Exception {
        master = TestMaster.start(workDir, FAST_PINGS, MAX_TIMEOUTS, ONE_PER_TEN_MINUTES);
        AgentID firstId = master.subscribe(LinkSession.subscription(null, 15051)).registered().agentId();
        LinkSession second = secondSilentAfterFirstIsGone();

        drain(second);
        assertInstanceOf(AgentEvent.Ping.class, second.next(LinkSession.WAIT), "the waiting agent is still pinged");

        assertFalse(second.isEnded());
        Map<String, Object> state = master.state();
        assertEquals(BigDecimal.ONE, JsonTree.number(state, "unreachable_slaves"));
        assertTrue(JsonTree.objects(state, "slaves").stream().anyMatch(slave -> secondId.getValue().equals(
                slave.get("id"))), "the second agent is still registered");
        assertTrue(JsonTree.objects(state, "slaves").stream().noneMatch(slave -> firstId.getValue().equals(
                slave.get("id"))), "the first agent is unreachable");
        Map<String, Double> metrics = MetricValues.snapshot(master.uri("/metrics/snapshot"));
        assertMetric(metrics, "master/slave_unreachable_completed", 1.0);
        assertMetric(metrics, "master/slave_unreachable_canceled", 0.0);
    }

    @Test
    void aWaitingAgentThatAnswersAPingStays() throws Exception {
        master = TestMaster.start(workDir, FAST_PINGS, MAX_TIMEOUTS, ONE_PER_TEN_MINUTES);
        master.subscribe(LinkSession.subscription(null, 15051)).registered();
        LinkSession second = secondSilentAfterFirstIsGone();

        second.answerPings(secondId);

        awaitMetric("master/slave_unreachable_canceled", 1.0);
        assertFalse(second.isEnded());
        assertTrue(master.isActive(secondId.getValue()));
        Map<String, Double> metrics = MetricValues.snapshot(master.uri("/metrics/snapshot"));
        assertMetric(metrics, "master/slave_unreachable_scheduled", 2.0);
        assertMetric(metrics, "master/slave_unreachable_completed", 1.0);
    }

    @Test
    void withoutTheFlagEveryAgentBecomesUnreachableAtOnce() throws Exception {
        master = TestMaster.start(workDir, FAST_PINGS, MAX_TIMEOUTS);
        LinkSession first = master.subscribe(LinkSession.subscription(null, 15051));
        first.registered();
        LinkSession second = master.subscribe(LinkSession.subscription(null, 15052));
        second.registered();

        assertEquals("end", first.awaitEnd(LinkSession.WAIT));
        assertEquals("end", second.awaitEnd(LinkSession.WAIT));

        assertEquals(BigDecimal.TWO, JsonTree.number(master.state(), "unreachable_slaves"));
        Map<String, Double> metrics = MetricValues.snapshot(master.uri("/metrics/snapshot"));
        assertMetric(metrics, "master/slave_unreachable_scheduled", 2.0);
        assertMetric(metrics, "master/slave_unreachable_completed", 2.0);
    }

    @Test
    void theFlagIsShownAsGivenAndBadValuesAreRefusedWithTheFormat() throws Exception {
        master = TestMaster.start(workDir, "--agent_removal_rate_limit=2/3hrs");
        assertEquals("2/3hrs", JsonTree.string(JsonTree.object(master.state(), "flags"), "agent_removal_rate_limit"));
        master.close();
        master = null;

        for (String bad : new String[] {"3", "1/2/3mins", "x/10mins", "1/10", "0/10mins", "1/0secs"}) {
            Exception refused = assertThrows(Exception.class,
                    () -> TestMaster.start(workDir, "--agent_removal_rate_limit=" + bad));
            assertTrue(refused.getMessage().startsWith("Invalid value '" + bad
                    + "' for flag '--agent_removal_rate_limit': Format is <Number of agents>/<Duration>"),
                    refused.getMessage());
        }
    }

    @Test
    void theRateSpacesTransitionsEvenly() {
        assertEquals(Duration.ofMinutes(5), RemovalRate.parse("2/10mins").interval());
        assertEquals("1/20secs", RemovalRate.parse(" 1 / 20secs ").toString());
    }

    /**
     * A second agent that answers pings until the first, which never does, is unreachable, then stops answering:
     * returned once its transition is scheduled, behind the first's.
     */
    private LinkSession secondSilentAfterFirstIsGone() throws Exception {
        LinkSession second = master.subscribe(LinkSession.subscription(null, 15052));
        secondId = second.registered().agentId();
        second.answerPings(secondId);
        awaitMetric("master/slave_unreachable_completed", 1.0);
        second.stopAnsweringPings();
        awaitMetric("master/slave_unreachable_scheduled", 2.0);
        return second;
    }

    /** Takes the events that came so far, so that the next one is sent from now on. */
    private static void drain(LinkSession link) throws InterruptedException {
        while (link.poll(Duration.ZERO).isPresent()) {
            // only the events of the time before count
        }
    }

    private void awaitMetric(String name, double value) throws Exception {
        Eventually.await(name + " = " + value,
                () -> MetricValues.snapshot(master.uri("/metrics/snapshot")).getOrDefault(name, -1.0) == value);
    }
}
