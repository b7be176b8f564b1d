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
import org.eclipse.swt.widgets.Text;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.MasterLocation;
import org.meseta.console.core.RecentMasters;

/**
 * Asks which master to connect to: an editable combo offering the recent masters ({@code HOST:PORT} or a
 * {@code zk://} group), an optional user and password for masters that require HTTP authentication, a line that
 * says what is wrong with the input so far, and OK, which is enabled only for valid input. The password is kept in
 * memory only, never written anywhere.
 */
public final class ConnectDialog extends Dialog {

    /**
     * What the user chose.
     *
     * @param master where the master is
     * @param credentials the user and password entered; empty when both were left empty
     */
    public record Choice(MasterLocation master, Optional<Credentials> credentials) {
    }

    private final RecentMasters recent;
    private final String initialText;
    private final Optional<Credentials> initialCredentials;
    private Combo masterField;
    private Text userField;
    private Text passwordField;
    private Label problemLine;
    private Choice chosen;
    private Choice confirmed;

    /**
     * @param parent the shell to centre on, or {@code null} at startup before any window exists
     * @param recent offered in the combo, most recent first
     * @param initialText the master to start with (it may be invalid: the problem is then shown at once)
     * @param initialCredentials the user and password to start with (those of the current connection)
     */
    public ConnectDialog(Shell parent, RecentMasters recent, String initialText,
            Optional<Credentials> initialCredentials) {
        super(parent);
        this.recent = recent;
        this.initialText = initialText;
        this.initialCredentials = initialCredentials;
    }

    /** Shows the dialog and waits; what the user chose, or empty when the user cancelled. */
    public static Optional<Choice> ask(Shell parent, RecentMasters recent, String initialText,
            Optional<Credentials> initialCredentials) {
        ConnectDialog dialog = new ConnectDialog(parent, recent, initialText, initialCredentials);
        dialog.open();
        return dialog.choice();
    }

    /** What was confirmed with OK; empty before that and when the dialog was cancelled or closed. */
    public Optional<Choice> choice() {
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
        new Label(area, SWT.NONE).setText("&Master:");
        masterField = new Combo(area, SWT.DROP_DOWN);
        recent.masters().forEach(master -> masterField.add(master.text()));
        masterField.setText(initialText == null ? "" : initialText);
        GridDataFactory.fillDefaults().grab(true, false).hint(convertWidthInCharsToPixels(48), SWT.DEFAULT)
                .applyTo(masterField);
        Label hint = new Label(area, SWT.NONE);
        hint.setText("HOST:PORT of a master, or zk://HOST:PORT[,HOST:PORT…]/PATH to follow the leader");
        hint.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(hint);
        new Label(area, SWT.NONE).setText("&User:");
        userField = new Text(area, SWT.BORDER);
        userField.setMessage("only if the master requires authentication");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(userField);
        new Label(area, SWT.NONE).setText("&Password:");
        passwordField = new Text(area, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(passwordField);
        initialCredentials.ifPresent(credentials -> {
            userField.setText(credentials.principal());
            passwordField.setText(credentials.secret());
        });
        problemLine = new Label(area, SWT.WRAP);
        problemLine.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        // Two lines reserved, so that the dialog need not grow while the user types.
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false)
                .hint(convertWidthInCharsToPixels(20), convertHeightInCharsToPixels(2)).applyTo(problemLine);
        masterField.addModifyListener(event -> validate());
        userField.addModifyListener(event -> validate());
        passwordField.addModifyListener(event -> validate());
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
            chosen = new Choice(MasterLocation.parse(masterField.getText()),
                    Credentials.entered(userField.getText(), passwordField.getText()));
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

    Text userField() {
        return userField;
    }

    Text passwordField() {
        return passwordField;
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
