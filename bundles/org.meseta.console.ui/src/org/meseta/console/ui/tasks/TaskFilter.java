package org.meseta.console.ui.tasks;

import java.util.Locale;
import java.util.Optional;

import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.console.core.model.TaskView;

/**
 * Which tasks the Tasks view lists: of one framework, on one agent, in one state, whose name or id contains a text;
 * each criterion left out matches every task. Immutable.
 *
 * @param frameworkId the framework chosen, if any
 * @param agentId the agent chosen, if any
 * @param state the state chosen, if any
 * @param text what the name or id must contain, ignoring case; empty for any
 */
record TaskFilter(Optional<String> frameworkId, Optional<String> agentId, Optional<TaskState> state, String text) {

    static final TaskFilter ALL = new TaskFilter(Optional.empty(), Optional.empty(), Optional.empty(), "");

    boolean matches(TaskView task) {
        return frameworkId.map(task.key().frameworkId()::equals).orElse(true)
                && agentId.map(task.agentId()::equals).orElse(true)
                && state.map(task.state()::equals).orElse(true)
                && (text.isBlank() || contains(task.name()) || contains(task.key().taskId()));
    }

    private boolean contains(String value) {
        return value.toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT));
    }
}
