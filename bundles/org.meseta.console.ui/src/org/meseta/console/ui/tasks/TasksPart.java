package org.meseta.console.ui.tasks;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskKey;
import org.meseta.console.core.model.TaskView;
import org.meseta.console.core.sandbox.Sandbox;
import org.meseta.console.ui.actions.ActionBar;
import org.meseta.console.ui.feed.ClusterView;
import org.meseta.console.ui.feed.StatusText;
import org.meseta.console.ui.feed.UiClusterFeed;
import org.meseta.console.ui.launch.LaunchActions;
import org.meseta.console.ui.tables.ChoiceFilter;
import org.meseta.console.ui.tables.RowTable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Tasks view: every task the master knows, running and recently ended, live, filtered by framework, agent,
 * state and name; the selected task's status updates, oldest first; and its sandbox on the agent
 * ({@link SandboxPanel}: the files, and stdout or any other file with a live tail). <b>Kill…</b> (button or context
 * menu) kills the selected task after a confirmation, if the console's framework launched it; for another framework's
 * task the line under the view says why not.
 *
 * <p>A POJO part fed by a {@link UiClusterFeed}. Tasks come from the operator event stream; only the sandbox is read
 * from the agent, over its {@code /files} endpoints.
 */
public class TasksPart implements ClusterView {

    static final String ANY_FRAMEWORK = "All frameworks";
    static final String ANY_AGENT = "All agents";
    static final String ANY_STATE = "All states";
    /** The order in which the state filter offers states: those of tasks that have not ended first. */
    static final List<TaskState> STATES = List.of(TaskState.TASK_STAGING, TaskState.TASK_STARTING,
            TaskState.TASK_RUNNING, TaskState.TASK_KILLING, TaskState.TASK_UNREACHABLE, TaskState.TASK_FINISHED,
            TaskState.TASK_FAILED, TaskState.TASK_KILLED, TaskState.TASK_LOST, TaskState.TASK_ERROR,
            TaskState.TASK_DROPPED, TaskState.TASK_GONE, TaskState.TASK_GONE_BY_OPERATOR, TaskState.TASK_UNKNOWN);

    /** Tasks that have not ended first, then by name and id. */
    private static final Comparator<TaskView> ORDER = Comparator.comparing((TaskView task) -> task.isTerminal())
            .thenComparing(TaskView::name).thenComparing(task -> task.key().taskId());

    private final ClusterClient client;
    private final ConsoleFramework consoleFramework;
    private final UISynchronize ui;
    private final DateTimeFormatter time;
    private UiClusterFeed feed;
    private Label statusLine;
    private ChoiceFilter framework;
    private ChoiceFilter agent;
    private Combo state;
    private Text name;
    private Label summary;
    private RowTable<TaskView> tasks;
    private Group historyGroup;
    private RowTable<TaskStatus> history;
    private SandboxPanel sandbox;
    private Button kill;
    private ActionBar actions;
    private LaunchActions launches;
    private ConnectionState connection = new ConnectionState.Disconnected();
    private ClusterState cluster = ClusterState.EMPTY;

    @Inject
    public TasksPart(ClusterClient client, ConsoleFramework framework, UISynchronize ui) {
        this(client, framework, ui, Clock.systemDefaultZone());
    }

