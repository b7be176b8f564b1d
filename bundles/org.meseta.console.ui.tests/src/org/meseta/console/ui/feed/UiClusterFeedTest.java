package org.meseta.console.ui.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.ui.testing.Ui;

/**
 * The feed between a real (unconnected) client and a view on the UI thread: what a view is told first, that a feed
 * attached to a widget tells nothing once the widget is disposed, and that a view failing on a state still gets the
 * change that came with it. A second feed, attached later to the same client, witnesses when a delivery is over:
 * the client tells its listeners in the order they were added, and the UI thread runs deliveries in that order.
 */
@Timeout(30)
class UiClusterFeedTest {

    /** No master answers there: connecting makes the client tell a Connecting state and a reset change. */
    private static final MasterAddress NOWHERE = new MasterAddress("127.0.0.1", 1);

    private final Display display = Display.getDefault();
    private final Shell shell = new Shell(display);
    private final ClusterClient client = ClusterClients.create();
    private final DisplayUISynchronize ui = new DisplayUISynchronize(display);

    @AfterEach
    void closeEverything() {
        client.close();
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void aViewIsToldTheCurrentStateAndTheWholeModelFirst() {
        Recorder view = new Recorder();
        UiClusterFeed.attach(client, ui, view, shell);

        Ui.waitUntil(display, Ui.PATIENCE, () -> view.calls.size() == 2, "two calls", view.calls::toString);
        assertEquals(List.of("state Disconnected", "change reset"), view.calls);
    }

    @Test
    void aFeedAttachedToAWidgetTellsNothingOnceTheWidgetIsDisposed() {
        Composite owner = new Composite(shell, SWT.NONE);
        Recorder view = new Recorder();
        UiClusterFeed.attach(client, ui, view, owner);
        Ui.waitUntil(display, Ui.PATIENCE, () -> view.calls.size() == 2, "the first two calls", view.calls::toString);

        owner.dispose();
        Recorder witness = new Recorder();
        UiClusterFeed.attach(client, ui, witness, shell);
        client.connect(NOWHERE);

        waitUntilTold(witness, "state Connecting");
        assertEquals(List.of("state Disconnected", "change reset"), view.calls, "nothing after the disposal");
    }

    @Test
    void aViewThatFailsOnAStateStillGetsTheChangeThatCameWithIt() throws InterruptedException {
        Recorder view = new Recorder() {
            @Override
            public void connectionChanged(ConnectionState state) {
                super.connectionChanged(state);
                throw new IllegalStateException("a view's bug");
            }
        };
        UiClusterFeed.attach(client, ui, view, shell);
        // Told after the view's feed (the client tells in order): the state and the change wait in one delivery.
        CountDownLatch toldBoth = new CountDownLatch(1);
        client.addChangeListener(change -> toldBoth.countDown());
        assertTrue(toldBoth.await(Ui.PATIENCE.toSeconds(), TimeUnit.SECONDS), "the client told its listeners");

        // The failure reaches the UI thread's event loop, here the test's (the console's logs it).
        RuntimeException failure = assertThrows(RuntimeException.class, () -> Ui.waitUntil(display, Ui.PATIENCE,
                () -> false, "the view's failure", view.calls::toString));
        assertEquals("a view's bug", rootCause(failure).getMessage());
        assertEquals(List.of("state Disconnected", "change reset"), view.calls);
    }

    private static Throwable rootCause(Throwable failure) {
        return failure.getCause() == null ? failure : rootCause(failure.getCause());
    }

    private void waitUntilTold(Recorder witness, String call) {
        Ui.waitUntil(display, Ui.PATIENCE, () -> witness.calls.contains(call), "the witness told " + call,
                witness.calls::toString);
    }

    /** Records what it is told, as {@code state <kind>} and {@code change reset|update}. */
    private static class Recorder implements ClusterView {
        final List<String> calls = new ArrayList<>();

        @Override
        public void connectionChanged(ConnectionState state) {
            calls.add("state " + state.getClass().getSimpleName());
        }

        @Override
        public void clusterChanged(ClusterChange change) {
            calls.add("change " + (change.reset() ? "reset" : "update"));
        }
    }
}
