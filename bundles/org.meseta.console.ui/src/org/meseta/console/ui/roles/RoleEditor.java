package org.meseta.console.ui.roles;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.mesos.v1.master.Protos.Call;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.calls.RoleEdits;

/**
 * The editor under the roles table: a role's name, its weight, and its quota's guarantees and limits of cpus, memory
 * and disk (blank: none). <b>Set weight</b> and <b>Set quota</b> check what was typed by the master's rules
 * ({@link RoleEdits}) and show each problem under the field it is about; only a valid edit is handed on. Quota of
 * other resources the role already has is kept. UI thread only.
 */
final class RoleEditor {

    /** The resources whose quota the editor shows, with their labels. */
    static final Map<String, String> RESOURCES = orderedResources();

    private final Group group;
    private final Text role;
    private final Text weight;
    private final Map<String, Text> guarantees = new LinkedHashMap<>();
    private final Map<String, Text> limits = new LinkedHashMap<>();
    private final Map<String, Label> errors = new HashMap<>();
    private final Label quotaError;
    private final Button setWeight;
    private final Button setQuota;
    private Map<String, Double> otherGuarantees = Map.of();
    private Map<String, Double> otherLimits = Map.of();

    /**
     * @param onWeight told each valid weight edit ({@code UPDATE_WEIGHTS})
     * @param onQuota told each valid quota edit ({@code UPDATE_QUOTA})
     */
    RoleEditor(Composite parent, Consumer<Edit> onWeight, Consumer<Edit> onQuota) {
        group = new Group(parent, SWT.NONE);
        group.setText("Weight and quota of a role");
        GridLayoutFactory.swtDefaults().numColumns(7).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).applyTo(group);
        label("R&ole:");
        role = field(RoleEdits.ROLE, "a role, e.g. web");
        label("&Weight:");
        weight = field(RoleEdits.WEIGHT, "a positive number");
        setWeight = button("Set &weight", () -> checkWeight().ifPresent(onWeight));
        new Label(group, SWT.NONE);
        new Label(group, SWT.NONE);
        quantityRow("Guarantee", guarantees, RoleEdits::guarantee);
        new Label(group, SWT.NONE);
        quantityRow("Limit", limits, RoleEdits::limit);
        setQuota = button("Set &quota", () -> checkQuota().ifPresent(onQuota));
        quotaError = new Label(group, SWT.WRAP);
        quotaError.setForeground(group.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(7, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(quotaError);
    }

    /** An edit that passed the checks: the call to send and what it does, for people. */
    record Edit(Call call, String what) {
    }

    private static Map<String, String> orderedResources() {
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("cpus", "cpus");
        resources.put("mem", "mem (MB)");
        resources.put("disk", "disk (MB)");
        return resources;
    }

    private void quantityRow(String kind, Map<String, Text> fields, Function<String, String> key) {
        for (Map.Entry<String, String> resource : RESOURCES.entrySet()) {
            label(resource.getKey().equals("cpus") ? kind + " " + resource.getValue() + ":"
                    : resource.getValue() + ":");
            fields.put(resource.getKey(), field(key.apply(resource.getKey()), "none"));
        }
    }

    private void label(String text) {
        Label label = new Label(group, SWT.NONE);
        label.setText(text);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.BEGINNING).indent(0, 4).applyTo(label);
    }

    /** A text with the line for its problem under it. */
    private Text field(String key, String hint) {
        Composite cell = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 1).applyTo(cell);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(cell);
        Text text = new Text(cell, SWT.BORDER);
        text.setMessage(hint);
        GridDataFactory.fillDefaults().hint(110, SWT.DEFAULT).applyTo(text);
        Label error = new Label(cell, SWT.WRAP);
        error.setForeground(group.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(error);
        errors.put(key, error);
        return text;
    }

    private Button button(String text, Runnable action) {
        Button button = new Button(group, SWT.PUSH);
        button.setText(text);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(button);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /** Fills the fields with {@code row} (as selected in the table), clearing any problems shown. */
    void edit(RoleRow row) {
        role.setText(row.name());
        weight.setText(row.weightText());
        fill(guarantees, row.guarantees());
        fill(limits, row.limits());
        otherGuarantees = others(row.guarantees());
        otherLimits = others(row.limits());
        show(Map.of());
    }

    private static void fill(Map<String, Text> fields, Map<String, Double> amounts) {
        fields.forEach((name, field) -> field.setText(amounts.containsKey(name)
                ? ResourceFormat.number(amounts.get(name)) : ""));
    }

    private static Map<String, Double> others(Map<String, Double> amounts) {
        Map<String, Double> others = new LinkedHashMap<>(amounts);
        others.keySet().removeAll(RESOURCES.keySet());
        return others;
    }

    private Optional<Edit> checkWeight() {
        RoleEdits.Checked checked = RoleEdits.weight(role.getText(), weight.getText());
        show(checked.problems());
        return checked.call().map(call -> new Edit(call, "Set the weight of " + role.getText().strip() + " to "
                + weight.getText().strip()));
    }

    private Optional<Edit> checkQuota() {
        RoleEdits.Checked checked = RoleEdits.quota(role.getText(), typed(guarantees, otherGuarantees),
                typed(limits, otherLimits));
        show(checked.problems());
        return checked.call().map(call -> new Edit(call, "Set the quota of " + role.getText().strip()));
    }

    /** What the fields hold, plus the role's quota of other resources, which is kept. */
    private static Map<String, String> typed(Map<String, Text> fields, Map<String, Double> others) {
        Map<String, String> typed = new LinkedHashMap<>();
        fields.forEach((name, field) -> typed.put(name, field.getText()));
        others.forEach((name, amount) -> typed.put(name, String.valueOf(amount)));
        return typed;
    }

    /** Shows each problem under its field and the quota's own under the quota rows; clears the others. */
    private void show(Map<String, String> problems) {
        errors.forEach((key, label) -> label.setText(problems.getOrDefault(key, "")));
        quotaError.setText(problems.getOrDefault(RoleEdits.QUOTA, ""));
        group.getParent().layout(true, true);
    }

    // Test access.

    Text role() {
        return role;
    }

    Text weight() {
        return weight;
    }

    Text guarantee(String resource) {
        return guarantees.get(resource);
    }

    Text limit(String resource) {
        return limits.get(resource);
    }

    /** The problem shown for {@code key} (a {@link RoleEdits} field name). */
    String problem(String key) {
        return key.equals(RoleEdits.QUOTA) ? quotaError.getText() : errors.get(key).getText();
    }

    Button setWeightButton() {
        return setWeight;
    }

    Button setQuotaButton() {
        return setQuota;
    }
}
