package org.meseta.console.ui.actions;

import java.util.Optional;
import java.util.function.Supplier;

import org.apache.mesos.v1.master.Protos.Call;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.calls.AgentEndpoint;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.OperatorCalls;
import org.meseta.console.core.model.AgentView;

/**
 * The agent actions of the Agents and Topology views: a context menu on the agent under the mouse (drain,
 * deactivate, reactivate, mark gone, its isolation settings), the confirmations they need, and their calls, reported
 * on the view's {@link ActionBar}. After a drain, a deactivation or a reactivation, which the master's event stream
 * does not report, the cluster client takes a new snapshot so that the views show the agent's new state. UI thread
 * only.
 */
public final class AgentActions {

    private final ClusterClient cluster;
    private final CallClient calls;
    private final UISynchronize ui;
    private final ActionBar bar;

    public AgentActions(ClusterClient cluster, CallClient calls, UISynchronize ui, ActionBar bar) {
        this.cluster = cluster;
        this.calls = calls;
        this.ui = ui;
        this.bar = bar;
    }

    /**
     * Gives {@code control} a context menu acting on the agent {@code selection} names when the menu opens; the
     * items that do not apply to it (or when none is selected) are disabled. The caller may add items of its own.
     */
    public Menu attach(Control control, Supplier<Optional<AgentView>> selection) {
        Menu menu = new Menu(control);
        for (AgentAction action : AgentAction.values()) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(action.label);
            item.setData(action);
            item.addListener(SWT.Selection, event -> selection.get().ifPresent(agent -> run(action, agent,
                    control.getShell())));
        }
        menu.addListener(SWT.Show, event -> {
            Optional<AgentView> agent = selection.get();
            for (MenuItem item : menu.getItems()) {
                if (item.getData() instanceof AgentAction action) {
                    item.setEnabled(agent.isPresent() && action.appliesTo(agent.get()));
                }
            }
        });
        control.setMenu(menu);
        return menu;
    }

    /** Does {@code action} to {@code agent}, asking first where it must. */
    void run(AgentAction action, AgentView agent, Shell shell) {
        switch (action) {
            case DRAIN -> {
                DrainDialog dialog = new DrainDialog(shell, agent);
                dialog.open();
                dialog.drain().ifPresent(drain -> send("Drain " + agent.hostname(),
                        OperatorCalls.drainAgent(agent.id(), drain.maxGracePeriod(), drain.markGone()), true));
            }
            case DEACTIVATE -> send("Deactivate " + agent.hostname(), OperatorCalls.deactivateAgent(agent.id()), true);
            case REACTIVATE -> send("Reactivate " + agent.hostname(), OperatorCalls.reactivateAgent(agent.id()), true);
            case MARK_GONE -> {
                MarkGoneDialog dialog = new MarkGoneDialog(shell, agent);
                dialog.open();
                if (dialog.confirmed()) {
                    // The event stream reports the removal; a new snapshot would drop the agent from view instead.
                    send("Mark " + agent.hostname() + " gone", OperatorCalls.markAgentGone(agent.id()), false);
                }
            }
            case ISOLATION -> AgentEndpoint.of(agent).ifPresentOrElse(
                    endpoint -> new IsolationDialog(shell, agent.hostname(), endpoint, calls, ui).open(),
                    () -> bar.problem("The master has not described " + agent.hostname() + " yet: its address is"
                            + " unknown"));
        }
    }

    private void send(String what, Call call, boolean resync) {
        bar.track(what, calls.operator(call), result -> {
            if (result.isSuccess() && resync) {
                cluster.resync();
            }
        });
    }
}
