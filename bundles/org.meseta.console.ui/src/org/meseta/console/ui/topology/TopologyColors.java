package org.meseta.console.ui.topology;

import java.util.EnumMap;
import java.util.Map;

import org.apache.mesos.v1.Protos.TaskState;
import org.eclipse.swt.graphics.Color;
import org.meseta.console.core.model.AgentState;

/** The topology's colours. SWT colours hold no system resources, so these are constants that need no disposal. */
final class TopologyColors {

    static final Color BACKGROUND = new Color(236, 239, 242);
    static final Color TILE = new Color(255, 255, 255);
    static final Color TILE_REMOVED = new Color(244, 244, 244);
    static final Color BORDER = new Color(190, 196, 204);
    static final Color SELECTION = new Color(30, 90, 200);
    static final Color HIGHLIGHT = new Color(255, 176, 0);
    static final Color TEXT = new Color(40, 44, 52);
    static final Color TEXT_DIM = new Color(110, 116, 126);
    static final Color HEADER_TEXT = new Color(255, 255, 255);
    static final Color STALE = new Color(255, 255, 255);

    static final Color USED = new Color(52, 120, 200);
    static final Color OFFERED = new Color(240, 150, 40);
    static final Color FREE = new Color(222, 226, 231);
    static final Color RESERVED = new Color(140, 80, 170);

    private static final Map<AgentState, Color> AGENTS = new EnumMap<>(AgentState.class);
    private static final Map<TaskState, Color> TASKS = new EnumMap<>(TaskState.class);

    static {
        for (AgentState state : AgentState.values()) {
            AGENTS.put(state, color(state));
        }
        for (TaskState state : TaskState.values()) {
            TASKS.put(state, color(state));
        }
    }

    private TopologyColors() {
    }

    /** The colour of an agent's header. */
    static Color of(AgentState state) {
        return AGENTS.get(state);
    }

    /** The colour of a task's square. */
    static Color of(TaskState state) {
        return TASKS.get(state);
    }

    private static Color color(AgentState state) {
        return switch (state) {
            case ACTIVE -> new Color(46, 140, 80);
            case DISCONNECTED -> new Color(130, 136, 146);
            case DRAINING -> new Color(214, 120, 30);
            case DRAINED -> new Color(150, 96, 40);
            case DEACTIVATED -> new Color(160, 150, 60);
            case UNREACHABLE -> new Color(200, 50, 50);
            case GONE -> new Color(70, 70, 76);
        };
    }

    private static Color color(TaskState state) {
        return switch (state) {
            case TASK_RUNNING -> new Color(46, 160, 90);
            case TASK_STAGING, TASK_STARTING -> new Color(120, 180, 230);
            case TASK_KILLING -> new Color(240, 150, 40);
            case TASK_UNREACHABLE, TASK_UNKNOWN -> new Color(200, 50, 50);
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
                    TASK_GONE_BY_OPERATOR -> new Color(150, 150, 150);
        };
    }
}
