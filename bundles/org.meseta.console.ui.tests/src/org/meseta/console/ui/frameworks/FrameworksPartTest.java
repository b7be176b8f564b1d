package org.meseta.console.ui.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.Ui;

/**
 * The Frameworks view fed a cluster built by hand, on a fixed clock: connection states with the failover countdown,
 * tasks by state including ended ones, allocation and dominant share.
 */
@Timeout(30)
class FrameworksPartTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private Display display;
    private Shell shell;
    private ClusterClient client;
    private CallClient calls;
    private FrameworksPart part;

    @BeforeEach
    void openPart() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1140, 300);
        client = ClusterClients.create();
        calls = CallClients.following(client);
        part = new FrameworksPart(client, calls, new DisplayUISynchronize(display), Clock.fixed(NOW,
                ZoneOffset.UTC));
        part.createControls(shell);
        // The test plays the feed itself.
        part.dispose();
        shell.open();
    }

    @AfterEach
    void closePart() {
        calls.close();
        client.close();
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void showsConnectionsWithTheFailoverCountdownTasksByStateAndShares() {
        AgentView agent = Clusters.withTasks(Clusters.agent("S0", "node-a", AgentState.ACTIVE,
                new double[] {4, 1024, 100}, new double[4], "", 0), List.of(
                        Clusters.task("F1", "t1", "S0", TaskState.TASK_RUNNING),
                        Clusters.task("F1", "t2", "S0", TaskState.TASK_RUNNING),
                        Clusters.task("F1", "t3", "S0", TaskState.TASK_STAGING),
                        Clusters.task("F2", "t4", "S0", TaskState.TASK_KILLING)));
        FrameworkView connected = framework("F1", "alpha", true, false, 0, 0);
        FrameworkView leaving = framework("F2", "beta", false, false, 300, 50);
        FrameworkView late = framework("F3", "gamma", false, false, 10, 60);
        FrameworkView recovered = framework("F4", "delta", false, true, 0, 0);
        ClusterState state = new ClusterState(Map.of("S0", agent), Map.of("F1", connected, "F2", leaving, "F3", late,
                "F4", recovered), Map.of(), List.of(), List.of(Clusters.task("F1", "t0", "S0",
                        TaskState.TASK_FINISHED)), true);

        part.clusterChanged(ClusterChange.resetTo(state));

        assertEquals(List.of("alpha", "beta", "delta", "gamma"), column(FrameworkColumn.NAME));
        assertEquals(List.of("connected", "disconnected · removed in 4 min 10 s",
                "recovered, not subscribed again yet", "disconnected · failover timeout passed"),
                column(FrameworkColumn.STATE));
        assertEquals(List.of("1 staging · 2 running · 1 finished", "1 killing", "none", "none"),
                column(FrameworkColumn.TASKS));
        assertEquals("0.3 cpus · 96 MB mem · 0 MB disk", column(FrameworkColumn.ALLOCATED).get(0));
        assertEquals(List.of("9.38 % mem", "3.13 % mem", "0 %", "0 %"), column(FrameworkColumn.SHARE));
        assertEquals("4 frameworks · 1 connected", part.summary());
    }

    @Test
    void countdownsReadLikeAClock() {
        assertEquals("12 s", FrameworkRow.countdown(Duration.ofMillis(11_200)));
        assertEquals("4 min 10 s", FrameworkRow.countdown(Duration.ofSeconds(250)));
        assertEquals("2 h 5 min", FrameworkRow.countdown(Duration.ofMinutes(125)));
        assertEquals("7 d 0 h", FrameworkRow.countdown(Duration.ofDays(7)));
    }

    /**
     * A framework the master describes; a disconnected one disconnected {@code disconnectedAgo} seconds before
     * {@link #NOW} and has a failover timeout of {@code failoverSeconds}.
     */
    private static FrameworkView framework(String id, String name, boolean connected, boolean recovered,
            double failoverSeconds, long disconnectedAgo) {
        GetFrameworks.Framework.Builder details = GetFrameworks.Framework.newBuilder()
                .setFrameworkInfo(FrameworkInfo.newBuilder().setId(FrameworkID.newBuilder().setValue(id))
                        .setName(name).setUser("root").setFailoverTimeout(failoverSeconds))
                .setActive(connected).setConnected(connected).setRecovered(recovered);
        if (!connected && !recovered) {
            Instant at = NOW.minusSeconds(disconnectedAgo);
            details.setUnregisteredTime(TimeInfo.newBuilder().setNanoseconds(at.getEpochSecond() * 1_000_000_000L));
        }
        return FrameworkView.of(details.build());
    }

    private List<String> column(FrameworkColumn column) {
        Table table = part.table().viewer().getTable();
        return Arrays.stream(table.getItems()).map(item -> item.getText(column.ordinal())).toList();
    }
}
