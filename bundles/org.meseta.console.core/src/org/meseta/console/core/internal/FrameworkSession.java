package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.CallSettings;
import org.meseta.console.core.calls.Encoding;
import org.meseta.console.core.calls.PendingCall;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.launch.FrameworkMemory;
import org.meseta.console.core.launch.FrameworkSettings;
import org.meseta.console.core.launch.LaunchSpec;
import org.meseta.console.core.launch.LaunchedTask;
import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.core.model.TaskView;

/**
 * The {@link ConsoleFramework}: an actor on its own thread that keeps one subscription ({@link SchedulerLink}) with
 * the master the cluster client follows, made at the first action and again after it ended, and runs the actions'
 * {@link FrameworkStep}s on it.
 *
 * <pre>
 *  action ─► steps ─(not subscribed)─► SUBSCRIBE ──SUBSCRIBED──► each step begins (REVIVE, or KILL)
 *                                                   OFFERS ────► to the step that wants it, else DECLINE (1 h)
 *                                                   UPDATE ────► ACKNOWLEDGE; to the step of its task
 *                                                   ERROR, end ► every step fails
 *  a step over ─► SUPPRESS the roles no step waits for
 * </pre>
 *
 * <p>The framework subscribes as a multi-role framework with the roles its tasks need (those it had before, as the
 * model shows them, and the launches' roles), suppressed but for those a launch waits for; a launch in a new role
 * adds it with UPDATE_FRAMEWORK first. Fields below the constructor's are touched on the framework's thread only.
 */
public final class FrameworkSession implements ConsoleFramework, SchedulerLink.Listener, StepContext {

