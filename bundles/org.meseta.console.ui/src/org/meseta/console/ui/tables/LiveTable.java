package org.meseta.console.ui.tables;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

/**
 * A table of rows that the model replaces whenever it changes: rows are matched by an identity (a framework's id, a
 * role's name), so the selection survives updates, and kept in a fixed order. UI thread only.
 *
 * @param <R> the row type
 */
public final class LiveTable<R> {

    /** One column: title, initial width in pixels and the cell text of a row. */
    public record Column<R>(String title, int width, Function<R, String> text) {
    }

    private final TableViewer viewer;
    private final Class<R> type;

    /**
     * @param type the row type (rows are checked against it)
     * @param identity what makes two rows the same row
     * @param order the order of the rows
     */
    public LiveTable(Composite parent, Class<R> type, List<Column<R>> columns, Function<R, String> identity,
            Comparator<R> order) {
        this.type = type;
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        for (Column<R> column : columns) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(column.title());
            viewerColumn.getColumn().setWidth(column.width());
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text().apply(type.cast(element));
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return type.isInstance(a) && type.isInstance(b) ? identity.apply(type.cast(a))
                        .equals(identity.apply(type.cast(b))) : a.equals(b);
            }

            @Override
            public int hashCode(Object element) {
                return type.isInstance(element) ? identity.apply(type.cast(element)).hashCode() : element.hashCode();
            }
        });
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object left, Object right) {
                return order.compare(type.cast(left), type.cast(right));
            }
        });
        viewer.setInput(List.of());
    }

    /** Shows exactly {@code rows}. */
    public void show(List<R> rows) {
        viewer.setInput(rows);
    }

    /** Asks every cell for its text again (texts that depend on the time). */
    public void refreshTexts() {
        viewer.refresh(true);
    }

    /** The selected row, if any. */
    public Optional<R> selected() {
        return Optional.ofNullable(viewer.getStructuredSelection().getFirstElement()).map(type::cast);
    }

    /** Greys the rows out while they may be out of date (the master is not answering). */
    public void setStale(boolean stale) {
        Table table = viewer.getTable();
        table.setForeground(stale ? table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND) : null);
    }

    /** The viewer, for layout, listeners and menus. */
    public TableViewer viewer() {
        return viewer;
    }
}
