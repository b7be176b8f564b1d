package org.meseta.console.ui.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

/**
 * A read-only table of rows of one type, shown in the order given. Rows are matched by an identity (an offer id, a
 * task key), so the selection survives new rows that replace old values of the same thing. UI thread only.
 *
 * @param <T> the rows' type
 */
public final class RowTable<T> {

    private final TableViewer viewer;
    private final Class<T> type;
    private final Function<? super T, ?> identity;
    private Function<? super T, Color> foreground = row -> null;
    private boolean stale;
    private List<T> rows = List.of();

    /**
     * @param type the rows' class
     * @param columns left to right
     * @param identity what makes two rows the same row
     */
    public RowTable(Composite parent, Class<T> type, List<Column<T>> columns, Function<? super T, ?> identity) {
        this.type = type;
        this.identity = identity;
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        for (Column<T> column : columns) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(column.title());
            viewerColumn.getColumn().setWidth(column.width());
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text().apply(row(element));
                }

                @Override
                public Color getForeground(Object element) {
                    return stale ? null : foreground.apply(row(element));
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparer(new SameRow());
        viewer.setInput(rows);
    }

    /** Shows exactly {@code newRows}, in their order. */
    public void show(List<T> newRows) {
        rows = List.copyOf(newRows);
        viewer.setInput(rows);
    }

    /** The rows shown, in their order. */
    public List<T> rows() {
        return rows;
    }

    /** The row selected, if any. */
    public Optional<T> selected() {
        Object first = viewer.getStructuredSelection().getFirstElement();
        return first == null ? Optional.empty() : Optional.of(row(first));
    }

    /** Colours the text of rows (null: the default colour). */
    public void setForeground(Function<? super T, Color> rowForeground) {
        foreground = rowForeground;
        viewer.refresh();
    }

    /** Greys the rows out while they may be out of date (the master is not answering). */
    public void setStale(boolean isStale) {
        stale = isStale;
        Table table = viewer.getTable();
        table.setForeground(stale ? table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND) : null);
        viewer.refresh();
    }

    /** The cell texts of row {@code index} as the table shows them, left to right. */
    public List<String> cells(int index) {
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < viewer.getTable().getColumnCount(); column++) {
            cells.add(viewer.getTable().getItem(index).getText(column));
        }
        return cells;
    }

    public TableViewer viewer() {
        return viewer;
    }

    private T row(Object element) {
        return type.cast(element);
    }

    /** Rows stand for things: a thing whose figures changed is still the same row (the viewer's input aside). */
    private final class SameRow implements IElementComparer {
        @Override
        public boolean equals(Object a, Object b) {
            return type.isInstance(a) && type.isInstance(b) ? Objects.equals(identity.apply(row(a)),
                    identity.apply(row(b))) : Objects.equals(a, b);
        }

        @Override
        public int hashCode(Object element) {
            return type.isInstance(element) ? Objects.hashCode(identity.apply(row(element))) : element.hashCode();
        }
    }
}
