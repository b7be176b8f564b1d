package org.meseta.console.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.CallSettings;
import org.meseta.console.core.calls.OperatorCalls;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.Widgets;
import org.meseta.testing.FakeMaster;
import org.meseta.testing.FakeMaster.Reply;

/**
 * The action line against a master that answers at once, refuses, or hangs: busy with Cancel while waiting, then the
 * outcome in one line, and what Cancel leaves behind.
 */
@Timeout(30)
class ActionBarTest {

    private FakeMaster master;
    private CallClient calls;
    private Display display;
    private Shell shell;
    private ActionBar bar;
    private final List<CallResult<?>> completed = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        master = FakeMaster.start();
        calls = CallClients.following(() -> Optional.of(MasterAddress.of(master.uri())), CallSettings.DEFAULT);
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new GridLayout());
        bar = new ActionBar(shell, new DisplayUISynchronize(display));
        shell.setSize(800, 80);
        shell.open();
    }

    @AfterEach
    void close() {
        calls.close();
        master.close();
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void showsTheOutcomeOfACallAndTheMastersRefusalAsItWroteIt() {
        master.answer("/api/v1", Reply.status(200, ""));
        bar.track("Tear down web", calls.operator(OperatorCalls.teardown("F1")), completed::add);
        awaitMessage("Tear down web: done");
        assertFalse(bar.isBusy());
        assertFalse(bar.cancelButton().isVisible());

        master.answer("/api/v1", Reply.status(400, "No framework found with specified ID"));
        bar.track("Tear down web", calls.operator(OperatorCalls.teardown("F1")), completed::add);
        awaitMessage("Tear down web: refused (HTTP 400: No framework found with specified ID)");
        assertEquals(2, completed.size());
    }

    @Test
    void cancelStopsWaitingForAMasterThatHangs() {
        master.answer("/api/v1", Reply.status(200, ""));
        master.delayAnswers(Duration.ofSeconds(60));
        bar.track("Deactivate node-a", calls.operator(OperatorCalls.deactivateAgent("S0")), completed::add);
        Ui.flush(display);
        assertTrue(bar.isBusy());
        assertTrue(bar.cancelButton().isVisible());
        assertTrue(bar.message().startsWith("Deactivate node-a: DEACTIVATE_AGENT → 127.0.0.1:"), bar.message());

        Widgets.click(bar.cancelButton());

        awaitMessage("Deactivate node-a: cancelled; it may have been carried out all the same");
        assertEquals(List.of(new CallResult.Cancelled<>()), completed);
    }

    private void awaitMessage(String text) {
        Ui.waitUntil(display, Ui.PATIENCE, () -> bar.message().equals(text), "'" + text + "'",
                () -> "'" + bar.message() + "'");
    }
}
