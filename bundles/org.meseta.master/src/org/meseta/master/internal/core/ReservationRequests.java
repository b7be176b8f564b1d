package org.meseta.master.internal.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.Filters;
import org.meseta.api.resources.ReservationOperations;
import org.meseta.api.resources.ReservationOperations.Conversion;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.offers.OutstandingOffer;
import org.meseta.master.internal.validation.ReservationCheck;

/**
 * An operator's RESERVE and UNRESERVE of an agent's resources, as Mesos's master does them:
 * <ol>
 * <li>the agent must be admitted (400 {@code No agent found with specified ID}) and the request valid (400 with the
 * validation's text);</li>
 * <li>outstanding offers on the agent are rescinded, one at a time, until what they held covers what the operation
 * consumes (offers that hold none of it are left alone); their frameworks refuse those resources for Mesos's default
 * five seconds, so that the reservation, not they, most likely gets them;</li>
 * <li>the allocator converts its free resources, which fails (409 with its text) when they do not hold what is
 * consumed, e.g. tasks use it or an allocation pass handed it out again meanwhile;</li>
 * <li>the master converts the agent's total and tells the agent: 202.</li>
 * </ol>
 * Runs on the master's actor thread; the allocator's answer brings the work back to it.
 */
final class ReservationRequests {

    private static final System.Logger LOG = System.getLogger(ReservationRequests.class.getName());
    /** Mesos rescinds with a default {@code Filters}, whose {@code refuse_seconds} is 5. */
    private static final Optional<Duration> RESCIND_REFUSAL =
            OfferLifecycle.refusal(Filters.getDefaultInstance());

    private final Cluster cluster;
    private final OfferLifecycle offers;

    ReservationRequests(Cluster cluster, OfferLifecycle offers) {
        this.cluster = cluster;
        this.offers = offers;
    }

    CompletableFuture<Optional<Refusal>> handle(ReservationRequest request) {
        Optional<Agent> agent = cluster.agents.find(request.agent());
        if (agent.isEmpty()) {
            return done(Refusal.refuse(400, "No agent found with specified ID"));
        }
        Resources resources;
        Resources source;
        try {
            resources = Resources.of(request.resources());
            source = Resources.of(request.source());
        } catch (ResourceParseException e) {
            return done(Refusal.refuse(400, "Invalid resources: " + e.getMessage()));
        }
        Optional<String> problem = switch (request.kind()) {
            case RESERVE -> ReservationCheck.reserve(resources, source, ReservationCheck.Requester.operator())
                    .map(reason -> "Invalid RESERVE operation on agent " + describe(agent.get()) + ": " + reason);
            case UNRESERVE -> ReservationCheck.unreserve(resources)
                    .map(reason -> "Invalid UNRESERVE operation: " + reason);
        };
        if (problem.isPresent()) {
            return done(Refusal.refuse(400, problem.get()));
        }
        Conversion conversion = switch (request.kind()) {
            case RESERVE -> source.isEmpty() ? ReservationOperations.reserve(resources)
                    : new Conversion(source, resources);
            case UNRESERVE -> ReservationOperations.unreserve(resources);
        };
        rescindCovering(agent.get(), conversion.consumed());
        return cluster.allocator.updateAvailable(request.agent(), conversion.consumed(), conversion.converted())
                .thenCompose(refusal -> cluster.actor.call(() -> applied(request, conversion, refusal)));
    }

    /** Rescinds offers on the agent until they have given back what {@code required} needs, or none is left. */
    private void rescindCovering(Agent agent, Resources required) {
        Resources needed = required;
        Resources recovered = Resources.empty();
        for (OutstandingOffer offer : new ArrayList<>(cluster.offers.onAgent(agent.id()))) {
            Resources held = ReservationOperations.unallocated(offer.resources());
            Resources stillNeeded = needed.minus(held);
            if (stillNeeded.equals(needed)) {
                continue;
            }
            needed = stillNeeded;
            recovered = recovered.plus(held);
            offers.rescind(offer, true, RESCIND_REFUSAL);
            if (recovered.contains(required)) {
                return;
            }
        }
    }

    private Optional<Refusal> applied(ReservationRequest request, Conversion conversion,
            Optional<String> problem) {
        if (problem.isPresent()) {
            return Refusal.refuse(409, problem.get());
        }
        Optional<Agent> agent = cluster.agents.find(request.agent());
        if (agent.isPresent() && conversion.applyTo(agent.get().total()) != null) {
            agent.get().convertTotal(conversion);
        } else {
            LOG.log(System.Logger.Level.WARNING, "Agent {0} went away or changed its resources while its {1} was"
                    + " applied", request.agent().getValue(), request.kind());
        }
        LOG.log(System.Logger.Level.INFO, "Applied {0} of {1} on agent {2} for an operator", request.kind(),
                conversion.converted(), request.agent().getValue());
        return Optional.empty();
    }

    /** How Mesos names an agent in messages: {@code <id> at <pid> (<hostname>)}. */
    private static String describe(Agent agent) {
        return agent.id().getValue() + " at " + agent.pid() + " (" + agent.info().getHostname() + ")";
    }

    private static CompletableFuture<Optional<Refusal>> done(Optional<Refusal> outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
