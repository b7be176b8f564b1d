package org.meseta.console.ui.launch;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.meseta.console.core.launch.CheckedDefinition;
import org.meseta.console.core.launch.Palette;
import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.ui.preferences.PaletteStore;
import org.meseta.console.ui.tables.Column;
import org.meseta.console.ui.tables.RowTable;

/**
 * The launch palette beside the Topology view's tiles: the task definitions the administrator keeps (in the
 * preferences, {@link PaletteStore}), <b>New</b> and <b>Delete</b>, and the {@link DefinitionEditor} of the
 * selected one. A definition is dragged from the list onto an agent's tile to launch it there; one with problems
 * is not dragged, and the problem is said instead. UI thread only.
 */
public final class PalettePanel {

    /** The hint above the palette's list. */
    static final String HINT = "Drag a definition onto an agent to launch it there; drag a task's square onto another"
            + " agent to move it.";

    private final PaletteStore store;
    private final Consumer<String> problems;
    private final Composite panel;
    private final RowTable<TaskDefinition> list;
    private final Button delete;
    private final DefinitionEditor editor;
    private Palette palette;

    /** @param problems told why a definition cannot be dragged (the view's action line) */
    public PalettePanel(Composite parent, PaletteStore store, Consumer<String> problems) {
        this.store = store;
        this.problems = problems;
        this.palette = store.load();
        panel = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 0).applyTo(panel);
        Label title = new Label(panel, SWT.NONE);
        title.setText("Launch palette");
        Label hint = new Label(panel, SWT.WRAP);
        hint.setText(HINT);
        hint.setForeground(panel.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(hint);
        list = new RowTable<>(panel, TaskDefinition.class, List.of(
                new Column<>("Name", 90, TaskDefinition::name),
                new Column<>("Resources", 120, TaskDefinition::resources),
                new Column<>("Role", 50, TaskDefinition::role)), definition -> definition.name().strip());
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 90).minSize(SWT.DEFAULT, 60)
                .applyTo(list.viewer().getControl());
        list.viewer().addSelectionChangedListener(event -> selected());
        Composite buttons = new Composite(panel, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        Button add = new Button(buttons, SWT.PUSH);
        add.setText("Ne&w");
        add.setToolTipText("Write a new definition");
        add.addListener(SWT.Selection, event -> {
            list.viewer().setSelection(StructuredSelection.EMPTY);
            selected();
        });
        delete = new Button(buttons, SWT.PUSH);
        delete.setText("&Delete");
        delete.setToolTipText("Remove the selected definition from the palette");
        delete.addListener(SWT.Selection, event -> list.selected().ifPresent(this::delete));
        editor = new DefinitionEditor(panel, () -> palette, this::save);
        DragItemSource.attach(list.viewer().getControl(), point -> dragged());
        list.show(palette.definitions());
        selected();
    }

    /** The panel, for layout. */
    public Control control() {
        return panel;
    }

    private void selected() {
        Optional<TaskDefinition> chosen = list.selected();
        delete.setEnabled(chosen.isPresent());
        editor.edit(chosen.orElse(TaskDefinition.NEW), chosen.map(TaskDefinition::name));
    }

    private void save(TaskDefinition edited, Optional<String> replacing) {
        palette = palette.with(edited, replacing);
        store.save(palette);
        list.show(palette.definitions());
        list.viewer().setSelection(new StructuredSelection(edited), true);
    }

    private void delete(TaskDefinition definition) {
        palette = palette.without(definition.name());
        store.save(palette);
        list.show(palette.definitions());
        selected();
    }

    /** The selected definition, as saved, if it may be launched; else its problem is told. */
    private Optional<DragItem> dragged() {
        Optional<TaskDefinition> chosen = list.selected();
        Optional<CheckedDefinition> checked = chosen.map(TaskDefinition::check);
        checked.flatMap(CheckedDefinition::firstProblem).ifPresent(problem -> problems.accept(chosen.get().name()
                + " cannot be launched: " + problem));
        return checked.filter(CheckedDefinition::isValid).map(valid -> new DragItem.Definition(chosen.get()));
    }

    // Test access.

    RowTable<TaskDefinition> list() {
        return list;
    }

    DefinitionEditor editor() {
        return editor;
    }

    Palette palette() {
        return palette;
    }
}
