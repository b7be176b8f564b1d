package org.meseta.agent.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.apache.mesos.v1.executor.Protos.Call;
import org.meseta.agent.internal.checkpoint.RecoveredRun;
import org.meseta.agent.internal.containerizer.Containerizer;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.executor.UserSwitch;
import org.meseta.agent.internal.fetcher.Fetcher;
import org.meseta.agent.internal.tasks.ExecutorCalls;
import org.meseta.agent.internal.tasks.ContainerSnapshot;
import org.meseta.agent.internal.tasks.ExecutorConnection;
import org.meseta.agent.internal.tasks.ExecutorContext;
import org.meseta.agent.internal.tasks.ExecutorSettings;
import org.meseta.agent.internal.tasks.RunJournal;
import org.meseta.agent.internal.tasks.RunRecovery;
import org.meseta.agent.internal.tasks.WorkDispatcher;
import org.meseta.agent.internal.tasks.Workload;
import org.meseta.agent.internal.tasks.WorkloadSnapshot;
import org.meseta.agent.internal.updates.StatusUpdateManager;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;
import org.meseta.daemon.Build;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.TaskCounters;
import org.meseta.daemon.files.AttachedPaths;
import org.meseta.daemon.files.FileAttachments;
import org.meseta.http.HttpClient;

/**
 * One agent: what it offers, its registration with the master, and what it runs for frameworks. State is confined
 * to the agent's actor thread; public methods return futures or immutable snapshots. {@link #start()} may be called
 * once: it takes back the executor runs recovered from the checkpoint before it registers. {@link #close()} kills
 * what runs for frameworks that do not checkpoint and leaves the rest for the agent's next start, as Mesos's agent
 * does when it terminates.
 *
 * <p>Every id a master gives is checkpointed ({@link AgentCheckpoint}) before the agent reports itself
 * registered, so that a restart re-registers under it.
 */
