package org.meseta.allocator.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.meseta.api.resources.Resources;

/**
 * Decides which framework is offered which agent's resources (Mesos's allocator), as a state machine that the
 * master feeds with cluster events and asks for allocations.
 *
 * <h2>Threading</h2>
 * One thread, the master's allocator thread, makes every call, one at a time; implementations hold no locks, never
 * block and never call back. Batching (an allocation pass after a burst of events, and one every
 * {@code --allocation_interval}) is the caller's business: {@link #allocate()} is one pass.
 *
 * <h2>What counts as allocated</h2>
 * Resources are allocated to a framework from the moment {@link #allocate()} hands them out until
 * {@link #recoverResources} gives them back (an offer declined, rescinded or partly used, a task ended). Resources
 * in use when a framework or an agent is added (tasks that outlived a master or a disconnection) are allocated from
 * the start. Every allocated resource carries {@code allocation_info.role}, the role it is allocated to.
 *
 * <h2>What the caller guarantees</h2>
 * Ids are added once before they are used and removed at most once. Because the master acts on its own thread,
 * {@link #recoverResources}, {@link #suppressOffers}, {@link #reviveOffers} and the activation calls may name a
 * framework or agent that has just been removed: implementations ignore such calls.
 *
 * <h2>Time</h2>
 * Offer filters expire by the clock of {@link AllocatorOptions#clock()}; tests pass a clock they advance.
 */
public interface Allocator {

    /**
     * Adds a framework. It is offered resources while active, in each of its roles ({@code roles} for
     * {@code MULTI_ROLE} frameworks, otherwise {@code role}, {@code *} when unset) except the suppressed ones.
     *
     * @param used what the framework's tasks already use, by agent (allocation_info set)
     */
    void addFramework(FrameworkID id, FrameworkInfo info, Map<AgentID, Resources> used, boolean active,
            Set<String> suppressedRoles);

    /** Takes a framework's new info (roles may be added or removed) and its suppressed roles, as UPDATE_FRAMEWORK. */
    void updateFramework(FrameworkID id, FrameworkInfo info, Set<String> suppressedRoles);

    /** The framework (re)connected: offer to it again. */
    void activateFramework(FrameworkID id);

    /** The framework disconnected: no offers until it is activated; its offer filters are dropped, as in Mesos. */
    void deactivateFramework(FrameworkID id);

    /** Forgets a framework; whatever is still allocated to it becomes free. */
    void removeFramework(FrameworkID id);

    /**
     * Adds an agent with everything it has.
     *
     * @param used what running tasks already use, by framework (allocation_info set)
     */
    void addAgent(AgentID id, AgentInfo info, Resources total, Map<FrameworkID, Resources> used);

    /** Forgets an agent and everything allocated on it. */
    void removeAgent(AgentID id);

    /** The agent is reachable again: its free resources may be offered. */
    void activateAgent(AgentID id);

    /** The agent is unreachable or deactivated by an operator: none of its resources are offered. */
    void deactivateAgent(AgentID id);

    /**
     * Returns resources allocated to {@code framework} on {@code agent}. With {@code refuseFor} present and positive,
     * the framework is not offered these resources (or a subset of them) on that agent, in that role, until the
     * duration has passed or it revives; this is a DECLINE's {@code Filters.refuse_seconds}.
     */
    void recoverResources(FrameworkID framework, AgentID agent, Resources resources, Optional<Duration> refuseFor);

    /**
     * Converts resources a framework holds on an agent, as an offer operation it accepted does (RESERVE,
     * UNRESERVE): {@code consumed} leave its allocation and the agent's total, {@code converted} take their place, so
     * both hold the same quantities as before. The resources stay allocated to the framework until
     * {@link #recoverResources} gives them back, in their converted form.
     *
     * <p>The caller guarantees that the framework holds {@code consumed} on the agent and that {@code converted} are
     * of the same quantities and allocation role (allocation_info set on both). Ignored when the framework or the
     * agent is not known (any more).
     */
    void updateAllocation(FrameworkID framework, AgentID agent, Resources consumed, Resources converted);

