package org.meseta.console.ui.actions;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.meseta.console.core.model.AgentView;

/**
 * Asks how to drain an agent: the longest grace period its tasks get to end (blank: each task's own kill policy) and
 * whether the agent is marked gone once drained. What is wrong with the grace period is said under it, and Drain is
 * enabled only when it is valid.
 */
final class DrainDialog extends Dialog {

    /** What the operator chose. */
    record Drain(Optional<Duration> maxGracePeriod, boolean markGone) {
    }

    private final AgentView agent;
    private Text grace;
    private Button markGone;
    private Label problem;
    private Drain chosen;
    private Drain confirmed;

    DrainDialog(Shell parent, AgentView agent) {
        super(parent);
        this.agent = agent;
    }

    /** The drain confirmed with Drain; empty before that and when cancelled. */
    Optional<Drain> drain() {
        return Optional.ofNullable(confirmed);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Drain " + agent.hostname());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        int tasks = agent.tasks().size();
        intro.setText("Draining " + agent.hostname() + " (" + agent.id() + ") kills its " + tasks
                + (tasks == 1 ? " task" : " tasks") + " and offers it to no framework until it is reactivated.");
        GridDataFactory.fillDefaults().span(2, 1).hint(convertWidthInCharsToPixels(60), SWT.DEFAULT).applyTo(intro);
        new Label(area, SWT.NONE).setText("Max &grace period (seconds):");
        grace = new Text(area, SWT.BORDER);
        grace.setMessage("each task's own kill policy");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(grace);
        markGone = new Button(area, SWT.CHECK);
        markGone.setText("&Mark the agent gone once drained (it can never come back)");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(markGone);
        problem = new Label(area, SWT.NONE);
        problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(problem);
        grace.addModifyListener(event -> validate());
        markGone.addListener(SWT.Selection, event -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Drain", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void validate() {
        String text = grace.getText().strip();
        chosen = null;
        if (text.isEmpty()) {
            chosen = new Drain(Optional.empty(), markGone.getSelection());
            problem.setText("");
        } else {
            try {
                double seconds = Double.parseDouble(text);
                if (seconds >= 0 && seconds <= Long.MAX_VALUE / 1_000_000_000L) {
                    chosen = new Drain(Optional.of(Duration.ofNanos(Math.round(seconds * 1e9))),
                            markGone.getSelection());
                    problem.setText("");
                } else {
                    problem.setText("The grace period must be zero or more seconds");
                }
            } catch (NumberFormatException e) {
                problem.setText("'" + text + "' is not a number of seconds");
            }
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(chosen != null);
        }
    }

    @Override
    protected void okPressed() {
        if (chosen != null) {
            confirmed = chosen;
            super.okPressed();
        }
    }

    // Test access.

    Text graceField() {
        return grace;
    }

    Button markGoneBox() {
        return markGone;
    }

    String problem() {
        return problem.getText();
    }

    Button drainButton() {
        return getButton(IDialogConstants.OK_ID);
    }
}
