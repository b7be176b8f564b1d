package org.meseta.console.ui.dialogs;

import java.util.Optional;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.RecentMasters;

/**
 * Asks which master to connect to: an editable combo offering the recent masters, a line that says
 * what is wrong with the text typed so far, and OK, which is enabled only for a valid address.
 */
public final class ConnectDialog extends Dialog {

    private final RecentMasters recent;
    private final String initialText;
    private Combo masterField;
    private Label problemLine;
    private MasterAddress chosen;
    private MasterAddress confirmed;

    /**
     * @param parent the shell to centre on, or {@code null} at startup before any window exists
     * @param recent offered in the combo, most recent first
     * @param initialText the text to start with (it may be invalid: the problem is then shown at once)
     */
    public ConnectDialog(Shell parent, RecentMasters recent, String initialText) {
        super(parent);
        this.recent = recent;
        this.initialText = initialText;
    }

    /** Shows the dialog and waits; the chosen master, or empty when the user cancelled. */
    public static Optional<MasterAddress> ask(Shell parent, RecentMasters recent, String initialText) {
        ConnectDialog dialog = new ConnectDialog(parent, recent, initialText);
        dialog.open();
        return dialog.master();
    }

    /** The master confirmed with OK; empty before that and when the dialog was cancelled or closed. */
    public Optional<MasterAddress> master() {
        return Optional.ofNullable(confirmed);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Connect to a Meseta Master");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        new Label(area, SWT.NONE).setText("&Master (HOST:PORT):");
        masterField = new Combo(area, SWT.DROP_DOWN);
        recent.masters().forEach(master -> masterField.add(master.toString()));
        masterField.setText(initialText == null ? "" : initialText);
        GridDataFactory.fillDefaults().grab(true, false).hint(convertWidthInCharsToPixels(40), SWT.DEFAULT)
                .applyTo(masterField);
        problemLine = new Label(area, SWT.WRAP);
        problemLine.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        // Two lines reserved, so that the dialog need not grow while the user types.
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false)
                .hint(convertWidthInCharsToPixels(20), convertHeightInCharsToPixels(2)).applyTo(problemLine);
        masterField.addModifyListener(event -> validate());
        return area;
    }

    @Override
    protected Control createContents(Composite parent) {
        Control contents = super.createContents(parent);
        // Only now do the buttons exist whose state validation sets.
        validate();
        return contents;
    }

    private void validate() {
        try {
            chosen = MasterAddress.parse(masterField.getText());
            problemLine.setText("");
        } catch (IllegalArgumentException e) {
            chosen = null;
            problemLine.setText(e.getMessage());
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

    // Test access (the UI tests are a fragment in this package).

    Combo masterField() {
        return masterField;
    }

    String problem() {
        return problemLine.getText();
    }

    Button okButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    Button cancelButton() {
        return getButton(IDialogConstants.CANCEL_ID);
    }
}
