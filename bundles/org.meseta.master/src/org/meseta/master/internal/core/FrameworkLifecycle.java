package org.meseta.master.internal.core;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.flags.StoutDuration;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.ResponseStream;
import org.meseta.master.internal.frameworks.Connection;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.validation.FrameworkValidation;

/**
 * Frameworks subscribing, failing over, disconnecting, updating themselves and being removed, as Mesos does it:
 * <pre>
 *   SUBSCRIBE ──► connected ──stream ends──► disconnected ──failover_timeout──► removed
 *                     ▲                          │                               ▲
 *                     └──── SUBSCRIBE again ─────┘          TEARDOWN ─────────────┘
 * </pre>
 * A refused subscription gets one ERROR event and its stream is closed. A resubscription ends the previous stream
 * with ERROR "Framework failed over" and drops the offers made on it. Runs on the master's actor thread.
 */
public final class FrameworkLifecycle {

    private static final System.Logger LOG = System.getLogger(FrameworkLifecycle.class.getName());

    /** Mesos's fixed scheduler heartbeat interval. */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    /** Failover timeouts longer than this (a century) are treated as this, so timers stay representable. */
    private static final double MAX_FAILOVER_SECONDS = 100 * 365.25 * 24 * 3600;

    private final Cluster cluster;
    private final OfferLifecycle offers;
    private final TaskLifecycle tasks;

    FrameworkLifecycle(Cluster cluster, OfferLifecycle offers, TaskLifecycle tasks) {
        this.cluster = cluster;
        this.offers = offers;
        this.tasks = tasks;
    }

    /**
     * SUBSCRIBE over {@code stream}, whose events are encoded as {@code mediaType}. The first events are
     * SUBSCRIBED and HEARTBEAT, or one ERROR when the subscription is refused.
     */
    void subscribe(Call.Subscribe subscribe, ResponseStream stream, String streamId, String mediaType) {
        FrameworkInfo info = subscribe.getFrameworkInfo();
        Set<String> suppressed = Set.copyOf(subscribe.getSuppressedRolesList());
        Optional<String> problem = valid(info)
                .or(() -> FrameworkValidation.suppressedRolesProblem(suppressed, Framework.roles(info)));
        boolean hasId = info.hasId() && !info.getId().getValue().isEmpty();
        if (problem.isEmpty() && hasId && cluster.frameworks.isRemoved(info.getId())) {
            problem = Optional.of("Framework has been removed");
        }
        Optional<Framework> known = hasId ? cluster.frameworks.find(info.getId()) : Optional.empty();
        if (problem.isEmpty() && known.isPresent()) {
            problem = FrameworkValidation.updateProblem(known.get().info(), preserveImmutable(known.get(), info));
        }
        if (problem.isPresent()) {
            refuse(stream, mediaType, problem.get());
            return;
        }
        Connection connection = new Connection(stream, streamId, mediaType);
        Framework framework = known.isPresent() ? failover(known.get(), info, suppressed, connection)
                : add(hasId ? info : info.toBuilder().setId(cluster.frameworks.newId()).build(), suppressed,
                        connection);
        stream.closeFuture().whenComplete((ignored, failure) -> cluster.actor.run(
                () -> disconnected(framework, connection)));
        framework.send(Events.subscribed(framework.id(), HEARTBEAT_INTERVAL, cluster.info));
        framework.send(Events.heartbeat());
        scheduleHeartbeat(framework, connection);
    }

    private Framework add(FrameworkInfo info, Set<String> suppressed, Connection connection) {
        Framework framework = cluster.frameworks.add(info, suppressed, cluster.now());
        framework.connect(connection, cluster.now(), false);
        cluster.allocator.addFramework(framework.id(), framework.info(), Map.of(), true, suppressed);
        cluster.operatorEvents.frameworkAdded(framework);
        LOG.log(System.Logger.Level.INFO, "Added framework {0} ({1}) with roles {2}", framework.id().getValue(),
                info.getName(), framework.roles());
        return framework;
    }

    /** A known framework subscribes again (failover, or first time after the master learnt it from agents). */
    private Framework failover(Framework framework, FrameworkInfo info, Set<String> suppressed,
            Connection connection) {
        framework.update(preserveImmutable(framework, info), suppressed);
        framework.connect(connection, cluster.now(), true).ifPresent(previous -> {
            previous.send(Events.error("Framework failed over"));
            previous.close();
        });
        offers.rescindAll(framework, false);
        cluster.allocator.updateFramework(framework.id(), framework.info(), suppressed);
        cluster.allocator.activateFramework(framework.id());
        cluster.operatorEvents.frameworkUpdated(framework);
        LOG.log(System.Logger.Level.INFO, "Framework {0} ({1}) subscribed again", framework.id().getValue(),
                info.getName());
        return framework;
    }

