package org.meseta.console.ui.actions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.di.UISynchronize;
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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.meseta.console.core.calls.AgentEndpoint;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.FieldError;
import org.meseta.console.core.calls.IsolationChange;
import org.meseta.console.core.calls.IsolationField;
import org.meseta.console.core.calls.IsolationSettings;

/**
 * The isolation settings editor of one agent ({@code /api/v1/meseta/isolation} on the agent, docs/isolation.md):
 * its isolators, the CFS quota, the memory limit mode, the pids limit and the cgroups root, each with whether running
 * containers take a change of it. Apply sends what was changed; the agent checks all of it, and each error it
 * reports is shown under the field it names. Modeless, so the cluster stays in view; the calls run off the UI thread
 * and report on the dialog's own action line.
 */
final class IsolationDialog extends Dialog {

    static final String APPLIES = "applies to running containers";
    static final String NEW_ONLY = "new containers only";

    private final String hostname;
    private final AgentEndpoint agent;
    private final CallClient calls;
    private final UISynchronize ui;
    private final Map<IsolationField, Label> errors = new EnumMap<>(IsolationField.class);
    private final Map<IsolationField, Label> notes = new EnumMap<>(IsolationField.class);
    private Table isolators;
    private Button cfs;
    private Combo memoryMode;
    private Text pidsLimit;
    private Text cgroupsRoot;
    private Label bodyError;
    private Label applied;
    private ActionBar bar;
    private IsolationSettings current;

    IsolationDialog(Shell parent, String hostname, AgentEndpoint agent, CallClient calls, UISynchronize ui) {
        super(parent);
        this.hostname = hostname;
        this.agent = agent;
        this.calls = calls;
        this.ui = ui;
        setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Isolation settings of " + hostname);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(area);
        Label where = new Label(area, SWT.NONE);
        where.setText("Agent " + hostname + " at " + agent + ". Apply sends what you changed; the agent checks it"
                + " all before it changes anything.");
        GridDataFactory.fillDefaults().span(3, 1).applyTo(where);
        isolators = new Table(area, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        field(area, IsolationField.ISOLATION, "&Isolators (in order):", isolators);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, convertHeightInCharsToPixels(6))
                .applyTo(isolators);
        cfs = new Button(area, SWT.CHECK);
        cfs.setText("set a CFS quota (cgroups/cpu)");
        field(area, IsolationField.CGROUPS_ENABLE_CFS, "&CFS quota:", cfs);
        memoryMode = new Combo(area, SWT.READ_ONLY);
        field(area, IsolationField.MEMORY_LIMIT_MODE, "&Memory limit mode:", memoryMode);
        pidsLimit = new Text(area, SWT.BORDER);
        pidsLimit.setMessage("a positive integer or max");
        field(area, IsolationField.PIDS_LIMIT, "&Pids limit:", pidsLimit);
        cgroupsRoot = new Text(area, SWT.BORDER);
        field(area, IsolationField.CGROUPS_ROOT, "Cgroups &root:", cgroupsRoot);
        bodyError = errorLabel(area, 3);
        applied = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(convertWidthInCharsToPixels(80), SWT.DEFAULT)
                .applyTo(applied);
        bar = new ActionBar(area, ui);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(bar.control());
        setEditable(false);
        return area;
    }

    /** One setting: its label, its control, whether running containers take it, and a line for its error. */
    private void field(Composite area, IsolationField field, String label, Control control) {
        Label name = new Label(area, SWT.NONE);
        name.setText(label);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(name);
        // Created before the label in the widget order, so moved after it to keep the grid's order.
        control.moveBelow(name);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(control);
        Label note = new Label(area, SWT.NONE);
        note.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        notes.put(field, note);
        new Label(area, SWT.NONE);
        errors.put(field, errorLabel(area, 2));
    }

    private static Label errorLabel(Composite area, int span) {
        Label error = new Label(area, SWT.WRAP);
        error.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(span, 1).grab(true, false).applyTo(error);
        return error;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Apply", true).setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, false);
    }

