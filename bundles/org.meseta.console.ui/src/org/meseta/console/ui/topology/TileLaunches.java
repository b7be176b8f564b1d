package org.meseta.console.ui.topology;

import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.launch.AgentDropTarget;
import org.meseta.console.ui.launch.DragItem;
import org.meseta.console.ui.launch.DragItemSource;
import org.meseta.console.ui.launch.LaunchActions;

/**
 * What the tiles do for the console's framework: a task's square is dragged onto another tile to move the task, a
 * definition of the launch palette or a task is dropped on a tile (pointed out while the drag passes over it), and
 * the context menu of a task's square kills it. The actions themselves are {@link LaunchActions}'. UI thread only.
 */
final class TileLaunches {

    private Optional<TaskView> clicked = Optional.empty();

    /** Wires {@code tiles} and adds the kill item to their context menu {@code menu}. */
    TileLaunches(TopologyCanvas tiles, Menu menu, LaunchActions launches) {
        DragItemSource.attach(tiles.control(), point -> tiles.taskAt(point.x, point.y).map(DragItem.Task::new));
        AgentDropTarget.attach(tiles.control(), point -> tiles.agentAt(point.x, point.y),
                agent -> tiles.select(agent.id()), launches::dropped);
        // The task under a click is the one the menu kills (a right click opens the menu after its mouse down).
        tiles.control().addListener(SWT.MouseDown, event -> clicked = tiles.taskAt(event.x, event.y));
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem kill = new MenuItem(menu, SWT.PUSH);
        kill.addListener(SWT.Selection, event -> clicked.ifPresent(task -> launches.kill(task,
                tiles.control().getShell())));
        menu.addListener(SWT.Show, event -> {
            kill.setText(clicked.map(task -> "&Kill " + task.key().taskId() + "…").orElse("&Kill task…"));
            kill.setEnabled(clicked.isPresent());
        });
    }
}
