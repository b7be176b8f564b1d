package org.meseta.console.ui.launch;

import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.meseta.console.core.launch.CheckedDefinition;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.launch.LaunchedTask;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.ui.actions.ActionBar;

/**
 * What the console's framework does for a view, reported on the view's {@link ActionBar}: a definition dropped on an
 * agent is launched there, a task dropped on another agent is moved there, and a task is killed once the
 * administrator confirmed it. What cannot be done (a task of another framework, an agent that takes no tasks, a
 * definition with problems) is said on the bar, and nothing is sent. UI thread only.
 */
public final class LaunchActions {

    private final ConsoleFramework framework;
    private final ActionBar bar;
    private final Supplier<ClusterState> cluster;

    /** @param cluster the model as the view shows it now */
    public LaunchActions(ConsoleFramework framework, ActionBar bar, Supplier<ClusterState> cluster) {
        this.framework = framework;
        this.bar = bar;
        this.cluster = cluster;
    }

    /** {@code item} was dropped on {@code agent}'s tile. */
    public void dropped(DragItem item, AgentView agent) {
        switch (item) {
            case DragItem.Definition definition -> launch(definition, agent);
            case DragItem.Task task -> move(task.task(), agent);
        }
    }

    private void launch(DragItem.Definition dropped, AgentView agent) {
        String name = dropped.definition().name().strip();
        CheckedDefinition checked = dropped.definition().check();
        Optional<String> refusal = checked.firstProblem().map(problem -> name + " cannot be launched: " + problem)
                .or(() -> framework.whyNotLaunchable(agent));
        if (refusal.isPresent()) {
            bar.problem(refusal.get());
            return;
        }
        bar.track("Launch " + name + " on " + agent.hostname(), framework.launch(checked.spec().get(), agent),
                task -> task.state() + " as " + task.taskId(), result -> { });
    }

    private void move(TaskView task, AgentView agent) {
        String from = cluster.get().hostname(task.agentId());
        if (task.agentId().equals(agent.id())) {
            bar.info(task.key().taskId() + " already runs on " + agent.hostname());
            return;
        }
        Optional<String> refusal = framework.whyNotMovable(task, cluster.get())
                .or(() -> framework.whyNotLaunchable(agent));
        if (refusal.isPresent()) {
            bar.problem(refusal.get());
            return;
        }
        bar.track("Move " + task.key().taskId() + " from " + from + " to " + agent.hostname(),
                framework.move(task, agent), copy -> moved(task, copy, agent), result -> { });
    }

    private static String moved(TaskView original, LaunchedTask copy, AgentView agent) {
        return copy.taskId() + " " + copy.state() + " on " + agent.hostname() + ", " + original.key().taskId()
                + " killed";
    }

    /** Kills {@code task} once the administrator confirmed it in a dialog over {@code shell}. */
    public void kill(TaskView task, Shell shell) {
        Optional<String> refusal = framework.whyNotKillable(task, cluster.get());
        if (refusal.isPresent()) {
            bar.problem(refusal.get());
            return;
        }
        String hostname = cluster.get().hostname(task.agentId());
        if (new KillDialog(shell, task, hostname).open() == Window.OK) {
            bar.track("Kill " + task.key().taskId() + " on " + hostname, framework.kill(task), state -> state.name(),
                    result -> { });
        }
    }
}