    @Override
    public int open() {
        int code = super.open();
        bar.track("Read the isolation settings of " + hostname, calls.isolationSettings(agent), result -> {
            if (result instanceof CallResult.Succeeded<IsolationSettings> read) {
                show(read.value());
            }
        });
        return code;
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            apply();
        } else {
            close();
        }
    }

    private void apply() {
        IsolationChange change = IsolationChange.between(current, enabledIsolators(), cfs.getSelection(),
                memoryMode.getText(), pidsLimit.getText(), cgroupsRoot.getText());
        clearErrors();
        if (change.isEmpty()) {
            bar.info("Nothing changed");
            return;
        }
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        bar.track("Change the isolation settings of " + hostname, calls.changeIsolationSettings(agent, change),
                result -> {
                    getButton(IDialogConstants.OK_ID).setEnabled(true);
                    switch (result) {
                        case CallResult.Succeeded<IsolationSettings> done -> show(done.value());
                        case CallResult.Refused<IsolationSettings> refused -> showErrors(refused.fieldErrors());
                        case CallResult.Failed<IsolationSettings> failed -> { }
                        case CallResult.Cancelled<IsolationSettings> cancelled -> { }
                    }
                });
    }

    /** Fills the fields with {@code settings} (read, or answered to a change). */
    private void show(IsolationSettings settings) {
        current = settings;
        isolators.removeAll();
        Set<String> names = new LinkedHashSet<>(settings.isolation());
        names.addAll(settings.installedIsolators());
        for (String name : names) {
            TableItem item = new TableItem(isolators, SWT.NONE);
            item.setText(name);
            item.setChecked(settings.isolation().contains(name));
        }
        cfs.setSelection(settings.cgroupsEnableCfs());
        memoryMode.setItems(settings.memoryLimitModes().toArray(String[]::new));
        memoryMode.setText(settings.memoryLimitMode());
        pidsLimit.setText(settings.pidsLimit());
        cgroupsRoot.setText(settings.cgroupsRoot());
        notes.forEach((field, note) -> note.setText(settings.appliesToRunning().contains(field) ? APPLIES
                : NEW_ONLY));
        applied.setText(settings.applied().map(IsolationDialog::describe).orElse(""));
        setEditable(true);
        getButton(IDialogConstants.OK_ID).setEnabled(true);
        getShell().layout(true, true);
    }

    /** What a change did, in one or two sentences. */
    static String describe(IsolationSettings.Applied applied) {
        if (applied.changed().isEmpty()) {
            return "Nothing changed.";
        }
        String changed = "Changed " + names(applied.changed()) + ".";
        if (applied.toRunning().isEmpty()) {
            return changed + " New containers get it; running containers keep their settings.";
        }
        long took = applied.runningContainers().stream().filter(IsolationSettings.RunningContainer::applied).count();
        int running = applied.runningContainers().size();
        String failures = applied.runningContainers().stream().filter(container -> !container.applied())
                .map(container -> container.containerId() + ": " + String.join("; ", container.failures()))
                .collect(Collectors.joining(" "));
        return changed + " " + names(applied.toRunning()) + " applied to " + took + " of " + running
                + (running == 1 ? " running container." : " running containers.") + (failures.isEmpty() ? ""
                        : " Not applied: " + failures);
    }

    private static String names(List<IsolationField> fields) {
        return fields.stream().map(IsolationField::jsonName).collect(Collectors.joining(", "));
    }

    private void showErrors(List<FieldError> fieldErrors) {
        List<String> unnamed = new ArrayList<>();
        for (FieldError error : fieldErrors) {
            IsolationField.named(error.field()).map(errors::get).ifPresentOrElse(
                    label -> label.setText(error.message()), () -> unnamed.add(error.field() + ": " + error.message()));
        }
        bodyError.setText(String.join("\n", unnamed));
        getShell().layout(true, true);
    }

    private void clearErrors() {
        errors.values().forEach(label -> label.setText(""));
        bodyError.setText("");
        applied.setText("");
    }

    private List<String> enabledIsolators() {
        List<String> enabled = new ArrayList<>();
        for (TableItem item : isolators.getItems()) {
            if (item.getChecked()) {
                enabled.add(item.getText());
            }
        }
        return enabled;
    }

    private void setEditable(boolean editable) {
        for (Control control : new Control[] {isolators, cfs, memoryMode, pidsLimit, cgroupsRoot}) {
            control.setEnabled(editable);
        }
    }

    // Test access.

    boolean isLoaded() {
        return current != null && !bar.isBusy();
    }

    String error(IsolationField field) {
        return errors.get(field).getText();
    }

    String note(IsolationField field) {
        return notes.get(field).getText();
    }

    String applied() {
        return applied.getText();
    }

    Text pidsLimitField() {
        return pidsLimit;
    }

    Text cgroupsRootField() {
        return cgroupsRoot;
    }

    Button applyButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    ActionBar actions() {
        return bar;
    }
}
