package org.meseta.console.ui.parts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.meseta.console.ui.testing.Ui;

/**
 * Reads what an {@link AgentsPart} shows (rows as cell texts, the status line) and waits for it while
 * running the display's event loop; a failed wait says what the part showed instead. UI thread only.
 */
final class AgentsPartReader {

    private final AgentsPart part;
    private final Display display;

    AgentsPartReader(AgentsPart part, Display display) {
        this.part = part;
        this.display = display;
    }

    void waitForRows(int count) {
        waitUntil(Ui.PATIENCE, () -> rowCount() == count, count + " rows");
    }

    void waitForStatus(String text) {
        waitUntil(Ui.PATIENCE, () -> part.status().equals(text), "the status '" + text + "'");
    }

    void waitUntil(Duration within, BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, within, condition, expectation,
                () -> "status '" + part.status() + "' and rows " + IntStream.range(0, rowCount())
                        .mapToObj(this::cells).toList());
    }

    int rowCount() {
        return table().getItemCount();
    }

    String cell(int row, AgentColumn column) {
        return table().getItem(row).getText(column.ordinal());
    }

    /** The texts of one row, left to right. */
    List<String> cells(int row) {
        TableItem item = table().getItem(row);
        return Arrays.stream(AgentColumn.values()).map(column -> item.getText(column.ordinal())).toList();
    }

    /** Whether the rows are drawn in the disabled colour (they may be out of date). */
    boolean isGreyedOut() {
        return table().getForeground().equals(display.getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND));
    }

    private Table table() {
        return part.table().viewer().getTable();
    }
}
