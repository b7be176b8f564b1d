package org.meseta.console.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.mesos.v1.Protos.TaskState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.ViewHarness;
import org.meseta.console.ui.testing.Widgets;

/**
 * Killing from the Tasks view against a real master and agent: a task the console launched is killed once the
 * confirmation naming it and its agent is answered (and not when it is cancelled); another framework's task is not,
 * and the action line says why.
 */
@Timeout(120)
class KillTaskAgainstRealMasterTest {

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private Display display;
    private ClusterClient client;
    private TasksPart part;

    @BeforeEach
    void openPart() throws Exception {
        harness = ViewHarness.open(workDir, 1140, 560);
        display = harness.display();
        client = harness.client();
        harness.cluster().startMaster();
        harness.cluster().startAgent("node-a.test", "cpus:2;mem:1024;disk:2048", "");
        part = new TasksPart(client, harness.framework(), harness.ui());
        harness.view(part::dispose);
        part.createControls(harness.shell());
        harness.shell().open();
        client.connect(harness.cluster().master());
        waitUntil(() -> client.cluster().agents().size() == 1, "the agent");
    }

    @AfterEach
    void closeEverything() throws Exception {
        harness.close();
    }

    @Test
    void killsTheConsolesTaskOnceConfirmed() throws Exception {
        AgentView agent = client.cluster().agents().values().iterator().next();
        assertTrue(harness.framework().launch(new TaskDefinition("sleeper", "sleep 600", "cpus:0.1;mem:32", "*", "").check()
                .spec().orElseThrow(), agent).result().get(60, TimeUnit.SECONDS).isSuccess());
        String id = awaitRow("sleeper", TaskState.TASK_RUNNING).key().taskId();
        select(id);
        assertTrue(part.killButton().isEnabled());

        Widgets.DialogAnswer cancel = Widgets.whenDialogOpens(display, "Kill " + id, dialog -> {
            assertTrue(Widgets.find(dialog, Label.class).stream().anyMatch(label -> label.getText()
                    .startsWith("Kill " + id + " (sleeper) on node-a.test?")), "the task and its agent named");
            Widgets.click(Widgets.button(dialog, "Cancel"));
        });
        Widgets.click(part.killButton());
        cancel.verify();
        assertFalse(part.actions().isBusy(), "nothing sent");

        Widgets.DialogAnswer confirm = Widgets.whenDialogOpens(display, "Kill " + id,
                dialog -> Widgets.click(Widgets.button(dialog, "Kill")));
        Widgets.click(part.killButton());
        confirm.verify();

        awaitLine("Kill " + id + " on node-a.test: TASK_KILLED");
        awaitRow("sleeper", TaskState.TASK_KILLED);
    }

    @Test
    void anotherFrameworksTaskIsNotKilledAndTheLineSaysWhy() throws Exception {
        harness.cluster().launch("web-1", "sleep 600", "cpus:0.1;mem:32");
        select(awaitRow("web-1", TaskState.TASK_RUNNING).key().taskId());

        Widgets.click(part.killButton());

        assertEquals("web-1 belongs to framework console test web-1: the operator API cannot kill a single task; tear"
                + " console test web-1 down in the Frameworks view to kill all its tasks", part.actions().message());
        assertFalse(part.actions().isBusy());
    }

    private TaskView awaitRow(String name, TaskState state) {
        waitUntil(() -> part.tasks().rows().stream().anyMatch(task -> task.name().equals(name)
                && task.state() == state), name + " " + state);
        return part.tasks().rows().stream().filter(task -> task.name().equals(name)).findFirst().orElseThrow();
    }

    private void select(String taskId) {
        int row = part.tasks().rows().stream().map(task -> task.key().taskId()).toList().indexOf(taskId);
        part.tasks().viewer().getTable().setSelection(row);
        part.tasks().viewer().getTable().notifyListeners(SWT.Selection, new Event());
    }

    private void awaitLine(String text) {
        waitUntil(() -> part.actions().message().equals(text), "the action line '" + text + "'");
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Ui.PATIENCE.multipliedBy(3), condition, expectation, () -> "'"
                + part.actions().message() + "', rows " + part.tasks().rows().stream()
                        .map(task -> task.key().taskId() + " " + task.state()).toList());
    }
}
