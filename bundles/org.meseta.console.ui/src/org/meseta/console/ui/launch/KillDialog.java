package org.meseta.console.ui.launch;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.meseta.console.core.model.TaskView;

/** Confirms a kill, naming the task and its agent. Cancel is the default button. */
final class KillDialog extends Dialog {

    private final TaskView task;
    private final String hostname;

    KillDialog(Shell parent, TaskView task, String hostname) {
        super(parent);
        this.task = task;
        this.hostname = hostname;
    }

    /** The dialog's title, by which tests find it. */
    static String title(TaskView task) {
        return "Kill " + task.key().taskId();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title(task));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        Label question = new Label(area, SWT.WRAP);
        question.setText("Kill " + task.key().taskId() + " (" + task.name() + ") on " + hostname + "? The console's"
                + " framework asks the master to kill it; it ends as killed and is not started again.");
        GridDataFactory.fillDefaults().hint(convertWidthInCharsToPixels(70), SWT.DEFAULT).applyTo(question);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Kill", false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
    }
}
