package org.meseta.console.ui.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Constructor;

import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/**
 * Drags and drops between the SWT {@link DragSource} and {@link DropTarget} of two controls the way SWT's own drag
 * and drop machinery calls their listeners (start, enter, over, set data, accept, drop, finished), without the
 * platform's drag gesture, which a virtual display cannot make. The listeners are reached through the widgets'
 * registered listeners, so what is tested is the controls' wiring, not a shortcut around it. SWT's DND events are of a
 * class of its own, made here by reflection.
 */
public final class Dnd {

    private static final Constructor<? extends Event> EVENT = eventConstructor();

    private Dnd() {
    }

    /**
     * Drags from {@code from} (where the drag begins, in its coordinates) to {@code to} (where it is dropped, in its
     * coordinates).
     *
     * @return the operation the drop target chose ({@link DND#DROP_COPY}, {@link DND#DROP_MOVE}), or
     *         {@link DND#DROP_NONE} when the source would not start or the target refused the drop
     */
    public static int drag(Control from, Point start, Control to, Point drop) {
        DragSource source = (DragSource) from.getData(DND.DRAG_SOURCE_KEY);
        DropTarget target = (DropTarget) to.getData(DND.DROP_TARGET_KEY);
        assertNotNull(source, () -> from + " is no drag source");
        assertNotNull(target, () -> to + " is no drop target");
        Event started = event(start, DND.DROP_NONE);
        started.doit = true;
        source.notifyListeners(DND.DragStart, started);
        if (!started.doit) {
            return DND.DROP_NONE;
        }
        Point display = to.toDisplay(drop);
        Event over = event(display, DND.DROP_DEFAULT);
        target.notifyListeners(DND.DragEnter, over);
        target.notifyListeners(DND.DragOver, over);
        int operation = over.detail;
        if (operation != DND.DROP_NONE) {
            Event data = event(start, operation);
            source.notifyListeners(DND.DragSetData, data);
            Event dropped = event(display, operation);
            dropped.data = data.data;
            target.notifyListeners(DND.DropAccept, dropped);
            operation = dropped.detail;
            if (operation != DND.DROP_NONE) {
                target.notifyListeners(DND.Drop, dropped);
            }
        } else {
            target.notifyListeners(DND.DragLeave, event(display, DND.DROP_NONE));
        }
        Event finished = event(start, operation);
        finished.doit = operation != DND.DROP_NONE;
        source.notifyListeners(DND.DragEnd, finished);
        return operation;
    }

    private static Event event(Point at, int detail) {
        try {
            Event event = EVENT.newInstance();
            event.x = at.x;
            event.y = at.y;
            event.detail = detail;
            event.time = (int) System.currentTimeMillis();
            return event;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Cannot make SWT's DND event", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Constructor<? extends Event> eventConstructor() {
        try {
            Constructor<? extends Event> constructor = (Constructor<? extends Event>) Class.forName(
                    "org.eclipse.swt.dnd.DNDEvent", true, DND.class.getClassLoader()).getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
