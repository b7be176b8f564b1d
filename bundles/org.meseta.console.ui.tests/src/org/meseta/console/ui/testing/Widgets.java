package org.meseta.console.ui.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;

/**
 * Finds and works widgets the way a user would, for tests that drive real SWT views: context menu items by their
 * label, buttons by their text, and dialogs that open modally, answered from inside their own event loop.
 */
public final class Widgets {

    /** How many times a wait for a dialog looks for it (every 20 ms) before giving up. */
    private static final int DIALOG_POLLS = 500;

    private Widgets() {
    }

    /** The item labelled {@code label} of {@code control}'s context menu, its enablement updated as on opening. */
    public static MenuItem menuItem(Control control, String label) {
        Menu menu = control.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        for (MenuItem item : menu.getItems()) {
            if (plain(item.getText()).equals(label)) {
                return item;
            }
        }
        return fail("No menu item '" + label + "' in " + List.of(menu.getItems()).stream()
                .map(item -> plain(item.getText())).toList());
    }

    /** The labels of the enabled items of {@code control}'s context menu, as on opening (separators left out). */
    public static List<String> enabledMenuItems(Control control) {
        Menu menu = control.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        return List.of(menu.getItems()).stream().filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0)
                .filter(MenuItem::isEnabled).map(item -> plain(item.getText())).toList();
    }

    /** Selects {@code widget} (a menu item or a button) as a click does; it must be enabled. */
    public static void click(Widget widget) {
        boolean enabled = widget instanceof MenuItem item ? item.isEnabled() : ((Control) widget).isEnabled();
        assertTrue(enabled, () -> widget + " should be enabled");
        widget.notifyListeners(SWT.Selection, new Event());
    }

    /** The button labelled {@code text} inside {@code root}. */
    public static Button button(Composite root, String text) {
        return find(root, Button.class).stream().filter(button -> plain(button.getText()).equals(text)).findFirst()
                .orElseGet(() -> fail("No button '" + text + "' in " + root));
    }

    /** Every control of {@code type} inside {@code root}, depth first. */
    public static <T extends Control> List<T> find(Composite root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(find(composite, type));
            }
        }
        return found;
    }

    /**
     * Answers the next dialog titled {@code title} with {@code answer} once it is open: call before what opens it
     * (modally), then {@link DialogAnswer#verify()} after. The answer runs on the UI thread inside the dialog's event
     * loop; what it throws is kept for {@code verify()}, since the dialog's loop would only log it.
     */
    public static DialogAnswer whenDialogOpens(Display display, String title, Consumer<Shell> answer) {
        DialogAnswer pending = new DialogAnswer(title);
        display.timerExec(20, new Runnable() {
            private int polls;

            @Override
            public void run() {
                for (Shell shell : display.getShells()) {
                    if (shell.isVisible() && shell.getText().equals(title)) {
                        pending.answer(shell, answer);
                        return;
                    }
                }
                if (++polls < DIALOG_POLLS) {
                    display.timerExec(20, this);
                }
            }
        });
        return pending;
    }

    /** A dialog to be answered; see {@link #whenDialogOpens}. */
    public static final class DialogAnswer {
        private final String title;
        private boolean answered;
        private Throwable failure;

        private DialogAnswer(String title) {
            this.title = title;
        }

        private void answer(Shell shell, Consumer<Shell> answer) {
            answered = true;
            try {
                answer.accept(shell);
            } catch (RuntimeException | AssertionError e) {
                failure = e;
                shell.close();
            }
        }

        /** Fails if the dialog never opened or its answer failed. */
        public void verify() {
            if (failure instanceof AssertionError error) {
                throw error;
            }
            if (failure != null) {
                throw new AssertionError("Answering '" + title + "' failed", failure);
            }
            assertTrue(answered, () -> "The dialog '" + title + "' never opened");
        }
    }

    private static String plain(String label) {
        return label.replace("&", "");
    }
}
