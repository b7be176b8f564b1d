package org.meseta.console.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.apache.mesos.v1.Protos.TaskState;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.launch.AgentDropTarget;
import org.meseta.console.ui.launch.DragItemSource;
import org.meseta.console.ui.preferences.PaletteStore;
import org.meseta.console.ui.testing.Consoles;
import org.meseta.console.ui.testing.Dnd;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.ViewHarness;
import org.meseta.console.ui.testing.Widgets;

/**
 * The launch palette and the tiles against a real master and agents: a definition dragged onto a tile runs there, a
 * task's square dragged onto another tile moves the task (or, when the copy cannot run, leaves it where it is), a task
 * of another framework is not moved, and a square's menu kills the task. Each drag goes through the controls' SWT
 * drag source and drop target ({@link Dnd}); the outcome is read on the action line under the tiles.
 */
@Timeout(120)
class LaunchByDragAgainstRealMasterTest {

    private static final TaskDefinition SLEEPER = new TaskDefinition("sleeper", "sleep 600", "cpus:0.5;mem:64", "*",
            "GREETING=hello");

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private Display display;
    private TopologyPart part;
    private AgentView nodeA;
    private AgentView nodeB;
    private AgentView nodeC;

    @BeforeEach
    void openPart() throws Exception {
        harness = ViewHarness.open(workDir, 1140, 640);
        display = harness.display();
        harness.cluster().startMaster();
        harness.cluster().startAgent("node-a.test", "cpus:2;mem:1024;disk:2048", "rack:r1");
        harness.cluster().startAgent("node-b.test", "cpus:0.25;mem:1024;disk:2048", "rack:r1");
        harness.cluster().startAgent("node-c.test", "cpus:2;mem:1024;disk:2048", "rack:r2");
        PaletteStore palette = Consoles.paletteStore(SLEEPER, new TaskDefinition("broken", "true", "cpus:lots", "*",
                ""));
        part = new TopologyPart(harness.client(), harness.calls(), harness.framework(), palette, harness.ui());
        harness.view(part::dispose);
        part.createControls(harness.shell());
        harness.shell().open();
        harness.client().connect(harness.cluster().master());
        waitUntil(() -> part.tiles().shown().size() == 3, "three tiles");
        nodeA = part.tiles().shown().get(0);
        nodeB = part.tiles().shown().get(1);
        nodeC = part.tiles().shown().get(2);
    }

    @AfterEach
    void closeEverything() throws Exception {
        harness.close();
    }

    @Test
    void aDefinitionDraggedOntoATileRunsOnItsAgent() throws Exception {
        DragSource source = (DragSource) paletteTable().getData(DND.DRAG_SOURCE_KEY);
        assertInstanceOf(DragItemSource.class, source.getDragListeners()[0]);
        assertEquals(List.of(LocalSelectionTransfer.getTransfer()), List.of(source.getTransfer()));
        DropTarget target = (DropTarget) part.tiles().control().getData(DND.DROP_TARGET_KEY);
        assertInstanceOf(AgentDropTarget.class, target.getDropListeners()[0]);
        assertEquals(List.of(LocalSelectionTransfer.getTransfer()), List.of(target.getTransfer()));

        choose(0);
        assertEquals(DND.DROP_NONE, Dnd.drag(paletteTable(), new Point(5, 5), part.tiles().control(),
                new Point(1, 1)), "not on a tile");
        assertEquals(DND.DROP_COPY, dragDefinition(nodeA));

        TaskView task = awaitTask(nodeA, "sleeper.", TaskState.TASK_RUNNING);
        awaitLine("Launch sleeper on node-a.test: TASK_RUNNING as " + task.key().taskId());
        assertEquals(0.5, task.resources().cpus());
        assertEquals(64, task.resources().memMb());
        assertEquals(nodeA.id(), part.tiles().selected().orElseThrow().id(), "the tile dropped on is pointed out");
        TestOutput.documentationScreenshot(harness.shell(), "console-launch.png");
    }

    @Test
    void aDefinitionWithProblemsIsNotDraggedAndItsProblemIsSaid() {
        choose(1);

        assertEquals(DND.DROP_NONE, dragDefinition(nodeA));

        assertTrue(part.actions().message().startsWith("broken cannot be launched: "), part.actions().message());
        assertFalse(part.actions().isBusy());
    }

    @Test
    void aTasksSquareDraggedOntoAnotherTileMovesTheTask() throws Exception {
        TaskView original = launchOnNodeA();

        assertEquals(DND.DROP_MOVE, Dnd.drag(part.tiles().control(), square(original), part.tiles().control(),
                center(nodeC)));

        TaskView copy = awaitTask(nodeC, "sleeper.", TaskState.TASK_RUNNING);
        awaitLine("Move " + original.key().taskId() + " from node-a.test to node-c.test: " + copy.key().taskId()
                + " TASK_RUNNING on node-c.test, " + original.key().taskId() + " killed");
        waitUntil(() -> current(nodeA).tasks().isEmpty(), "the original gone from node-a");
    }

