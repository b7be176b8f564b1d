package org.meseta.agent.internal.tasks;

import java.util.List;

/** An executor run that takes task groups: the agent's default executor, or a framework's own executor. */
interface RunsTaskGroups {

    /**
     * Gives the executor a task group, delivered at once if it can take it now, else when it can. Called on the
     * agent's actor thread, only while the run {@linkplain ExecutorRun#acceptsTasks() accepts tasks}.
     *
     * @param group the group's tasks, in its order, each knowing the ids of the group's tasks
     */
    void runGroup(List<TaskEntry> group);
}