    /** How long declined offers are not made again (a launch's REVIVE clears that for its role). */
    static final Duration DECLINE_FILTER = Duration.ofHours(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final Duration CALL_ANSWER = Duration.ofSeconds(30);

    private final ClusterClient cluster;
    private final FrameworkMemory memory;
    private final FrameworkSettings settings;
    private final ActorThread thread;
    private final MasterStreams streams;
    private final HttpCallClient calls;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String id;

    private SchedulerLink link;
    private boolean subscribed;
    private final List<FrameworkStep> steps = new ArrayList<>();
    private final Set<String> roles = new TreeSet<>();
    private final Set<String> revived = new HashSet<>();

    public FrameworkSession(ClusterClient cluster, FrameworkMemory memory, FrameworkSettings settings) {
        this.cluster = cluster;
        this.memory = memory;
        this.settings = settings;
        this.thread = new ActorThread(new ExecutorClientThread("meseta-console-framework"));
        this.streams = new MasterStreams(settings.connectTimeout());
        this.calls = new HttpCallClient(cluster::leader, new CallSettings(Encoding.JSON, settings.connectTimeout(),
                CALL_ANSWER));
        this.id = memory.frameworkId().orElse(null);
    }

    @Override
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    @Override
    public boolean owns(TaskView task) {
        return TaskOwnership.owns(id(), task);
    }

    @Override
    public Optional<String> whyNotMovable(TaskView task, ClusterState state) {
        return TaskOwnership.whyNotMovable(id(), memory, task, state);
    }

    @Override
    public Optional<String> whyNotKillable(TaskView task, ClusterState state) {
        return TaskOwnership.whyNotKillable(id(), task, state);
    }

    @Override
    public Optional<String> whyNotLaunchable(AgentView agent) {
        return TaskOwnership.whyNotLaunchable(agent);
    }

    @Override
    public PendingCall<LaunchedTask> launch(LaunchSpec spec, AgentView agent) {
        HttpPendingCall<LaunchedTask> call = new HttpPendingCall<>();
        Optional<String> refusal = whyNotLaunchable(agent);
        if (refusal.isPresent()) {
            call.complete(new CallResult.Failed<>(refusal.get()));
            return call;
        }
        String taskId = newTaskId(spec);
        LaunchStep step = new LaunchStep(this, new StepListener(call::step,
                status -> call.complete(succeeded(new LaunchedTask(taskId, agent.id(), status.getState()))),
                reason -> call.complete(new CallResult.Failed<>(reason))), spec, taskId, agent.id(), agent.hostname());
        start(call, step);
        return call;
    }

    @Override
    public PendingCall<LaunchedTask> move(TaskView task, AgentView agent) {
        HttpPendingCall<LaunchedTask> call = new HttpPendingCall<>();
        Optional<String> refusal = whyNotMovable(task, cluster.cluster()).or(() -> whyNotLaunchable(agent));
        Optional<LaunchSpec> spec = memory.launched(task.key().taskId()).flatMap(definition -> definition.check()
                .spec());
        if (refusal.isPresent() || spec.isEmpty()) {
            call.complete(new CallResult.Failed<>(refusal.orElse("the definition of " + task.key().taskId()
                    + " no longer passes its checks")));
            return call;
        }
        new Move(call, task, agent, spec.get()).start();
        return call;
    }

    @Override
    public PendingCall<TaskState> kill(TaskView task) {
        HttpPendingCall<TaskState> call = new HttpPendingCall<>();
        Optional<String> refusal = whyNotKillable(task, cluster.cluster());
        if (refusal.isPresent()) {
            call.complete(new CallResult.Failed<>(refusal.get()));
            return call;
        }
        start(call, new KillStep(this, new StepListener(call::step,
                status -> call.complete(succeeded(status.getState())),
                reason -> call.complete(new CallResult.Failed<>(reason))), task.key().taskId(), task.agentId(),
                cluster.cluster().hostname(task.agentId())));
        return call;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        thread.run(() -> {
            dropLink("the console is closing");
            stopped.complete(null);
        });
        try {
            stopped.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the thread is stopped below all the same
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdown();
        streams.close();
        calls.close();
    }

    /** A move: the copy is launched, then the original killed; one pending call reports both. */
    private final class Move {
        private final HttpPendingCall<LaunchedTask> call;
        private final TaskView original;
        private final String from;
        private final String to;
        private final LaunchStep copy;
        private final String copyId;
        private KillStep kill;

        Move(HttpPendingCall<LaunchedTask> call, TaskView original, AgentView agent, LaunchSpec spec) {
            this.call = call;
            this.original = original;
            this.from = cluster.cluster().hostname(original.agentId());
            this.to = agent.hostname();
            this.copyId = newTaskId(spec);
            this.copy = new LaunchStep(FrameworkSession.this, new StepListener(
                    text -> call.step("launching " + copyId + " on " + to + ": " + text), this::copyRunning,
                    reason -> call.complete(new CallResult.Failed<>("the copy on " + to + " failed (" + reason
                            + "); " + original.key().taskId() + " keeps running on " + from))),
                    spec, copyId, agent.id(), to);
        }

        void start() {
            call.result().thenAccept(result -> {
                if (result instanceof CallResult.Cancelled) {
                    thread.run(() -> {
                        copy.cancel();
                        if (kill != null) {
                            kill.cancel();
                        }
                    });
                }
            });
            thread.run(() -> add(copy));
        }

        private void copyRunning(TaskStatus status) {
            String originalId = original.key().taskId();
            kill = new KillStep(FrameworkSession.this, new StepListener(
                    text -> call.step(copyId + " runs on " + to + "; killing " + originalId + ": " + text),
                    ended -> call.complete(succeeded(new LaunchedTask(copyId, status.getAgentId().getValue(),
                            status.getState()))),
                    reason -> call.complete(new CallResult.Failed<>(copyId + " runs on " + to + ", but "
                            + originalId + " on " + from + " did not end: " + reason))),
                    originalId, original.agentId(), from);
            add(kill);
        }
    }

    // The framework's thread from here on.

    /** Runs {@code step} for {@code call}, which stops it when cancelled. */
    private void start(HttpPendingCall<?> call, FrameworkStep step) {
        call.result().thenAccept(result -> {
            if (result instanceof CallResult.Cancelled) {
                thread.run(step::cancel);
            }
        });
        thread.run(() -> add(step));
    }

    private void add(FrameworkStep step) {
        if (step.isOver()) {
            return;
        }
        steps.add(step);
        if (link == null) {
            subscribe();
        } else if (subscribed) {
            begin(step);
        }
    }

    /** Begins {@code step}, adding the role it needs to the framework's first. */
    private void begin(FrameworkStep step) {
        step.wantedRole().filter(role -> !roles.contains(role)).ifPresent(this::addRole);
        step.begin();
    }

    private void subscribe() {
        Optional<MasterAddress> leader = cluster.leader();
        if (leader.isEmpty()) {
            failAll("not connected to a master");
            return;
        }
        if (id != null && roles.isEmpty()) {
            FrameworkView known = cluster.cluster().frameworks().get(id);
            if (known != null) {
                roles.addAll(known.roles());
            }
        }
        steps.forEach(step -> step.wantedRole().ifPresent(roles::add));
        if (roles.isEmpty()) {
            roles.add("*");
        }
        steps.forEach(step -> step.progress("subscribing the console's framework with " + leader.get()));
        subscribed = false;
        link = SchedulerLink.open(streams, calls, thread, leader.get(), cluster.credentials(),
                FrameworkCalls.subscribe(info(), suppressed()), this);
    }

    /** The framework as it subscribes (and updates itself): its roles now, its id once it has one. */
    private FrameworkInfo info() {
        FrameworkInfo.Builder info = FrameworkInfo.newBuilder().setName(settings.name()).setUser(settings.user())
                .setHostname(settings.hostname()).setCheckpoint(true)
                .setFailoverTimeout(settings.failoverTimeout().toMillis() / 1000.0).addAllRoles(roles)
                .addCapabilities(capability(FrameworkInfo.Capability.Type.MULTI_ROLE))
                .addCapabilities(capability(FrameworkInfo.Capability.Type.RESERVATION_REFINEMENT));
        if (id != null) {
            info.setId(FrameworkID.newBuilder().setValue(id));
        }
        return info.build();
    }

    private static FrameworkInfo.Capability capability(FrameworkInfo.Capability.Type type) {
        return FrameworkInfo.Capability.newBuilder().setType(type).build();
    }

    /** The roles no launch waits for an offer of. */
    private Set<String> suppressed() {
        Set<String> suppressed = new TreeSet<>(roles);
        steps.forEach(step -> step.wantedRole().ifPresent(suppressed::remove));
        return suppressed;
    }

    private void addRole(String role) {
        roles.add(role);
        link.send(FrameworkCalls.update(info(), suppressed()), reason -> {
            roles.remove(role);
            List.copyOf(steps).stream().filter(step -> step.wantedRole().equals(Optional.of(role)))
                    .forEach(step -> step.fail("the master refused role " + role + " for the console's framework: "
                            + reason));
        });
    }

    @Override
    public void event(SchedulerLink from, Event event) {
        if (from != link) {
            return;
        }
        switch (event.getType()) {
            case SUBSCRIBED -> subscribed(event.getSubscribed().getFrameworkId().getValue());
            case OFFERS -> offers(event.getOffers().getOffersList());
            case UPDATE -> updated(event.getUpdate().getStatus());
            case ERROR -> refused(event.getError().getMessage());
            default -> {
                // Heartbeats only show the master is there; rescinds and failures are followed by updates.
            }
        }
    }

    @Override
    public void ended(SchedulerLink from, String reason) {
        if (from == link) {
            link = null;
            failAll("the console's framework lost " + from.master() + ": " + reason);
        }
    }

    private void subscribed(String frameworkId) {
        subscribed = true;
        if (!frameworkId.equals(id)) {
            id = frameworkId;
            memory.rememberFrameworkId(frameworkId);
        }
        List.copyOf(steps).forEach(this::begin);
    }

    private void offers(List<Offer> offers) {
        List<OfferID> unwanted = new ArrayList<>();
        for (Offer offer : offers) {
            Optional<FrameworkStep> taker = steps.stream().filter(step -> step.wants(offer)).findFirst();
            if (taker.isPresent()) {
                taker.get().offered(offer);
            } else {
                unwanted.add(offer.getId());
            }
        }
        if (!unwanted.isEmpty()) {
            send(FrameworkCalls.decline(frameworkId(), unwanted, DECLINE_FILTER), ignored -> { });
        }
        suppressIdleRoles();
    }

    private void updated(TaskStatus status) {
        if (!status.getUuid().isEmpty()) {
            send(FrameworkCalls.acknowledge(frameworkId(), status), ignored -> { });
        }
        String taskId = status.getTaskId().getValue();
        List.copyOf(steps).stream().filter(step -> step.taskId().equals(taskId))
                .forEach(step -> step.updated(status));
        if (TaskView.isTerminal(status.getState())) {
            memory.forgetLaunch(taskId);
        }
    }

    /**
     * The master refused the subscription or ended it. A framework it removed (torn down, or gone past its failover
     * timeout: {@code Framework has been removed}) is forgotten; the actions waiting for a subscription then get a new
     * framework.
     */
    private void refused(String message) {
        boolean removed = id != null && message.contains("removed");
        if (removed) {
            memory.forgetFrameworkId();
            id = null;
            roles.clear();
        }
        if (removed && !subscribed && !steps.isEmpty()) {
            link.close();
            subscribe();
            return;
        }
        dropLink("the master refused the console's framework: " + message);
    }

    private void dropLink(String reason) {
        if (link != null) {
            link.close();
            link = null;
        }
        failAll(reason);
    }

    private void failAll(String reason) {
        subscribed = false;
        revived.clear();
        List.copyOf(steps).forEach(step -> step.fail(reason));
    }

    /** SUPPRESS the roles revived for launches that no longer wait for an offer. */
    private void suppressIdleRoles() {
        Set<String> idle = new TreeSet<>(revived);
        steps.forEach(step -> step.wantedRole().ifPresent(idle::remove));
        if (!idle.isEmpty() && subscribed) {
            revived.removeAll(idle);
            send(FrameworkCalls.suppress(frameworkId(), idle), ignored -> { });
        }
    }

    // StepContext

    @Override
    public FrameworkID frameworkId() {
        return FrameworkID.newBuilder().setValue(id).build();
    }

    @Override
    public FrameworkSettings settings() {
        return settings;
    }

    @Override
    public void send(Call call, Consumer<String> onFailure) {
        if (call.getType() == Call.Type.REVIVE) {
            revived.addAll(call.getRevive().getRolesList());
        }
        if (link != null) {
            link.send(call, onFailure);
        }
    }

    @Override
    public void decline(OfferID offer) {
        send(FrameworkCalls.decline(frameworkId(), List.of(offer), DECLINE_FILTER), ignored -> { });
    }

    @Override
    public ClientThread.Delayed after(Duration delay, Runnable work) {
        return thread.after(delay, work);
    }

    @Override
    public void launched(String taskId, TaskDefinition definition) {
        memory.rememberLaunch(taskId, definition);
    }

    @Override
    public void finished(FrameworkStep step) {
        steps.remove(step);
        suppressIdleRoles();
    }

    private static String newTaskId(LaunchSpec spec) {
        return spec.name() + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T> CallResult<T> succeeded(T value) {
        return new CallResult.Succeeded<>(200, value);
    }
}