    /** A part that shows times in {@code clock}'s zone. */
    TasksPart(ClusterClient client, ConsoleFramework framework, UISynchronize ui, Clock clock) {
        this.client = client;
        this.consoleFramework = framework;
        this.ui = ui;
        this.time = TaskColumns.time(clock.getZone());
    }

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
        statusLine = StatusText.line(parent);
        createFilters(parent);
        SashForm split = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        tasks = new RowTable<>(split, TaskView.class, TaskColumns.tasks(() -> cluster, time), TaskView::key);
        tasks.viewer().addSelectionChangedListener(event -> showSelected());
        createMenu();
        SashForm details = new SashForm(split, SWT.HORIZONTAL);
        historyGroup = new Group(details, SWT.NONE);
        historyGroup.setLayout(new FillLayout());
        historyGroup.setText("Status updates");
        history = new RowTable<>(historyGroup, TaskStatus.class, TaskColumns.statuses(time), status -> status);
        Group sandboxGroup = new Group(details, SWT.NONE);
        sandboxGroup.setLayout(new FillLayout());
        sandboxGroup.setText("Sandbox");
        sandbox = new SandboxPanel(sandboxGroup, ui);
        details.setWeights(45, 55);
        split.setWeights(45, 55);
        actions = new ActionBar(parent, ui);
        launches = new LaunchActions(consoleFramework, actions, () -> cluster);
        connectionChanged(client.state());
        feed = UiClusterFeed.attach(client, ui, this);
    }

    private void createFilters(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(10).margins(4, 0).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText("&Framework:");
        framework = new ChoiceFilter(bar, ANY_FRAMEWORK, 170, this::showTasks);
        new Label(bar, SWT.NONE).setText("&Agent:");
        agent = new ChoiceFilter(bar, ANY_AGENT, 150, this::showTasks);
        new Label(bar, SWT.NONE).setText("&State:");
        state = new Combo(bar, SWT.READ_ONLY);
        state.setItems(ANY_STATE);
        state.select(0);
        state.addListener(SWT.Selection, event -> showTasks());
        GridDataFactory.fillDefaults().hint(110, SWT.DEFAULT).applyTo(state);
        for (TaskState each : STATES) {
            state.add(TaskColumns.label(each));
        }
        new Label(bar, SWT.NONE).setText("&Name:");
        name = new Text(bar, SWT.SEARCH | SWT.ICON_CANCEL);
        name.setMessage("name or id contains");
        GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(name);
        name.addModifyListener(event -> showTasks());
        summary = new Label(bar, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        kill = new Button(bar, SWT.PUSH);
        kill.setText("&Kill…");
        kill.setToolTipText("Kill the selected task (only tasks the console launched)");
        kill.addListener(SWT.Selection, event -> killSelected());
    }

    private void createMenu() {
        Menu menu = new Menu(tasks.viewer().getControl());
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText("&Kill…");
        item.addListener(SWT.Selection, event -> killSelected());
        menu.addListener(SWT.Show, event -> item.setEnabled(tasks.selected().filter(task -> !task.isTerminal())
                .isPresent()));
        tasks.viewer().getControl().setMenu(menu);
    }

    /** Kills the selected task after a confirmation, or says why the console cannot. */
    private void killSelected() {
        tasks.selected().ifPresent(task -> launches.kill(task, tasks.viewer().getControl().getShell()));
    }

    @Focus
    public void setFocus() {
        tasks.viewer().getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        feed.close();
    }

    @Override
    public void connectionChanged(ConnectionState newState) {
        if (statusLine.isDisposed()) {
            return;
        }
        connection = newState;
        statusLine.setText(StatusText.of(connection, cluster));
        tasks.setStale(!connection.isConnected());
        history.setStale(!connection.isConnected());
    }

    @Override
    public void clusterChanged(ClusterChange change) {
        if (statusLine.isDisposed()) {
            return;
        }
        cluster = change.state();
        statusLine.setText(StatusText.of(connection, cluster));
        if (change.reset() || !change.frameworks().isEmpty() || !change.agents().isEmpty()) {
            updateFilters();
        }
        if (change.reset() || !change.tasks().isEmpty() || !change.frameworks().isEmpty()) {
            showTasks();
        }
    }

    /** Every task the model holds: those on agents, then those that ended (the latest view of each). */
    private List<TaskView> allTasks() {
        Map<TaskKey, TaskView> all = new LinkedHashMap<>();
        for (AgentView each : cluster.agents().values()) {
            each.tasks().forEach(task -> all.put(task.key(), task));
        }
        cluster.completedTasks().forEach(task -> all.putIfAbsent(task.key(), task));
        return new ArrayList<>(all.values());
    }

    private void updateFilters() {
        framework.refill(ChoiceFilter.frameworks(cluster));
        agent.refill(ChoiceFilter.agents(cluster));
    }

    private TaskFilter filter() {
        return new TaskFilter(framework.chosen(), agent.chosen(),
                state.getSelectionIndex() > 0 ? Optional.of(STATES.get(state.getSelectionIndex() - 1))
                        : Optional.empty(), name.getText());
    }

    private void showTasks() {
        TaskFilter filter = filter();
        List<TaskView> all = allTasks();
        List<TaskView> shown = all.stream().filter(filter::matches).sorted(ORDER).toList();
        tasks.show(shown);
        summary.setText(shown.size() == all.size() ? shown.size() + (shown.size() == 1 ? " task" : " tasks")
                : shown.size() + " of " + all.size() + " tasks");
        summary.getParent().layout();
        showSelected();
    }

    /** The status updates and the sandbox of the selected task. */
    private void showSelected() {
        Optional<TaskView> selected = tasks.selected();
        kill.setEnabled(selected.filter(task -> !task.isTerminal()).isPresent());
        history.show(selected.map(task -> task.task().getStatusesList()).orElse(List.of()));
        historyGroup.setText(selected.map(task -> "Status updates of " + task.key().taskId())
                .orElse("Status updates"));
        Optional<AgentView> host = selected.map(task -> cluster.agents().get(task.agentId()));
        Optional<Sandbox> location = selected.flatMap(task -> host.flatMap(found -> Sandbox.of(task, found)));
        sandbox.show(location, client.credentials(), selected.isEmpty() ? "Select a task to browse its sandbox."
                : "The master does not say where agent " + selected.get().agentId() + " listens.");
    }

    // Test access (the UI tests are a fragment in this package).

    String status() {
        return statusLine.getText();
    }

    String summary() {
        return summary.getText();
    }

    RowTable<TaskView> tasks() {
        return tasks;
    }

    RowTable<TaskStatus> history() {
        return history;
    }

    SandboxPanel sandbox() {
        return sandbox;
    }

    Button killButton() {
        return kill;
    }

    ActionBar actions() {
        return actions;
    }

    ChoiceFilter frameworkFilter() {
        return framework;
    }

    ChoiceFilter agentFilter() {
        return agent;
    }

    Combo stateFilter() {
        return state;
    }

    Text nameFilter() {
        return name;
    }
}