    /**
     * Converts free resources of an agent, as an operator's {@code RESERVE_RESOURCES} and
     * {@code UNRESERVE_RESOURCES} do: if the agent's free resources (its total less everything allocated, offers
     * included) contain {@code consumed}, they are replaced by {@code converted} in the agent's total; otherwise
     * nothing changes. The caller rescinds the offers holding the resources first, but an allocation pass may have
     * handed them out meanwhile, so failing is an expected outcome, not a bug.
     *
     * @param consumed resources without allocation_info
     * @param converted resources of the same quantities, without allocation_info
     * @return empty when applied; otherwise why not, as Mesos says it: {@code <free> does not contain <consumed>}
     *     (or that the agent is unknown)
     */
    Optional<String> updateAvailable(AgentID agent, Resources consumed, Resources converted);

    /** Stops offers to the framework in {@code roles} (all of its roles when empty). Idempotent. */
    void suppressOffers(FrameworkID framework, Set<String> roles);

    /**
     * Offers to the framework again in {@code roles} (all of its roles when empty) and drops its offer filters for
     * them. Idempotent.
     */
    void reviveOffers(FrameworkID framework, Set<String> roles);

    /**
     * Sets the weights of roles (Mesos's {@code updateWeights}): a role's fair share is divided by its weight, so a
     * role of weight 2 is offered resources until it holds about twice the share of a role of weight 1. The weight
     * of a role applies to its whole subtree: {@code eng} with weight 2 competes with its siblings as one subtree of
     * that weight, while its children ({@code eng/a}, {@code eng/b}) compete with each other by their own weights.
     *
     * <p>Roles not in {@code weights} keep the weight they have; every role starts at 1.0, so setting 1.0 is how a
     * weight is reset. A role may be named before any framework uses it, and keeps its weight when its last framework
     * goes. Allocations already made are not revoked; the new weights decide from the next {@link #allocate()} on.
     * The caller has validated {@code weights} (valid role names, positive finite weights); implementations may throw
     * {@link IllegalArgumentException} otherwise. Idempotent.
     *
     * @param weights role → weight
     */
    void updateWeights(Map<String, Double> weights);

    /**
     * Sets a role's quota (Mesos's {@code updateQuota}); {@link Quota#NONE} removes it. Quota applies to the role's
     * subtree: frameworks of {@code eng} and of {@code eng/web} together consume the quota of {@code eng}, and a role
     * is offered only what keeps it and every ancestor with quota within their limits.
     *
     * <p>What a role consumes is, as in Mesos, its subtree's reservations (allocated or not) plus the unreserved,
     * non-revocable scalar resources allocated to its subtree (offered or in use). A pass first offers to roles whose
     * guarantees are not met the unreserved resources that meet them (and, with them, the role's reservations and
     * non-scalar resources, and more scalars up to its limits), then allocates as before; in both stages, unreserved
     * scalar resources that are still needed to meet the guarantees of all roles (the headroom) are not offered
     * beyond them to roles that do not need them. Guarantees exceeding what the cluster has are the caller's
     * business (Mesos's master refuses them unless forced); the allocator then serves them as far as it can.
     *
     * <p>Allocations already made are not revoked: the caller rescinds offers if it wants the new quota to take effect
     * sooner. A role may be named before any framework uses it and keeps its quota when its last framework goes. The
     * caller has validated {@code role} (a valid role name, not {@code *}); implementations may throw
     * {@link IllegalArgumentException} otherwise. Idempotent.
     */
    void updateQuota(String role, Quota quota);

    /**
     * What each role with quota consumes now, as {@link #updateQuota} defines it: role → resource name → amount, for
     * every role whose quota is not {@link Quota#NONE}; names consumed are listed, names not consumed are left out.
     * The master reads it for its metrics. Called on the allocator thread like every other call; changes nothing.
     */
    Map<String, Map<String, Double>> quotaConsumption();

    /**
     * How many offer filters (refusals of a DECLINE or of resources an ACCEPT left unused) are in force now, by role:
     * Mesos's {@code allocator/mesos/offer_filters/roles/<role>/active}. Roles without one are left out. Called on
     * the allocator thread like every other call; changes nothing an allocation depends on. An allocator without
     * filters answers an empty map, the default.
     */
    default Map<String, Integer> activeOfferFilters() {
        return Map.of();
    }

    /**
     * One allocation pass: hands out free resources of active agents to active frameworks, in the order the policy
     * decides. What it returns is allocated until recovered.
     *
     * @return at most one allocation per framework, role and agent; empty when nothing can be offered
     */
    List<Allocation> allocate();
}
