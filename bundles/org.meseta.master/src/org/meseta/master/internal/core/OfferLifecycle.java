package org.meseta.master.internal.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.URL;
import org.meseta.allocator.api.Allocation;
import org.meseta.api.resources.ResourceFormats;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.offers.OutstandingOffer;

/**
 * Offers: made from the allocator's allocations, shown to each framework in the format its capabilities ask for,
 * used once by an ACCEPT or DECLINE, rescinded when their agent or framework goes away or when they were not
 * answered within {@code --offer_timeout} (a timer per offer, cancelled when the offer is removed). Whatever an offer
 * held and was not used goes back to the allocator. Runs on the master's actor thread.
 */
public final class OfferLifecycle {

    private static final System.Logger LOG = System.getLogger(OfferLifecycle.class.getName());

    private final Cluster cluster;

    public OfferLifecycle(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Turns allocations into offers, one OFFERS event per framework. Allocations for a framework or an agent that
     * went away meanwhile go straight back to the allocator.
     */
    void allocated(List<Allocation> allocations) {
        Map<Framework, List<Offer>> events = new LinkedHashMap<>();
        for (Allocation allocation : allocations) {
            Optional<Framework> framework = cluster.frameworks.find(allocation.frameworkId())
                    .filter(Framework::isConnected);
            Optional<Agent> agent = cluster.agents.find(allocation.agentId()).filter(cluster.agents::isActive);
            if (framework.isEmpty() || agent.isEmpty()) {
                cluster.allocator.recoverResources(allocation.frameworkId(), allocation.agentId(),
                        allocation.resources(), Optional.empty());
                continue;
            }
            Resources offerable = presentable(framework.get(), allocation);
            if (offerable.isEmpty()) {
                continue;
            }
            OutstandingOffer offer = cluster.offers.add(allocation.frameworkId(), allocation.agentId(),
                    allocation.role(), offerable);
            cluster.config.offerTimeout().ifPresent(timeout -> cluster.offers.timeout(offer.id(),
                    cluster.actor.schedule(timeout, () -> timedOut(offer.id()))));
            cluster.offerStream.created(offer, agent.get().info().getHostname());
            events.computeIfAbsent(framework.get(), ignored -> new ArrayList<>())
                    .add(toOffer(offer, framework.get(), agent.get()));
        }
        events.forEach((framework, offers) -> framework.send(Events.offers(offers)));
    }

    /** Refined reservations cannot be shown to a framework that does not understand them: they go back. */
    private Resources presentable(Framework framework, Allocation allocation) {
        if (framework.hasCapability(FrameworkInfo.Capability.Type.RESERVATION_REFINEMENT)) {
            return allocation.resources();
        }
        Resources shown = allocation.resources().filter(ResourceFormats::hasPreRefinementForm);
        Resources hidden = allocation.resources().minus(shown);
        if (!hidden.isEmpty()) {
            cluster.allocator.recoverResources(allocation.frameworkId(), allocation.agentId(), hidden,
                    Optional.empty());
        }
        return shown;
    }

    /** The offer as the framework sees it: without allocation info unless MULTI_ROLE, pre-refinement unless RR. */
    private static Offer toOffer(OutstandingOffer offer, Framework framework, Agent agent) {
        boolean multiRole = framework.hasCapability(FrameworkInfo.Capability.Type.MULTI_ROLE);
        List<Resource> resources = offer.resources().toList();
        if (!multiRole) {
            resources = resources.stream().map(resource -> resource.toBuilder().clearAllocationInfo().build())
                    .toList();
        }
        if (!framework.hasCapability(FrameworkInfo.Capability.Type.RESERVATION_REFINEMENT)) {
            resources = ResourceFormats.preRefinement(resources);
        }
        Offer.Builder built = Offer.newBuilder()
                .setId(offer.id())
                .setFrameworkId(framework.id())
                .setAgentId(agent.id())
                .setHostname(agent.info().getHostname())
                .setUrl(URL.newBuilder().setScheme("http")
                        .setAddress(Address.newBuilder().setHostname(agent.info().getHostname()).setIp(agent.ip())
                                .setPort(agent.info().getPort()))
                        .setPath("/slave(1)"))
                .addAllResources(resources)
                .addAllAttributes(agent.info().getAttributesList());
        framework.executors(agent.id()).stream().map(ExecutorInfo::getExecutorId).forEach(built::addExecutorIds);
        if (multiRole) {
            built.getAllocationInfoBuilder().setRole(offer.role());
        }
        if (agent.info().hasDomain()) {
            built.setDomain(agent.info().getDomain());
        }
        return built.build();
    }

    /** Withdraws an offer: its resources go back to the allocator; the framework is told when {@code notify}. */
    void rescind(OutstandingOffer offer, boolean notify) {
        rescind(offer, notify, Optional.empty());
    }

    /** As {@link #rescind(OutstandingOffer, boolean)}, the framework refusing the resources for {@code refuseFor}. */
    void rescind(OutstandingOffer offer, boolean notify, Optional<Duration> refuseFor) {
        cluster.offerStream.rescinded(offer);
        withdraw(offer, notify, refuseFor);
    }

    private void withdraw(OutstandingOffer offer, boolean notify, Optional<Duration> refuseFor) {
        cluster.offers.remove(offer.id());
        cluster.allocator.recoverResources(offer.frameworkId(), offer.agentId(), offer.resources(), refuseFor);
        if (notify) {
            cluster.frameworks.find(offer.frameworkId()).ifPresent(framework -> framework.send(Events.rescind(
                    offer.id())));
        }
    }

    /**
     * {@code --offer_timeout} expired: the offer, if still outstanding, is rescinded and its resources go back
     * without a filter, so they are offered again, as in Mesos.
     */
    private void timedOut(OfferID id) {
        cluster.offers.find(id).ifPresent(offer -> {
            LOG.log(System.Logger.Level.INFO, "Rescinding offer {0} to framework {1}: not answered within"
                    + " --offer_timeout", id.getValue(), offer.frameworkId().getValue());
            cluster.offerStream.timedOut(offer);
            withdraw(offer, true, Optional.empty());
        });
    }

    /** Withdraws every offer made to a framework. */
    void rescindAll(Framework framework, boolean notify) {
        cluster.offers.of(framework.id()).forEach(offer -> rescind(offer, notify));
    }

    /** Withdraws every offer of an agent that became inactive, telling the frameworks. */
    void rescindAll(Agent agent) {
        cluster.offers.onAgent(agent.id()).forEach(offer -> rescind(offer, true));
    }

    /** DECLINE: the offers go back with the call's filter; offers that are not the framework's are ignored. */
    void decline(Framework framework, List<OfferID> ids, Filters filters) {
        for (OfferID id : ids) {
            Optional<OutstandingOffer> offer = cluster.offers.find(id)
                    .filter(found -> found.frameworkId().equals(framework.id()));
            if (offer.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "Ignoring the decline of unknown offer {0} by framework {1}",
                        id.getValue(), framework.id().getValue());
                continue;
            }
            cluster.offers.remove(id);
            Optional<Duration> refusal = refusal(filters);
            cluster.offerStream.declined(offer.get(), refusal);
            cluster.allocator.recoverResources(framework.id(), offer.get().agentId(), offer.get().resources(),
                    refusal);
        }
    }