    @Test
    void aMoveWhoseCopyCannotRunKeepsTheOriginal() throws Exception {
        TaskView original = launchOnNodeA();

        Dnd.drag(part.tiles().control(), square(original), part.tiles().control(), center(nodeB));

        awaitLine("Move " + original.key().taskId() + " from node-a.test to node-b.test: failed (the copy on"
                + " node-b.test failed (node-b.test offers cpus:0.25; mem:1024; disk:2048; ports:[31000-32000] to role"
                + " *, not the cpus:0.5; mem:64 sleeper needs); " + original.key().taskId() + " keeps running on"
                + " node-a.test)");
        assertEquals(List.of(original.key()), current(nodeA).tasks().stream().map(TaskView::key).toList());
    }

    @Test
    void aTaskOfAnotherFrameworkIsNotMovedAndTheLineSaysWhy() throws Exception {
        harness.cluster().launch("web-1", "sleep 600", "cpus:0.1;mem:32");
        waitUntil(() -> part.tiles().shown().stream().anyMatch(agent -> agent.tasks().stream()
                .anyMatch(task -> task.name().equals("web-1") && task.state() == TaskState.TASK_RUNNING)),
                "web-1 running");
        TaskView web = part.tiles().shown().stream().flatMap(agent -> agent.tasks().stream())
                .filter(task -> task.name().equals("web-1")).findFirst().orElseThrow();
        AgentView other = web.agentId().equals(nodeA.id()) ? nodeC : nodeA;

        Dnd.drag(part.tiles().control(), square(web), part.tiles().control(), center(other));

        assertEquals("web-1 belongs to framework console test web-1; the console can only move the tasks it launched",
                part.actions().message());
        assertFalse(part.actions().isBusy(), "nothing sent");
        assertTrue(current(other).tasks().isEmpty());
    }

    @Test
    void aTasksSquareMenuKillsItAfterAConfirmation() throws Exception {
        TaskView task = launchOnNodeA();
        Point at = square(task);
        Event down = new Event();
        down.button = 3;
        down.x = at.x;
        down.y = at.y;
        part.tiles().control().notifyListeners(SWT.MouseDown, down);

        Widgets.DialogAnswer confirm = Widgets.whenDialogOpens(display, "Kill " + task.key().taskId(),
                dialog -> Widgets.click(Widgets.button(dialog, "Kill")));
        Widgets.click(Widgets.menuItem(part.tiles().control(), "Kill " + task.key().taskId() + "…"));
        confirm.verify();

        awaitLine("Kill " + task.key().taskId() + " on node-a.test: TASK_KILLED");
        waitUntil(() -> current(nodeA).tasks().isEmpty(), "the task gone from node-a");
    }

    /** Launches the sleeper on node-a by dragging it there, and returns it once it runs. */
    private TaskView launchOnNodeA() {
        choose(0);
        dragDefinition(nodeA);
        TaskView task = awaitTask(nodeA, "sleeper.", TaskState.TASK_RUNNING);
        awaitLine("Launch sleeper on node-a.test: TASK_RUNNING as " + task.key().taskId());
        return task;
    }

    private int dragDefinition(AgentView agent) {
        return Dnd.drag(paletteTable(), new Point(5, 5), part.tiles().control(), center(agent));
    }

    private Table paletteTable() {
        return Widgets.find((Composite) part.palette().control(), Table.class).get(0);
    }

    /** Selects row {@code index} of the palette, as a click does. */
    private void choose(int index) {
        paletteTable().setSelection(index);
        paletteTable().notifyListeners(SWT.Selection, new Event());
    }

    private Point center(AgentView agent) {
        Rectangle tile = part.tiles().tileOf(agent.id()).orElseThrow();
        return new Point(tile.x + tile.width / 2, tile.y + tile.height / 3);
    }

    /** Where {@code task}'s square is on the canvas, found as the mouse would find it. */
    private Point square(TaskView task) {
        Rectangle tile = part.tiles().tileOf(task.agentId()).orElseThrow();
        for (int y = tile.y; y < tile.y + tile.height; y += 2) {
            for (int x = tile.x; x < tile.x + tile.width; x += 2) {
                Optional<TaskView> found = part.tiles().taskAt(x, y);
                if (found.isPresent() && found.get().key().equals(task.key())) {
                    return new Point(x, y);
                }
            }
        }
        throw new AssertionError("No square of " + task.key() + " in its tile");
    }

    private AgentView current(AgentView agent) {
        return part.tiles().shown().stream().filter(shown -> shown.id().equals(agent.id())).findFirst().orElseThrow();
    }

    private TaskView awaitTask(AgentView agent, String idPrefix, TaskState state) {
        waitUntil(() -> current(agent).tasks().stream().anyMatch(task -> task.key().taskId().startsWith(idPrefix)
                && task.state() == state), agent.hostname() + " running " + idPrefix + "*");
        return current(agent).tasks().stream().filter(task -> task.key().taskId().startsWith(idPrefix)).findFirst()
                .orElseThrow();
    }

    private void awaitLine(String text) {
        waitUntil(() -> part.actions().message().equals(text), "the action line '" + text + "'");
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Ui.PATIENCE.multipliedBy(3), condition, expectation, () -> "'"
                + part.actions().message() + "', tiles " + part.tiles().shown().stream()
                        .map(agent -> agent.hostname() + " " + agent.tasks().stream()
                                .map(task -> task.key().taskId() + " " + task.state()).toList()).toList());
    }
}
