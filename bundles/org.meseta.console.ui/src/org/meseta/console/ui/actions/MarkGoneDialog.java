package org.meseta.console.ui.actions;

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
 * The strong confirmation marking an agent gone needs, since it cannot be undone: the operator types the agent's
 * hostname, and only then is Mark gone enabled.
 */
final class MarkGoneDialog extends Dialog {

    private final AgentView agent;
    private Text hostname;
    private boolean confirmed;

    MarkGoneDialog(Shell parent, AgentView agent) {
        super(parent);
        this.agent = agent;
    }

    /** Whether the operator confirmed. */
    boolean confirmed() {
        return confirmed;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Mark " + agent.hostname() + " gone");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        Label warning = new Label(area, SWT.WRAP);
        int tasks = agent.tasks().size();
        warning.setText("Marking " + agent.hostname() + " (" + agent.id() + ") gone removes it for good: its "
                + tasks + (tasks == 1 ? " task is" : " tasks are") + " reported gone to their frameworks, and the "
                + "agent can never register again with this id. This cannot be undone.\n\n"
                + "Type the agent's hostname, " + agent.hostname() + ", to confirm:");
        GridDataFactory.fillDefaults().hint(convertWidthInCharsToPixels(60), SWT.DEFAULT).applyTo(warning);
        hostname = new Text(area, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(hostname);
        hostname.addModifyListener(event -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Mark gone", false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
        validate();
    }

    private boolean matches() {
        return hostname.getText().strip().equals(agent.hostname());
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(matches());
        }
    }

    @Override
    protected void okPressed() {
        if (matches()) {
            confirmed = true;
            super.okPressed();
        }
    }

    // Test access.

    Text hostnameField() {
        return hostname;
    }

    Button markGoneButton() {
        return getButton(IDialogConstants.OK_ID);
    }
}