    /** Gives back what an ACCEPT left unused, with the call's filter. */
    void returnUnused(Framework framework, Taken taken, Resources unused, Filters filters) {
        if (!unused.isEmpty()) {
            cluster.allocator.recoverResources(framework.id(), taken.agent().id(), unused, refusal(filters));
        }
    }

    /** How long declined resources are refused: {@code refuse_seconds} (5 s by default); none when not positive. */
    static Optional<Duration> refusal(Filters filters) {
        double seconds = filters.getRefuseSeconds();
        if (!(seconds > 0)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE)));
    }

    /**
     * Takes the offers an ACCEPT names, which are thereby used up. They must exist, be the framework's, be
     * distinct and all be of one agent; otherwise none of them can be used (the valid ones are given back) and the
     * reason is returned.
     */
    Result take(Framework framework, List<OfferID> ids) {
        List<OutstandingOffer> valid = new ArrayList<>();
        String problem = ids.isEmpty() ? "No offers specified" : null;
        Set<String> seen = new HashSet<>();
        for (OfferID id : ids) {
            Optional<OutstandingOffer> offer = cluster.offers.find(id);
            if (!seen.add(id.getValue())) {
                problem = problem != null ? problem : "Duplicate offer " + id.getValue() + " in offer list";
            } else if (offer.isEmpty()) {
                problem = problem != null ? problem : "Offer " + id.getValue() + " is no longer valid";
            } else if (!offer.get().frameworkId().equals(framework.id())) {
                problem = problem != null ? problem : "Offer " + id.getValue() + " has invalid framework "
                        + offer.get().frameworkId().getValue() + " while framework " + framework.id().getValue()
                        + " is expected";
            } else {
                problem = problem != null ? problem : aggregationProblem(valid, offer.get());
                valid.add(offer.get());
            }
        }
        valid.forEach(offer -> {
            cluster.offers.remove(offer.id());
            cluster.offerStream.accepted(offer);
        });
        Optional<Agent> agent = valid.isEmpty() ? Optional.empty() : cluster.agents.find(valid.get(0).agentId());
        Result.Unusable unusable = null;
        if (problem != null) {
            unusable = new Result.Unusable(TaskStatus.Reason.REASON_INVALID_OFFERS,
                    "Task launched with invalid offers: " + problem);
        } else if (agent.isEmpty()) {
            unusable = new Result.Unusable(TaskStatus.Reason.REASON_AGENT_REMOVED, "Agent removed");
        } else if (!agent.get().isConnected()) {
            unusable = new Result.Unusable(TaskStatus.Reason.REASON_AGENT_DISCONNECTED, "Agent disconnected");
        }
        if (unusable != null) {
            valid.forEach(offer -> cluster.allocator.recoverResources(offer.frameworkId(), offer.agentId(),
                    offer.resources(), Optional.empty()));
            return unusable;
        }
        Resources total = Resources.empty();
        for (OutstandingOffer offer : valid) {
            total = total.plus(offer.resources());
        }
        return new Taken(agent.get(), total, valid.get(0).role());
    }

    /** Offers used together must be of one role and one agent. */
    private static String aggregationProblem(List<OutstandingOffer> earlier, OutstandingOffer offer) {
        if (earlier.isEmpty()) {
            return null;
        }
        OutstandingOffer first = earlier.get(0);
        if (!first.role().equals(offer.role())) {
            return "Aggregated offers must be allocated to the same role. Offer " + offer.id().getValue()
                    + " uses role '" + offer.role() + "' but another is using role '" + first.role() + "'";
        }
        if (!first.agentId().equals(offer.agentId())) {
            return "Aggregated offers must belong to one single agent. Offer " + offer.id().getValue()
                    + " uses agent " + offer.agentId().getValue() + " and agent " + first.agentId().getValue();
        }
        return null;
    }

    /** The outcome of {@link #take}. */
    sealed interface Result {
        /** The offers cannot be used; the tasks of the call end with this reason and message. */
        record Unusable(TaskStatus.Reason reason, String message) implements Result {}
    }

    /** Offers taken by an ACCEPT: their agent, everything they held, and the role they were made in. */
    record Taken(Agent agent, Resources resources, String role) implements Result {}
}
