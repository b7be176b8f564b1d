package org.meseta.master.internal.core;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.resources.Roles;
import org.meseta.master.internal.frameworks.Framework;

/**
 * Every scheduler call but SUBSCRIBE, once the HTTP layer has decoded and validated it: the caller must be a
 * subscribed framework presenting its current {@code Mesos-Stream-Id}; then the call is carried out. Runs on the
 * master's actor thread.
 */
final class SchedulerCalls {

    private static final System.Logger LOG = System.getLogger(SchedulerCalls.class.getName());

    private final Cluster cluster;
    private final FrameworkLifecycle frameworks;
    private final OfferLifecycle offers;
    private final Accepts accepts;
    private final TaskLifecycle tasks;
    private final FrameworkCalls calls;

    SchedulerCalls(Cluster cluster, FrameworkLifecycle frameworks, OfferLifecycle offers, Accepts accepts,
            TaskLifecycle tasks, FrameworkCalls calls) {
        this.cluster = cluster;
        this.frameworks = frameworks;
        this.offers = offers;
        this.accepts = accepts;
        this.tasks = tasks;
        this.calls = calls;
    }

    SchedulerReply handle(Call call, Optional<String> streamId) {
        Optional<Framework> found = cluster.frameworks.find(call.getFrameworkId());
        if (found.isEmpty()) {
            return SchedulerReply.refused(400, "Framework cannot be found");
        }
        Framework framework = found.get();
        if (framework.connection().isEmpty()) {
            return SchedulerReply.refused(403, "Framework is not subscribed");
        }
        if (streamId.isEmpty()) {
            return SchedulerReply.refused(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
        }
        if (!streamId.get().equals(framework.connection().get().streamId())) {
            return SchedulerReply.refused(400, "The stream ID '" + streamId.get() + "' included in this request"
                    + " didn't match the stream ID currently associated with framework ID "
                    + framework.id().getValue());
        }
        return dispatch(framework, call);
    }

    private SchedulerReply dispatch(Framework framework, Call call) {
        switch (call.getType()) {
            case TEARDOWN -> frameworks.remove(framework);
            case ACCEPT -> accepts.accept(framework, call.getAccept());
            case DECLINE -> offers.decline(framework, call.getDecline().getOfferIdsList(),
                    call.getDecline().getFilters());
            case REVIVE -> roles(framework, "revive", call.getRevive().getRolesList())
                    .ifPresent(roles -> cluster.allocator.reviveOffers(framework.id(), roles));
            case SUPPRESS -> roles(framework, "suppression", call.getSuppress().getRolesList())
                    .ifPresent(roles -> cluster.allocator.suppressOffers(framework.id(), roles));
            case KILL -> calls.kill(framework, call.getKill());
            case SHUTDOWN -> calls.shutdown(framework, call.getShutdown());
            case ACKNOWLEDGE -> tasks.acknowledge(framework, call.getAcknowledge());
            case RECONCILE -> Reconciliation.reconcile(framework, call.getReconcile().getTasksList(), cluster.agents,
                    cluster.now()).forEach(status -> framework.send(Events.update(status)));
            case MESSAGE -> calls.message(framework, call.getMessage());
            case UPDATE_FRAMEWORK -> {
                return frameworks.update(framework, call.getUpdateFramework())
                        .map(reason -> SchedulerReply.refused(400, reason))
                        .orElse(SchedulerReply.ok());
            }
            // No inverse offers and no offer operations with feedback exist yet, so there is nothing to act on.
            case REQUEST, ACCEPT_INVERSE_OFFERS, DECLINE_INVERSE_OFFERS, ACKNOWLEDGE_OPERATION_STATUS,
                    RECONCILE_OPERATIONS -> { }
            case SUBSCRIBE, UNKNOWN -> {
                return SchedulerReply.refused(501, "Received an unexpected '" + call.getType() + "' call");
            }
        }
        return SchedulerReply.accepted();
    }

    /**
     * The roles a REVIVE or SUPPRESS names (all of the framework's when none). As Mesos, a call naming an invalid
     * role or one the framework is not subscribed to is dropped as a whole, with a log line.
     */
    private static Optional<Set<String>> roles(Framework framework, String what, java.util.List<String> named) {
        Set<String> roles = new HashSet<>();
        for (String role : named) {
            Optional<String> problem = Roles.problem(role);
            if (problem.isPresent()) {
                LOG.log(System.Logger.Level.WARNING, "Dropped a call of framework {0}: {1} role ''{2}'' is invalid:"
                        + " {3}", framework.id().getValue(), what, role, problem.get());
                return Optional.empty();
            }
            if (!framework.roles().contains(role)) {
                LOG.log(System.Logger.Level.WARNING, "Dropped a call of framework {0}: {1} role ''{2}'' is not one"
                        + " of the framework''s subscribed roles", framework.id().getValue(), what, role);
                return Optional.empty();
            }
            roles.add(role);
        }
        return Optional.of(Set.copyOf(roles));
    }
}
