package org.meseta.console.ui.frameworks;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Shell;

/**
 * Confirms a teardown, naming what dies: every task of the framework that has not ended, with its agent and state.
 * Cancel is the default button.
 */
final class TeardownDialog extends Dialog {

    private final FrameworkRow row;
    private List tasks;

    TeardownDialog(Shell parent, FrameworkRow row) {
        super(parent);
        this.row = row;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Tear down " + row.framework().name());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        Label question = new Label(area, SWT.WRAP);
        int count = row.liveTasks().size();
        question.setText("Tear down " + row.framework().name() + " (" + row.framework().id() + ")? The master "
                + "removes the framework and kills " + (count == 0 ? "no tasks: it has none running."
                        : count == 1 ? "its task:" : "its " + count + " tasks:"));
        GridDataFactory.fillDefaults().hint(convertWidthInCharsToPixels(70), SWT.DEFAULT).applyTo(question);
        tasks = new List(area, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        row.liveTasks().forEach(task -> tasks.add(task.describe()));
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(Math.max(1, Math.min(count, 10))))
                .exclude(count == 0).applyTo(tasks);
        tasks.setVisible(count > 0);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Tear down", false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
    }

    // Test access.

    String[] taskLines() {
        return tasks.getItems();
    }
}