public final class Agent implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Agent.class.getName());

    private final AgentConfig config;
    private final Actor actor;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final MasterLink link;
    private final AgentCheckpoint checkpoint;
    private final Lifecycle lifecycle = new Lifecycle("The agent");
    private final Instant startTime;
    /** What it offers: its {@code --resources} at first, then as dynamic reservations change it (checkpointed). */
    private Resources total;
    private final Workload workload = new Workload();
    private final AttachedPaths files = new AttachedPaths();
    private final Fetcher fetcher;
    private final StatusUpdateManager updates;
    private final ExecutorContext context;
    private final WorkDispatcher dispatcher;
    private final ExecutorCalls executorCalls = new ExecutorCalls(workload);
    private final TaskCounters taskCounters = new TaskCounters();
    private final Clock clock;
    private final Containerizer containerizer;
    private final List<RecoveredRun> recovered;

    private AgentInfo info;
    private AgentInfo checkpointed;
    private MasterInfo master;
    private boolean connected;

    /** @param info what to subscribe with; carries the id recovered from {@code checkpoint}, if any */
    /** @param recovered the executor runs to take back, checkpointed by the agent's previous run */
    Agent(AgentConfig config, AgentInfo info, Resources total, AgentCheckpoint checkpoint, HttpClient client,
            Clock clock, AgentTimings timings, Containerizer containerizer, List<RecoveredRun> recovered) {
        this.config = config;
        this.info = info;
        this.checkpointed = info.hasId() ? info : null;
        this.total = total;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.startTime = clock.instant();
        this.actor = new Actor("agent-" + config.endpoint().port());
        this.link = new MasterLink(config, actor, client, this::subscription, this::registered, this::disconnected,
                this::work);
        this.fetcher = new Fetcher(config.frameworksHome());
        this.updates = new StatusUpdateManager(actor, timings.statusUpdateRetry(), link::send,
                (frameworkId, status) -> dispatcher().acknowledged(frameworkId, status), new RunJournal(workload));
        this.recovered = recovered;
        ExecutorSettings settings = new ExecutorSettings(config.workDir(), pid(), config.endpoint().address(),
                config.executorRegistrationTimeout(), config.executorShutdownGracePeriod(), config.recoveryTimeout(),
                config.executorReregistrationTimeout(), timings.executorHeartbeatInterval());
        this.containerizer = containerizer;
        this.context = new ExecutorContext(actor, blocking, settings, () -> this.info, updates, link::send,
                containerizer.launcher(), fetcher, UserSwitch.detect(config.switchUser()), files, taskCounters,
                containerizer);
        this.dispatcher = new WorkDispatcher(context, workload);
    }

    private WorkDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * Takes back the recovered executor runs, then starts registering with the master.
     *
     * @throws IllegalStateException if already started or closed
     * @throws DaemonException if a recovered run cannot be taken back
     */
    void start() throws DaemonException {
        lifecycle.start();
        try {
            actor.call(() -> {
                try {
                    new RunRecovery(context, workload).recover(recovered);
                } catch (LaunchException e) {
                    throw new CompletionException(e);
                }
                return null;
            }).join();
        } catch (CompletionException e) {
            throw new DaemonException("Cannot recover the agent's executors: " + e.getCause().getMessage(),
                    e.getCause());
        }
        link.start();
    }

    /** The libprocess-style pid clients build agent URLs from: {@code slave(1)@ip:port}. */
    public String pid() {
        return config.endpoint().pid("slave(1)");
    }

    public AgentConfig config() {
        return config;
    }

    /** A consistent snapshot for the HTTP endpoints. */
    public CompletableFuture<View> view() {
        return actor.call(this::snapshot);
    }

    /** The metrics of {@code /metrics/snapshot} and {@code GET_METRICS}, name → value, taken on the actor thread. */
    public CompletableFuture<SortedMap<String, Double>> metrics() {
        return actor.call(() -> AgentMetrics.of(snapshot(), clock.instant(), taskCounters));
    }

    private View snapshot() {
        return new View(info, total, Optional.ofNullable(master), connected, startTime,
                workload.snapshot(info.getId()));
    }

    /**
     * What each running container used so far, as the isolators measure it, with Mesos's {@code timestamp},
     * {@code cpus_limit} and {@code mem_limit_bytes}; listed on the actor thread, measured off it.
     */
    public CompletableFuture<List<ContainerUsage>> containers() {
        return actor.call(workload::containers).thenApplyAsync(
                containers -> containers.stream().map(this::usage).toList(), blocking);
    }

    private ContainerUsage usage(ContainerSnapshot container) {
        ResourceStatistics.Builder statistics = containerizer.usage(container.id()).toBuilder()
                .setTimestamp(clock.millis() / 1000.0);
        container.limits().cpus().ifPresent(statistics::setCpusLimit);
        container.limits().memBytes().ifPresent(statistics::setMemLimitBytes);
        return new ContainerUsage(container, statistics.build());
    }

    /** Applies a well-formed v1 executor API call (see {@link ExecutorCalls}). */
    public CompletableFuture<ExecutorCalls.Outcome> executorCall(Call call) {
        return actor.call(() -> executorCalls.handle(call));
    }

    /** Hands an executor its newly opened event stream. */
    public void subscribeExecutor(FrameworkID frameworkId, ExecutorID executorId, ExecutorConnection connection) {
        actor.run(() -> executorCalls.subscribe(frameworkId, executorId, connection));
    }

    /**
     * What {@code /files} serves: the sandboxes executor runs attach and whatever {@link #attachFile} added, looked
     * up on the actor thread, read on the agent's blocking executor.
     */
    public FileAttachments files() {
        return FileAttachments.confinedTo(actor, files, blocking);
    }

    /** Lets {@code /files} serve {@code path} (a file or a directory) under {@code virtualPath}, e.g. the log. */
    public CompletableFuture<Void> attachFile(String virtualPath, Path path) {
        return actor.call(() -> {
            files.attach(virtualPath, path);
            return null;
        });
    }

    private AgentSubscribe subscription() {
        return new AgentSubscribe(info, pid(), Build.MESOS_API, workload.frameworkInfos(), workload.executorInfos(),
                info.hasId() ? workload.tasks(info.getId(), updates) : List.of(),
                total.equals(Resources.ofValidated(info.getResourcesList())) ? List.of() : total.toList());
    }

    private void registered(AgentEvent.Registered registered) {
        info = info.toBuilder().setId(registered.agentId()).build();
        master = registered.masterInfo();
        connected = true;
        if (!info.equals(checkpointed)) {
            try {
                checkpoint.save(info);
                checkpointed = info;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "Cannot checkpoint agent {0} under {1}: {2}; after a restart it"
                        + " will register as a new agent", info.getId().getValue(), config.workDir(), e.getMessage());
            }
        }
        updates.resume();
    }

    private void disconnected() {
        connected = false;
        updates.pause();
    }

    private void work(AgentEvent event) {
        if (event instanceof AgentEvent.UpdateTotal update) {
            total = Resources.ofValidated(update.total());
            LOG.log(System.Logger.Level.INFO, "The master changed this agent''s total resources to {0}", total);
            try {
                checkpoint.saveTotal(update.total());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "Cannot checkpoint the agent''s total resources under {0}: {1};"
                        + " after a restart it will offer its --resources", config.workDir(), e.getMessage());
            }
        } else {
            dispatcher.handle(event);
        }
    }

    @Override
    public void close() {
        if (lifecycle.close()) {
            actor.call(workload::killUnrecoverable).thenAccept(killed -> killed.forEach(containerizer::cleanup))
                    .exceptionally(failure -> null).join();
            link.close();
            actor.close();
            blocking.shutdownNow();
            fetcher.close();
        }
    }

    /** A running container and what it used so far. */
    public record ContainerUsage(ContainerSnapshot container, ResourceStatistics statistics) {}

    /**
     * What the agent's endpoints show. {@code info.id} is set once a master has admitted the agent, or from the
     * start when it was recovered from the checkpoint.
     */
    public record View(AgentInfo info, Resources total, Optional<MasterInfo> master, boolean connected,
            Instant startTime, WorkloadSnapshot workload) {}
}