    /** Why the info cannot be used at all: invalid, or with a role outside the master's {@code --roles}. */
    private Optional<String> valid(FrameworkInfo info) {
        return FrameworkValidation.problem(info).or(() -> FrameworkValidation.whitelistProblem(Framework.roles(info),
                cluster.config::isWhitelisted));
    }

    /** As Mesos, a resubscription cannot change the user or checkpointing: the old values are kept silently. */
    private static FrameworkInfo preserveImmutable(Framework framework, FrameworkInfo info) {
        return info.toBuilder().setUser(framework.info().getUser())
                .setCheckpoint(framework.info().getCheckpoint()).build();
    }

    private static void refuse(ResponseStream stream, String mediaType, String message) {
        LOG.log(System.Logger.Level.INFO, "Refused a framework subscription: {0}", message);
        stream.write(V1Protocol.record(mediaType, Events.error(message)));
        stream.close();
    }

    private void scheduleHeartbeat(Framework framework, Connection connection) {
        connection.heartbeat(cluster.actor.schedule(HEARTBEAT_INTERVAL, () -> {
            if (framework.connection().orElse(null) == connection) {
                connection.send(Events.heartbeat());
                scheduleHeartbeat(framework, connection);
            }
        }));
    }

    /** The framework's stream ended: it is deactivated, and removed unless it subscribes within its failover timeout. */
    private void disconnected(Framework framework, Connection connection) {
        if (framework.connection().orElse(null) != connection) {
            return; // a newer subscription replaced it, or the framework was removed
        }
        connection.close();
        double seconds = Math.min(framework.info().getFailoverTimeout(), MAX_FAILOVER_SECONDS);
        Duration timeout = Duration.ofMillis((long) (seconds * 1000));
        Instant disconnectedAt = cluster.now();
        framework.disconnect(disconnectedAt, cluster.actor.schedule(timeout, () -> failoverTimedOut(framework,
                disconnectedAt)));
        offers.rescindAll(framework, false);
        cluster.allocator.deactivateFramework(framework.id());
        cluster.operatorEvents.frameworkUpdated(framework);
        LOG.log(System.Logger.Level.INFO, "Framework {0} disconnected; it has {1} to subscribe again",
                framework.id().getValue(), StoutDuration.format(timeout));
    }

    private void failoverTimedOut(Framework framework, Instant disconnectedAt) {
        if (!framework.isConnected() && framework.unregisteredTime().equals(Optional.of(disconnectedAt))
                && cluster.frameworks.find(framework.id()).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "Framework {0} did not subscribe again within its failover timeout;"
                    + " removing it", framework.id().getValue());
            remove(framework);
        }
    }

    /** TEARDOWN, or a failover timeout expired: everything of the framework ends. */
    void remove(Framework framework) {
        offers.rescindAll(framework, false);
        tasks.frameworkRemoved(framework, cluster.now());
        cluster.allocator.removeFramework(framework.id());
        cluster.frameworks.remove(framework);
        framework.removed(cluster.now());
        cluster.operatorEvents.frameworkRemoved(framework);
        LOG.log(System.Logger.Level.INFO, "Removed framework {0}", framework.id().getValue());
    }

    /** UPDATE_FRAMEWORK: the reason it is refused (the HTTP 400 body), or empty once applied. */
    Optional<String> update(Framework framework, Call.UpdateFramework update) {
        FrameworkInfo info = update.getFrameworkInfo();
        Optional<String> invalid = valid(info);
        if (invalid.isPresent()) {
            return Optional.of("Supplied FrameworkInfo is not valid: " + invalid.get());
        }
        Optional<String> change = FrameworkValidation.updateProblem(framework.info(), info);
        if (change.isPresent()) {
            return Optional.of("FrameworkInfo update is not valid: " + change.get());
        }
        Set<String> suppressed = Set.copyOf(update.getSuppressedRolesList());
        Optional<String> roles = FrameworkValidation.suppressedRolesProblem(suppressed, Framework.roles(info));
        if (roles.isPresent()) {
            return Optional.of("'UpdateFramework' call is not valid: " + roles.get());
        }
        Set<String> removedRoles = new HashSet<>(framework.roles());
        removedRoles.removeAll(Framework.roles(info));
        framework.update(info, suppressed);
        cluster.allocator.updateFramework(framework.id(), framework.info(), suppressed);
        cluster.offers.of(framework.id()).stream().filter(offer -> removedRoles.contains(offer.role()))
                .forEach(offer -> offers.rescind(offer, true));
        cluster.operatorEvents.frameworkUpdated(framework);
        return Optional.empty();
    }
}
