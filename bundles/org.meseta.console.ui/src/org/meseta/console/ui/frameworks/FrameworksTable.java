package org.meseta.console.ui.frameworks;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
 * A table of frameworks, one row each, by name and then id. Rows are matched by framework id, so the selection
 * survives updates; {@link #tick()} refreshes the failover countdowns. UI thread only.
 */
final class FrameworksTable {

    private static final Comparator<FrameworkRow> ORDER = Comparator
            .comparing((FrameworkRow row) -> row.framework().name()).thenComparing(row -> row.framework().id());

    private final TableViewer viewer;

    /** @param clock what the failover countdowns count on */
    FrameworksTable(Composite parent, Clock clock) {
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        for (FrameworkColumn column : FrameworkColumn.values()) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(column.title);
            viewerColumn.getColumn().setWidth(column.width);
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text((FrameworkRow) element, clock.instant());
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparer(new SameFramework());
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object left, Object right) {
                return ORDER.compare((FrameworkRow) left, (FrameworkRow) right);
            }
        });
        viewer.setInput(List.of());
    }

    /** Shows exactly {@code rows}. */
    void show(List<FrameworkRow> rows) {
        viewer.setInput(rows);
    }

    /** Redraws the cells that depend on the time (the failover countdowns). */
    void tick() {
        viewer.refresh(true);
    }

    /** The selected row, if any. */
    Optional<FrameworkRow> selected() {
        return Optional.ofNullable((FrameworkRow) viewer.getStructuredSelection().getFirstElement());
    }

    /** Greys the rows out while they may be out of date (the master is not answering). */
    void setStale(boolean stale) {
        Table table = viewer.getTable();
        table.setForeground(stale ? table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND) : null);
    }

    TableViewer viewer() {
        return viewer;
    }

    /** Rows stand for frameworks: one whose tasks changed is still the same row. */
    private static final class SameFramework implements IElementComparer {
        @Override
        public boolean equals(Object a, Object b) {
            return a instanceof FrameworkRow left && b instanceof FrameworkRow right
                    ? left.framework().id().equals(right.framework().id()) : a.equals(b);
        }

        @Override
        public int hashCode(Object element) {
            return element instanceof FrameworkRow row ? row.framework().id().hashCode() : element.hashCode();
        }
    }
}
