package org.meseta.console.ui.launch;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.meseta.console.core.launch.CheckedDefinition;
import org.meseta.console.core.launch.DefinitionField;
import org.meseta.console.core.launch.Palette;
import org.meseta.console.core.launch.TaskDefinition;

/**
 * The editor of one task definition under the palette's list: name, command, resources, role and environment. What
 * is typed is checked at each keystroke ({@link Palette#check}) and each problem shown in red under its field (in a
 * new definition, once the field was typed in); <b>Save</b> is enabled only while there is none. UI thread only.
 */
final class DefinitionEditor {

    private final Group group;
    private final Map<DefinitionField, Text> fields = new EnumMap<>(DefinitionField.class);
    private final Map<DefinitionField, Label> problems = new EnumMap<>(DefinitionField.class);
    private final Button save;
    private final Supplier<Palette> palette;
    private Optional<String> replacing = Optional.empty();
    /** The fields whose problems are shown: all of a saved definition, those typed in of a new one. */
    private final Set<DefinitionField> shown = EnumSet.noneOf(DefinitionField.class);
    private boolean filling;

    /**
     * @param palette the palette as saved now, against which names are checked
     * @param onSave told each valid definition saved, with the name of the one it replaces (none: a new one)
     */
    DefinitionEditor(Composite parent, Supplier<Palette> palette, BiConsumer<TaskDefinition, Optional<String>> onSave) {
        this.palette = palette;
        group = new Group(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(4, 3).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        field(DefinitionField.NAME, "&Name:", "e.g. web", SWT.SINGLE);
        field(DefinitionField.COMMAND, "&Command:", "a shell command, e.g. sleep 3600", SWT.SINGLE);
        field(DefinitionField.RESOURCES, "Re&sources:", "e.g. cpus:0.1;mem:32", SWT.SINGLE);
        field(DefinitionField.ROLE, "R&ole:", "* unless given", SWT.SINGLE);
        field(DefinitionField.ENVIRONMENT, "&Environment:", "NAME=value, one a line", SWT.MULTI | SWT.V_SCROLL);
        new Label(group, SWT.NONE);
        save = new Button(group, SWT.PUSH);
        save.setText("Sa&ve");
        save.setToolTipText("Keep this definition in the palette");
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(save);
        save.addListener(SWT.Selection, event -> {
            if (check().isValid()) {
                onSave.accept(typed(), replacing);
            }
        });
        edit(TaskDefinition.NEW, Optional.empty());
    }

    Group control() {
        return group;
    }

    private void field(DefinitionField field, String label, String hint, int style) {
        Label name = new Label(group, SWT.NONE);
        name.setText(label);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.BEGINNING).indent(0, 3).applyTo(name);
        Composite cell = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 1).applyTo(cell);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(cell);
        Text text = new Text(cell, SWT.BORDER | style);
        text.setMessage(hint);
        int lines = (style & SWT.MULTI) != 0 ? 3 : 1;
        GridDataFactory.fillDefaults().grab(true, false).hint(120, text.getLineHeight() * lines).applyTo(text);
        text.addModifyListener(event -> {
            if (!filling) {
                shown.add(field);
                check();
            }
        });
        Label problem = new Label(cell, SWT.WRAP);
        problem.setForeground(group.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(problem);
        fields.put(field, text);
        problems.put(field, problem);
    }

    /** Shows {@code definition} for editing; saving it replaces the definition named {@code replaced} (none: new). */
    void edit(TaskDefinition definition, Optional<String> replaced) {
        replacing = replaced;
        group.setText(replaced.map(name -> "Definition " + name).orElse("New definition"));
        shown.clear();
        if (replaced.isPresent()) {
            shown.addAll(fields.keySet());
        }
        filling = true;
        fields.get(DefinitionField.NAME).setText(definition.name());
        fields.get(DefinitionField.COMMAND).setText(definition.command());
        fields.get(DefinitionField.RESOURCES).setText(definition.resources());
        fields.get(DefinitionField.ROLE).setText(definition.role());
        fields.get(DefinitionField.ENVIRONMENT).setText(definition.environment());
        filling = false;
        check();
    }

    /** The definition as typed. */
    TaskDefinition typed() {
        return new TaskDefinition(text(DefinitionField.NAME), text(DefinitionField.COMMAND),
                text(DefinitionField.RESOURCES), text(DefinitionField.ROLE), text(DefinitionField.ENVIRONMENT));
    }

    private String text(DefinitionField field) {
        return fields.get(field).getText();
    }

    private CheckedDefinition check() {
        CheckedDefinition checked = palette.get().check(typed(), replacing);
        problems.forEach((field, label) -> {
            String problem = shown.contains(field) ? checked.problems().getOrDefault(field, "") : "";
            label.setText(problem);
            // A field without a problem takes no room for one: the palette shares its height with its list.
            label.setVisible(!problem.isEmpty());
            ((GridData) label.getLayoutData()).exclude = problem.isEmpty();
        });
        save.setEnabled(checked.isValid());
        group.getParent().layout(true, true);
        return checked;
    }

    // Test access.

    Text field(DefinitionField field) {
        return fields.get(field);
    }

    String problem(DefinitionField field) {
        return problems.get(field).getText();
    }

    Button saveButton() {
        return save;
    }
}
