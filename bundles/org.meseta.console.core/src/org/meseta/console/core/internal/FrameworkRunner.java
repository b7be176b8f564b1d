package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.launch.FrameworkMemory;
import org.meseta.console.core.launch.FrameworkSettings;
import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.core.model.TaskView;

/**
 * The console's framework on its own thread: one subscription ({@link SchedulerLink}) with the master the cluster
 * client follows, made when a step needs it and again after it ended, and the {@link FrameworkStep}s it runs.
 *
 * <pre>
 *  add(step) ─(not subscribed)─► SUBSCRIBE ──SUBSCRIBED──► each step begins (REVIVE, or KILL)
 *                                              OFFERS ────► to the step that wants it, else DECLINE (1 h)
 *                                              UPDATE ────► ACKNOWLEDGE; to the step of its task
 *                                              ERROR, end ► every step fails
 *  a step over ─► SUPPRESS the roles no step waits for
 * </pre>
 *
 * <p>The framework subscribes as a multi-role framework with the roles its tasks need (those it had before, as the
 * model shows them, and the launches' roles), suppressed but for those a launch waits for; a launch in a new role
 * adds it with UPDATE_FRAMEWORK first. Everything but {@link #id()} is touched on the framework's thread only.
 */
final class FrameworkRunner implements SchedulerLink.Listener, StepContext {

    /** How long declined offers are not made again (a launch's REVIVE clears that for its role). */
    static final Duration DECLINE_FILTER = Duration.ofHours(1);

    private final ClusterClient cluster;
    private final FrameworkMemory memory;
    private final FrameworkSettings settings;
    private final ActorThread thread;
    private final MasterStreams streams;
    private final HttpCallClient calls;
    private volatile String id;

    private SchedulerLink link;
    private boolean subscribed;
    private final List<FrameworkStep> steps = new ArrayList<>();
    private final Set<String> roles = new TreeSet<>();
    private final Set<String> revived = new HashSet<>();

    FrameworkRunner(ClusterClient cluster, FrameworkMemory memory, FrameworkSettings settings, ActorThread thread,
            MasterStreams streams, HttpCallClient calls) {
        this.cluster = cluster;
        this.memory = memory;
        this.settings = settings;
        this.thread = thread;
        this.streams = streams;
        this.calls = calls;
        this.id = memory.frameworkId().orElse(null);
    }

    /** The framework's id, remembered or given by the master; from any thread. */
    Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /**
     * Runs {@code step}: at once if subscribed, once subscribed otherwise (subscribing if need be, with the master the
     * cluster client follows now: a subscription with another is given up).
     */
    void add(FrameworkStep step) {
        if (step.isOver()) {
            return;
        }
        Optional<MasterAddress> leader = cluster.leader();
        if (link != null && !leader.equals(Optional.of(link.master()))) {
            // The console follows another master now (File › Connect…, or a failover the link has not seen yet).
            dropLink("the console now follows " + leader.map(MasterAddress::toString).orElse("no master"));
        }
        steps.add(step);
        if (link == null) {
            subscribe();
        } else if (subscribed) {
            begin(step);
        } else {
            step.progress("subscribing the console's framework with " + link.master());
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

    /** Drops the subscription, if any; every step fails for {@code reason}. */
    void dropLink(String reason) {
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

}
