package org.meseta.console.ui.launch;

import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.core.model.TaskView;

/**
 * What the administrator drags onto an agent's tile: a definition of the launch palette (to launch it there) or a
 * task (to move it there). Carried inside the console by JFace's {@code LocalSelectionTransfer}.
 */
public sealed interface DragItem {

    /** A definition of the palette, as saved. */
    record Definition(TaskDefinition definition) implements DragItem {
    }

    /** A task, as the model showed it when the drag began. */
    record Task(TaskView task) implements DragItem {
    }
}
