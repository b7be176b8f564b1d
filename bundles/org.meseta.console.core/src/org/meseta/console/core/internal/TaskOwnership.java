package org.meseta.console.core.internal;

import java.util.Optional;

import org.meseta.console.core.launch.FrameworkMemory;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskView;

/**
 * What the console's framework may do to a task or an agent, and why not, in sentences for the administrator. A pure
 * function of the framework's id, its memory and the model. Stateless.
 */
final class TaskOwnership {

    private TaskOwnership() {
    }

    /** Whether the framework of id {@code frameworkId} (none yet: it owns nothing) launched {@code task}. */
    static boolean owns(Optional<String> frameworkId, TaskView task) {
        return frameworkId.filter(task.key().frameworkId()::equals).isPresent();
    }

    static Optional<String> whyNotMovable(Optional<String> frameworkId, FrameworkMemory memory, TaskView task,
            ClusterState cluster) {
        if (!owns(frameworkId, task)) {
            return Optional.of(name(task) + " belongs to framework " + framework(task, cluster)
                    + "; the console can only move the tasks it launched");
        }
        if (task.isTerminal()) {
            return Optional.of(name(task) + " has ended (" + task.state() + "): there is nothing to move");
        }
        if (memory.launched(task.key().taskId()).isEmpty()) {
            return Optional.of("The console does not know the definition " + name(task) + " was launched from (it"
                    + " was not kept): launch a new task from the palette instead");
        }
        return Optional.empty();
    }

    static Optional<String> whyNotKillable(Optional<String> frameworkId, TaskView task, ClusterState cluster) {
        if (!owns(frameworkId, task)) {
            String framework = framework(task, cluster);
            return Optional.of(name(task) + " belongs to framework " + framework + ": the operator API cannot kill a"
                    + " single task; tear " + framework + " down in the Frameworks view to kill all its tasks");
        }
        if (task.isTerminal()) {
            return Optional.of(name(task) + " has already ended (" + task.state() + ")");
        }
        return Optional.empty();
    }

    static Optional<String> whyNotLaunchable(AgentView agent) {
        return agent.state() == AgentState.ACTIVE ? Optional.empty()
                : Optional.of(agent.hostname() + " is " + agent.state().label() + ": it takes no new tasks");
    }

    /** The task's name, or its id when it has none. */
    static String name(TaskView task) {
        return task.name().isBlank() ? task.key().taskId() : task.name();
    }

    private static String framework(TaskView task, ClusterState cluster) {
        return cluster.frameworkName(task.key().frameworkId());
    }
}
