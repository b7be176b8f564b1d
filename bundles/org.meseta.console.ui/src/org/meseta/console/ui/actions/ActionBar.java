package org.meseta.console.ui.actions;

import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.PendingCall;

/**
 * The line in a view where its actions report, instead of dialogs: while a call runs, a busy bar, the call's
 * current step and a Cancel button; then its outcome in one line (green when done, red when refused or failed, the
 * server's status and text as it wrote them). The latest action is shown; one that was overtaken still calls its
 * completion. UI thread only, except that calls complete on any thread and are brought over with {@link UISynchronize}.
 */
public final class ActionBar {

    private final UISynchronize ui;
    private final Composite bar;
    private final ProgressBar busy;
    private final Label message;
    private final Button cancel;
    private PendingCall<?> current;

    /** A bar at the end of {@code parent} (a grid layout's row of its own), empty at first. */
    public ActionBar(Composite parent, UISynchronize ui) {
        this.ui = ui;
        bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 0).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        busy = new ProgressBar(bar, SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(80, SWT.DEFAULT).applyTo(busy);
        message = new Label(bar, SWT.NONE);
        // A narrow hint: a long refusal is cut at the window's edge (the tooltip holds all of it) rather than
        // widening the view.
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(100, SWT.DEFAULT)
                .applyTo(message);
        cancel = new Button(bar, SWT.PUSH);
        cancel.setText("Cancel");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(cancel);
        cancel.setToolTipText("Stop waiting for the answer (a server that got the call may still carry it out)");
        cancel.addListener(SWT.Selection, event -> {
            if (current != null) {
                current.cancel();
            }
        });
        setBusy(false);
    }

    /** The bar, for layout. */
    public Control control() {
        return bar;
    }

    /**
     * Shows {@code call}, described as {@code what} ({@code Deactivate node-a}), until it completes, then its
     * outcome; then tells {@code done} on the UI thread (not if the bar is gone by then).
     */
    public <T> void track(String what, PendingCall<T> call, Consumer<CallResult<T>> done) {
        track(what, call, value -> "done", done);
    }

    /**
     * As {@link #track(String, PendingCall, Consumer)}, with the outcome of a call that succeeded told by
     * {@code success} ({@code TASK_RUNNING as web.1f2e3d4c} rather than {@code done}).
     */
    public <T> void track(String what, PendingCall<T> call, Function<? super T, String> success,
            Consumer<CallResult<T>> done) {
        current = call;
        setBusy(true);
        show(what + ": " + call.progress() + "…", null);
        call.onProgress(step -> ui.asyncExec(() -> {
            if (!bar.isDisposed() && current == call && !call.result().isDone()) {
                show(what + ": " + step + "…", null);
            }
        }));
        call.result().thenAccept(result -> ui.asyncExec(() -> {
            if (bar.isDisposed()) {
                return;
            }
            if (current == call) {
                current = null;
                setBusy(false);
                String outcome = result instanceof CallResult.Succeeded<T> succeeded
                        ? success.apply(succeeded.value()) : outcome(result);
                show(what + ": " + outcome, result.isSuccess() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_RED);
            }
            done.accept(result);
        }));
    }

    /** Shows {@code text} as a problem found before anything was sent. */
    public void problem(String text) {
        show(text, SWT.COLOR_DARK_RED);
    }

    /** Shows {@code text} as news. */
    public void info(String text) {
        show(text, null);
    }

    /** The line shown now. */
    public String message() {
        return message.getText();
    }

    /** Whether a call is under way. */
    public boolean isBusy() {
        return current != null;
    }

    /** The Cancel button (for tests). */
    Button cancelButton() {
        return cancel;
    }

    /** One phrase for a completed call. */
    static String outcome(CallResult<?> result) {
        return switch (result) {
            case CallResult.Succeeded<?> succeeded -> "done";
            case CallResult.Refused<?> refused -> "refused (" + refused.describe() + ")";
            case CallResult.Failed<?> failed -> "failed (" + failed.reason() + ")";
            case CallResult.Cancelled<?> cancelled -> "cancelled; it may have been carried out all the same";
        };
    }

    private void setBusy(boolean running) {
        for (Control control : new Control[] {busy, cancel}) {
            control.setVisible(running);
            ((GridData) control.getLayoutData()).exclude = !running;
        }
        cancel.setEnabled(running);
        bar.layout(true);
    }

    private void show(String text, Integer color) {
        Color foreground = color == null ? null : bar.getDisplay().getSystemColor(color);
        message.setForeground(foreground);
        message.setText(text);
        message.setToolTipText(text);
        bar.getParent().layout(true, true);
    }
}
