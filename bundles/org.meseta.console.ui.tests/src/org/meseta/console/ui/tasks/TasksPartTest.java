package org.meseta.console.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.testing.Consoles;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.Ui;

/**
 * The Tasks part on a real display, told changes as its feed tells them, without a master: the table, its four
 * filters, and the status updates of the task selected. Following a real master and reading a sandbox is
 * {@link TasksPartAgainstRealMasterTest}.
 */
@Timeout(60)
class TasksPartTest {

    private static final MasterAddress MASTER = MasterAddress.parse("127.0.0.1:5050");
    private static final double T0 = Instant.parse("2026-03-01T09:30:00Z").getEpochSecond();
    private static final TaskView WEB_1 = task("F-web", "web-1", "M-S0", TaskState.TASK_STAGING,
            TaskState.TASK_STARTING, TaskState.TASK_RUNNING);
    private static final TaskView WEB_2 = task("F-web", "web-2", "M-S1", TaskState.TASK_STAGING,
            TaskState.TASK_RUNNING);
    private static final TaskView BATCH = task("F-batch", "report", "M-S1", TaskState.TASK_STAGING,
            TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);

    private Display display;
    private Shell shell;
    private ClusterClient client;
    private ConsoleFramework framework;
    private TasksPart part;

    /** A task of {@code framework} on {@code agent} that went through {@code states}, a second apart. */
    private static TaskView task(String framework, String id, String agent, TaskState... states) {
        Task.Builder task = Task.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
                .setFrameworkId(FrameworkID.newBuilder().setValue(framework))
                .setAgentId(AgentID.newBuilder().setValue(agent)).setState(states[states.length - 1]);
        for (int i = 0; i < states.length; i++) {
            task.addStatuses(TaskStatus.newBuilder().setTaskId(task.getTaskId()).setState(states[i])
                    .setTimestamp(T0 + i).setSource(TaskStatus.Source.SOURCE_EXECUTOR)
                    .setMessage(i == states.length - 1 ? "last of " + id : ""));
        }
        return TaskView.of(task.build());
    }

    private static FrameworkView framework(String id, String name) {
        return new FrameworkView(id, name, "", List.of("*"), true, true, GetFrameworks.Framework.getDefaultInstance());
    }

    @BeforeEach
    void openPart() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1140, 560);
        client = ClusterClients.create();
        framework = Consoles.framework(client);
        part = new TasksPart(client, framework, new DisplayUISynchronize(display), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        part.createControls(shell);
        // The test plays the feed itself: the part's own is closed at once, so the idle client tells it nothing.
        part.dispose();
        shell.open();
        part.connectionChanged(new ConnectionState.Connected(MASTER, MASTER, Optional.empty()));
        AgentView nodeA = Clusters.withTasks(Clusters.agent("M-S0", "node-a", ""), List.of(WEB_1));
        AgentView nodeB = Clusters.withTasks(Clusters.agent("M-S1", "node-b", ""), List.of(WEB_2));
        part.clusterChanged(ClusterChange.resetTo(new ClusterState(Map.of(nodeA.id(), nodeA, nodeB.id(), nodeB),
                Map.of("F-web", framework("F-web", "web"), "F-batch", framework("F-batch", "batch")), Map.of(),
                List.of(), List.of(BATCH), true)));
        Ui.flush(display);
    }

    @AfterEach
    void closePart() {
        framework.close();
        client.close();
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void runningTasksComeFirstThenThoseThatEnded() {
        assertEquals(List.of("web-1", "web-2", "report"), shownIds());
        assertEquals(List.of("web-1", "web-1", "web", "node-a", "running", "*", "—",
                "09:30:02.000"), part.tasks().cells(0));
        assertEquals("3 tasks", part.summary());
    }

    @Test
    void eachFilterNarrowsTheTable() {
        choose(part.frameworkFilter().combo(), part.frameworkFilter().ids().indexOf("F-web") + 1);
        assertEquals(List.of("web-1", "web-2"), shownIds());

        choose(part.agentFilter().combo(), part.agentFilter().ids().indexOf("M-S1") + 1);
        assertEquals(List.of("web-2"), shownIds());
        assertEquals("1 of 3 tasks", part.summary());

        choose(part.frameworkFilter().combo(), 0);
        choose(part.stateFilter(), TasksPart.STATES.indexOf(TaskState.TASK_FINISHED) + 1);
        assertEquals(List.of("report"), shownIds());

        choose(part.stateFilter(), 0);
        choose(part.agentFilter().combo(), 0);
        part.nameFilter().setText("WEB-");
        Ui.flush(display);
        assertEquals(List.of("web-1", "web-2"), shownIds());
    }

    @Test
    void theSelectedTasksStatusUpdatesAreShownOldestFirst() {
        part.tasks().viewer().getTable().setSelection(2);
        part.tasks().viewer().getTable().notifyListeners(SWT.Selection, new Event());
        Ui.flush(display);

        assertEquals(3, part.history().rows().size());
        assertEquals(List.of("09:30:00.000", "staging", "executor", "", "", ""), part.history().cells(0));
        assertEquals(List.of("09:30:02.000", "finished", "executor", "", "last of report", ""),
                part.history().cells(2));
        assertEquals("The master does not say where agent M-S1 listens.", part.sandbox().locationText());
    }

    private List<String> shownIds() {
        return part.tasks().rows().stream().map(task -> task.key().taskId()).toList();
    }

    private void choose(Combo combo, int index) {
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
        Ui.flush(display);
    }
}
