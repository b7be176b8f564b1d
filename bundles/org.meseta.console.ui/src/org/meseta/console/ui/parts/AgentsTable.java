package org.meseta.console.ui.parts;

import java.util.List;

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
import org.meseta.console.core.model.AgentView;
import org.meseta.console.ui.feed.AgentOrder;

/**
 * A table of agents, one row each, sorted by host name and then by agent id. New agent lists are applied
 * in place: rows are matched by agent id, so the selection survives updates. UI thread only.
 */
final class AgentsTable {

    private final TableViewer viewer;

    AgentsTable(Composite parent) {
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        for (AgentColumn column : AgentColumn.values()) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.NONE);
            viewerColumn.getColumn().setText(column.title);
            viewerColumn.getColumn().setWidth(column.width);
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text((AgentView) element);
                }
            });
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparer(new SameAgent());
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object left, Object right) {
                return AgentOrder.BY_HOST.compare((AgentView) left, (AgentView) right);
            }
        });
        viewer.setInput(List.of());
    }

    /** Shows exactly {@code agents}. */
    void show(List<AgentView> agents) {
        viewer.setInput(agents);
    }

    /** Greys the rows out while they may be out of date (the master is not answering). */
    void setStale(boolean stale) {
        Table table = viewer.getTable();
        table.setForeground(stale ? table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND) : null);
    }

    TableViewer viewer() {
        return viewer;
    }

    /** Rows stand for agents: an agent whose numbers changed is still the same row. */
    private static final class SameAgent implements IElementComparer {
        @Override
        public boolean equals(Object a, Object b) {
            return a instanceof AgentView left && b instanceof AgentView right ? left.id().equals(right.id())
                    : a.equals(b);
        }

        @Override
        public int hashCode(Object element) {
            return element instanceof AgentView row ? row.id().hashCode() : element.hashCode();
        }
    }
}
