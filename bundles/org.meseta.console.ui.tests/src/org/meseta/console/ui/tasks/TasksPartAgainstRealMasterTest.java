package org.meseta.console.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.ViewHarness;

/**
 * The Tasks part on a real display against a real master and agent running real tasks: both are listed (one
 * running, one finished), the running one's status updates are shown when it is selected, and its sandbox is
 * browsed and its stdout read and tailed while the task writes it. The last picture is the documentation's
 * screenshot of the view.
 */
@Timeout(120)
class TasksPartAgainstRealMasterTest {

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private RealCluster cluster;
    private Display display;
    private Shell shell;
    private ClusterClient client;
    private TasksPart part;

    @BeforeEach
    void openPart() {
        harness = ViewHarness.open(workDir, 1140, 640);
        cluster = harness.cluster();
        display = harness.display();
        shell = harness.shell();
        client = harness.client();
        part = new TasksPart(client, harness.framework(), harness.ui());
        harness.view(part::dispose);
        part.createControls(shell);
        shell.open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        harness.close();
    }

    @Test
    void tasksAreListedTheirHistoryShownAndTheSandboxTailed() throws Exception {
        cluster.startMaster();
        cluster.startAgent("node-t.test", "cpus:2;mem:1024;disk:1024", "");
        client.connect(cluster.master());
        cluster.launch("greeter", "echo hello from the greeter", "cpus:0.1;mem:32");
        cluster.launch("talker", "for i in $(seq 1 900); do echo line $i of the talker; sleep 0.1; done",
                "cpus:0.5;mem:64");

        waitUntil(() -> state("greeter").equals(Optional.of(TaskState.TASK_FINISHED))
                && state("talker").equals(Optional.of(TaskState.TASK_RUNNING)), "greeter finished, talker running");
        assertEquals(List.of("talker", "greeter"), part.tasks().rows().stream().map(task -> task.key().taskId())
                .toList(), "running before ended");

        select("talker");
        waitUntil(() -> part.history().rows().stream().map(TaskStatus::getState).toList()
                .contains(TaskState.TASK_RUNNING), "the talker's updates");
        assertEquals(TaskState.TASK_RUNNING, part.history().rows().get(part.history().rows().size() - 1).getState());

        waitUntil(() -> part.sandbox().text().contains("line 3 of the talker"), "the talker's stdout");
        assertTrue(part.sandbox().file().endsWith("/stdout"), part.sandbox()::file);
        assertTrue(part.sandbox().files().rows().stream().anyMatch(entry -> entry.name().equals("stderr")),
                () -> "files " + part.sandbox().files().rows());
        String sofar = part.sandbox().text();
        waitUntil(() -> part.sandbox().text().length() > sofar.length()
                && part.sandbox().text().startsWith(sofar.substring(0, 20)), "the tail growing");

        File png = new File(TestOutput.directory(), "screenshots/tasks-real-master.png");
        Ui.screenshot(shell, png);
        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
        Optional<File> docs = TestOutput.docsImages();
        if (docs.isPresent()) {
            Files.copy(png.toPath(), docs.get().toPath().resolve("console-tasks.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Optional<TaskState> state(String taskId) {
        return part.tasks().rows().stream().filter(task -> task.key().taskId().equals(taskId)).findFirst()
                .map(TaskView::state);
    }

    private void select(String taskId) {
        List<TaskView> rows = part.tasks().rows();
        int index = rows.indexOf(rows.stream().filter(task -> task.key().taskId().equals(taskId)).findFirst()
                .orElseThrow());
        part.tasks().viewer().getTable().setSelection(index);
        part.tasks().viewer().getTable().notifyListeners(SWT.Selection, new Event());
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Duration.ofSeconds(30), condition, expectation,
                () -> "status '" + part.status() + "', tasks " + part.tasks().rows().stream()
                        .map(task -> task.key().taskId() + " " + task.state()).toList() + ", sandbox "
                        + part.sandbox().locationText() + " " + part.sandbox().problem() + " file "
                        + part.sandbox().file());
    }
}
