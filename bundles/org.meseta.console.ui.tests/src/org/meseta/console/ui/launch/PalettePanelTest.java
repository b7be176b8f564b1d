package org.meseta.console.ui.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.launch.DefinitionField;
import org.meseta.console.core.launch.Palette;
import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.ui.preferences.PaletteStore;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.Consoles;
import org.meseta.console.ui.testing.Dnd;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.Widgets;

/**
 * The launch palette on a real display, without a master: definitions written in the editor, checked as typed with
 * each problem under its field, saved to the preferences, deleted; and what a drag out of the list carries.
 */
@Timeout(60)
class PalettePanelTest {

    private static final TaskDefinition WEB = new TaskDefinition("web", "python3 -m http.server 8080",
            "cpus:0.1;mem:32", "*", "");

    private Display display;
    private Shell shell;
    private PaletteStore store;
    private PalettePanel palette;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void openPanel() {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(360, 560);
        store = Consoles.paletteStore(WEB);
        palette = new PalettePanel(shell, store, problems::add);
        shell.open();
        Ui.flush(display);
    }

    @AfterEach
    void closePanel() {
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void aNewDefinitionIsCheckedAsTypedAndSavedOnceValid() {
        Widgets.click(Widgets.button((Composite) palette.control(), "New"));
        DefinitionEditor editor = palette.editor();
        assertEquals("", editor.problem(DefinitionField.NAME), "no problem shown before anything is typed");
        assertFalse(editor.saveButton().isEnabled());
        type(DefinitionField.NAME, "");
        assertEquals("Enter a name, e.g. web", editor.problem(DefinitionField.NAME), "once typed in");

        type(DefinitionField.NAME, "web");
        type(DefinitionField.COMMAND, "sleep 3600");
        type(DefinitionField.RESOURCES, "cpus:0.1;mem:lots");
        type(DefinitionField.ROLE, "-web");
        type(DefinitionField.ENVIRONMENT, "A=1\nA=2");
        assertEquals("Another definition is named web", editor.problem(DefinitionField.NAME));
        assertEquals("", editor.problem(DefinitionField.COMMAND));
        assertTrue(editor.problem(DefinitionField.RESOURCES).contains("mem"), editor.problem(DefinitionField.RESOURCES));
        assertEquals("Role '-web' is invalid: component '-web' starts with a dash",
                editor.problem(DefinitionField.ROLE));
        assertEquals("Line 2: A is set twice", editor.problem(DefinitionField.ENVIRONMENT));
        assertFalse(editor.saveButton().isEnabled());

        type(DefinitionField.NAME, "batch");
        type(DefinitionField.RESOURCES, "cpus:0.1;mem:32");
        type(DefinitionField.ROLE, "batch");
        type(DefinitionField.ENVIRONMENT, "A=1");
        assertTrue(editor.saveButton().isEnabled());
        Widgets.click(editor.saveButton());

        TaskDefinition batch = new TaskDefinition("batch", "sleep 3600", "cpus:0.1;mem:32", "batch", "A=1");
        assertEquals(List.of(WEB, batch), palette.list().rows());
        assertEquals(List.of(WEB, batch), store.load().definitions(), "kept in the preferences");
        assertEquals(Optional.of(batch), palette.list().selected(), "the saved definition stays selected");
    }

    @Test
    void aSelectedDefinitionIsEditedInPlaceOrDeleted() {
        select(0);
        DefinitionEditor editor = palette.editor();
        assertEquals("python3 -m http.server 8080", editor.field(DefinitionField.COMMAND).getText());
        assertEquals("", editor.problem(DefinitionField.NAME), "its own name is not another's");

        type(DefinitionField.RESOURCES, "cpus:0.2;mem:64");
        Widgets.click(editor.saveButton());
        assertEquals(List.of(new TaskDefinition("web", "python3 -m http.server 8080", "cpus:0.2;mem:64", "*", "")),
                store.load().definitions());

        Widgets.click(Widgets.button((Composite) palette.control(), "Delete"));
        assertEquals(List.of(), store.load().definitions());
        assertEquals("", editor.field(DefinitionField.NAME).getText(), "the editor starts a new one");
    }

    @Test
    void aDragCarriesTheSelectedDefinitionAsSavedAndNothingWithoutOne() {
        Shell target = new Shell(display);
        List<DragItem> dropped = new ArrayList<>();
        AgentView agent = Clusters.agent("S0", "node-a", "");
        AgentDropTarget.attach(target, point -> Optional.of(agent), hovered -> { }, (item, on) -> dropped.add(item));
        try {
            palette.list().viewer().getTable().deselectAll();
            assertEquals(DND.DROP_NONE, drag(target), "nothing selected");
            select(0);
            type(DefinitionField.COMMAND, "edited but not saved");

            assertEquals(DND.DROP_COPY, drag(target));
            assertEquals(List.of(new DragItem.Definition(WEB)), dropped);
            assertEquals(List.of(), problems);
        } finally {
            target.dispose();
        }
    }

    @Test
    void aStoredDefinitionWithProblemsIsNotDragged() {
        store.save(new Palette(List.of(new TaskDefinition("odd", "", "cpus:1", "*", ""))));
        shell.dispose();
        shell = new Shell(display);
        palette = new PalettePanel(shell, store, problems::add);
        select(0);

        assertEquals(DND.DROP_NONE, drag(shell));
        assertEquals(List.of("odd cannot be launched: Enter a shell command, e.g. sleep 3600"), problems);
    }

    private int drag(Control target) {
        if (target.getData(DND.DROP_TARGET_KEY) == null) {
            AgentDropTarget.attach(target, point -> Optional.empty(), hovered -> { }, (item, on) -> { });
        }
        return Dnd.drag(palette.list().viewer().getControl(), new Point(5, 5), target, new Point(5, 5));
    }

    private void type(DefinitionField field, String text) {
        palette.editor().field(field).setText(text);
    }

    private void select(int row) {
        palette.list().viewer().getTable().setSelection(row);
        palette.list().viewer().getTable().notifyListeners(SWT.Selection, new Event());
    }
}
