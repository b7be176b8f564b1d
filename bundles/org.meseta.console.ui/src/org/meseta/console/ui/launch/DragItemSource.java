package org.meseta.console.ui.launch;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;

/**
 * Lets the administrator drag {@link DragItem}s out of a control: when a drag begins, the control says what is
 * under the mouse (nothing: no drag), and the item travels in JFace's {@link LocalSelectionTransfer} to an
 * {@link AgentDropTarget}. UI thread only.
 */
public final class DragItemSource extends DragSourceAdapter {

    private final Function<Point, Optional<DragItem>> itemAt;

    private DragItemSource(Function<Point, Optional<DragItem>> itemAt) {
        this.itemAt = itemAt;
    }

    /**
     * Makes {@code control} a drag source of the items {@code itemAt} finds at a point of the control (where the drag
     * began).
     */
    public static DragSource attach(Control control, Function<Point, Optional<DragItem>> itemAt) {
        DragSource source = new DragSource(control, DND.DROP_COPY | DND.DROP_MOVE);
        source.setTransfer(new Transfer[] {LocalSelectionTransfer.getTransfer()});
        source.addDragListener(new DragItemSource(itemAt));
        return source;
    }

    @Override
    public void dragStart(DragSourceEvent event) {
        Optional<DragItem> item = itemAt.apply(new Point(event.x, event.y));
        event.doit = item.isPresent();
        LocalSelectionTransfer.getTransfer().setSelection(item.map(StructuredSelection::new).orElse(null));
    }

    @Override
    public void dragSetData(DragSourceEvent event) {
        event.data = LocalSelectionTransfer.getTransfer().getSelection();
    }

    @Override
    public void dragFinished(DragSourceEvent event) {
        LocalSelectionTransfer.getTransfer().setSelection(null);
    }
}
