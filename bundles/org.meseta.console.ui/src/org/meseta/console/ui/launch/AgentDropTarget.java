package org.meseta.console.ui.launch;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.meseta.console.core.model.AgentView;

/**
 * Lets the administrator drop {@link DragItem}s on the agents a control shows (the Topology view's tiles): over an
 * agent the drop is allowed (a copy for a definition, a move for a task) and the agent is pointed out; elsewhere it
 * is not. The item and the agent under the mouse go to the drop handler. UI thread only.
 */
public final class AgentDropTarget extends DropTargetAdapter {

    private final Control control;
    private final Function<Point, Optional<AgentView>> agentAt;
    private final Consumer<AgentView> hovered;
    private final BiConsumer<DragItem, AgentView> dropped;

    private AgentDropTarget(Control control, Function<Point, Optional<AgentView>> agentAt,
            Consumer<AgentView> hovered, BiConsumer<DragItem, AgentView> dropped) {
        this.control = control;
        this.agentAt = agentAt;
        this.hovered = hovered;
        this.dropped = dropped;
    }

    /**
     * Makes {@code control} a drop target for items on the agents {@code agentAt} finds at a point of the control.
     *
     * @param hovered told each agent a drag passes over, to point it out
     * @param dropped told each item dropped on an agent
     */
    public static DropTarget attach(Control control, Function<Point, Optional<AgentView>> agentAt,
            Consumer<AgentView> hovered, BiConsumer<DragItem, AgentView> dropped) {
        DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_MOVE | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] {LocalSelectionTransfer.getTransfer()});
        target.addDropListener(new AgentDropTarget(control, agentAt, hovered, dropped));
        return target;
    }

    @Override
    public void dragEnter(DropTargetEvent event) {
        dragOver(event);
    }

    @Override
    public void dragOver(DropTargetEvent event) {
        Optional<AgentView> agent = agentUnder(event);
        Optional<DragItem> item = dragged();
        agent.ifPresent(hovered);
        event.feedback = DND.FEEDBACK_SELECT | DND.FEEDBACK_SCROLL;
        event.detail = agent.isEmpty() || item.isEmpty() ? DND.DROP_NONE
                : item.get() instanceof DragItem.Task ? DND.DROP_MOVE : DND.DROP_COPY;
    }

    @Override
    public void dropAccept(DropTargetEvent event) {
        if (agentUnder(event).isEmpty()) {
            event.detail = DND.DROP_NONE;
        }
    }

    @Override
    public void drop(DropTargetEvent event) {
        Optional<AgentView> agent = agentUnder(event);
        Optional<DragItem> item = dragged();
        if (agent.isPresent() && item.isPresent()) {
            dropped.accept(item.get(), agent.get());
        }
    }

    private Optional<AgentView> agentUnder(DropTargetEvent event) {
        // Drop events carry display coordinates.
        return agentAt.apply(control.toControl(event.x, event.y));
    }

    private static Optional<DragItem> dragged() {
        return LocalSelectionTransfer.getTransfer().getSelection() instanceof IStructuredSelection selection
                && selection.getFirstElement() instanceof DragItem item ? Optional.of(item) : Optional.empty();
    }
}
