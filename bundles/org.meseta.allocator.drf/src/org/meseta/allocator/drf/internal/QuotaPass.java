package org.meseta.allocator.drf.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Scalars;

/**
 * Quota during one allocation pass (Mesos's two stages): what each role with quota consumes, the headroom that the
 * unmet guarantees still need, and the headroom there is (the free unreserved, non-revocable scalar resources of all
 * agents). It decides what a role may be offered of an agent's free resources and is told what was allocated, so
 * that later decisions in the same pass see it. Amounts are thousandths by resource name. Mutable; lives for one
 * pass on the allocator's thread.
 */
final class QuotaPass {

    private final RoleQuotas quotas;
    private final Map<String, Map<String, Long>> consumed;
    private final Map<String, Long> availableHeadroom;
    private Map<String, Long> requiredHeadroom;

    /**
     * @param consumed {@link RoleQuotas#consumption} at the start of the pass
     * @param free every agent's free resources, without allocation roles
     */
    QuotaPass(RoleQuotas quotas, Map<String, Map<String, Long>> consumed, Iterable<Resources> free) {
        this.quotas = quotas;
        this.consumed = consumed;
        this.availableHeadroom = new HashMap<>();
        for (Resources resources : free) {
            for (Resource resource : resources) {
                if (RoleQuotas.isQuotaResource(resource)) {
                    availableHeadroom.merge(resource.getName(), millis(resource), Long::sum);
                }
            }
        }
        this.requiredHeadroom = required();
    }

    /**
     * The first stage: what {@code role} is offered towards its unmet guarantees, or empty when it has none or none
     * of {@code available} meets them. That is the unreserved resources that meet them, with the role's own
     * reservations and the non-scalar and revocable resources, and more unreserved scalars as far as its limits and
     * the headroom allow.
     *
     * @param available what the role may be offered on the agent, without allocation roles
     */
    Optional<Resources> towardsGuarantees(String role, Resources available) {
        Map<String, Long> unmet = unmetGuarantees(role);
        if (unmet.isEmpty()) {
            return Optional.empty();
        }
        Resources quotaResources = available.filter(RoleQuotas::isQuotaResource);
        Resources guaranteed = shrink(quotaResources, unmet, false);
        if (guaranteed.isEmpty()) {
            return Optional.empty();
        }
        // As in Mesos: the role's own reservations (not its ancestors'), and every non-scalar and revocable resource.
        Resources others = available.filter(resource -> resource.getType() != Value.Type.SCALAR
                || resource.hasRevocable() || (resource.getReservationsCount() > 0
                        && resource.getReservations(resource.getReservationsCount() - 1).getRole().equals(role)));
        Map<String, Long> room = minus(limitRoom(role), amounts(guaranteed));
        return Optional.of(guaranteed.plus(others).plus(withinHeadroom(shrink(quotaResources.minus(guaranteed),
                room, true))));
    }

    /**
     * The second stage: {@code available} with its unreserved, non-revocable scalar resources cut to the role's
     * limits (and those of its ancestors) and to the headroom that unmet guarantees leave; reservations and
     * non-scalar and revocable resources are always offered.
     */
    Resources withinQuota(String role, Resources available) {
        Resources quotaResources = available.filter(RoleQuotas::isQuotaResource);
        if (quotaResources.isEmpty()) {
            return available;
        }
        Resources allowed = withinHeadroom(shrink(quotaResources, limitRoom(role), true));
        return allowed.equals(quotaResources) ? available
                : available.filter(resource -> !RoleQuotas.isQuotaResource(resource)).plus(allowed);
    }

    /** Counts {@code offered} (without allocation roles), allocated to {@code role}, in the rest of the pass. */
    void allocated(String role, Resources offered) {
        Map<String, Long> amounts = amounts(offered.filter(RoleQuotas::isQuotaResource));
        if (amounts.isEmpty()) {
            return;
        }
        for (String quotaRole : quotas.quotaRolesAbove(role)) {
            amounts.forEach((name, millis) -> consumed.get(quotaRole).merge(name, millis, Long::sum));
        }
        amounts.forEach((name, millis) -> availableHeadroom.merge(name, -millis, Long::sum));
        requiredHeadroom = required();
    }

    /** Names the role or an ancestor guarantees more of than it consumes, with the least such shortfall. */
    private Map<String, Long> unmetGuarantees(String role) {
        Map<String, Long> unmet = new HashMap<>();
        for (String quotaRole : quotas.quotaRolesAbove(role)) {
            Map<String, Long> used = consumed.get(quotaRole);
            quotas.byRole().get(quotaRole).guarantees().forEach((name, guarantee) -> unmet.merge(name,
                    Math.max(0, guarantee - used.getOrDefault(name, 0L)), Math::min));
        }
        unmet.values().removeIf(millis -> millis == 0);
        return unmet;
    }

    /** How much more of each limited name the role may consume within its and its ancestors' limits. */
    private Map<String, Long> limitRoom(String role) {
        Map<String, Long> room = new HashMap<>();
        for (String quotaRole : quotas.quotaRolesAbove(role)) {
            Map<String, Long> used = consumed.get(quotaRole);
            quotas.byRole().get(quotaRole).limits().forEach((name, limit) -> room.merge(name,
                    Math.max(0, limit - used.getOrDefault(name, 0L)), Math::min));
        }
        return room;
    }

    /** The headroom the unmet guarantees need: summed over the roles with quota that no ancestor's covers. */
    private Map<String, Long> required() {
        Map<String, Long> required = new HashMap<>();
        quotas.byRole().forEach((role, quota) -> {
            if (quotas.isOutermost(role)) {
                Map<String, Long> used = consumed.get(role);
                quota.guarantees().forEach((name, guarantee) -> {
                    long unmet = guarantee - used.getOrDefault(name, 0L);
                    if (unmet > 0) {
                        required.merge(name, unmet, Long::sum);
                    }
                });
            }
        });
        return required;
    }

    /** {@code resources} cut so that what is left of the headroom still covers what unmet guarantees need. */
    private Resources withinHeadroom(Resources resources) {
        if (requiredHeadroom.isEmpty() || resources.isEmpty()) {
            return resources;
        }
        Map<String, Long> surplus = new HashMap<>();
        availableHeadroom.forEach((name, millis) -> surplus.put(name,
                Math.max(0, millis - requiredHeadroom.getOrDefault(name, 0L))));
        return shrink(resources, surplus, false);
    }

    /**
     * Scalar {@code resources} cut to {@code bound}: at most that much of each name, taken in order.
     *
     * @param unboundedWhenAbsent whether a name {@code bound} lacks is unbounded (limits) or bounded by zero
     */
    static Resources shrink(Resources resources, Map<String, Long> bound, boolean unboundedWhenAbsent) {
        Map<String, Long> left = new HashMap<>(bound);
        List<Resource> kept = new ArrayList<>();
        for (Resource resource : resources) {
            Long room = left.get(resource.getName());
            if (room == null) {
                if (unboundedWhenAbsent) {
                    kept.add(resource);
                }
                continue;
            }
            long taken = Math.min(room, millis(resource));
            if (taken > 0) {
                left.put(resource.getName(), room - taken);
                kept.add(taken == millis(resource) ? resource : resource.toBuilder()
                        .setScalar(Value.Scalar.newBuilder().setValue(Scalars.toDouble(taken))).build());
            }
        }
        return Resources.ofValidated(kept);
    }

    private static Map<String, Long> amounts(Resources scalars) {
        Map<String, Long> amounts = new HashMap<>();
        scalars.forEach(resource -> amounts.merge(resource.getName(), millis(resource), Long::sum));
        return amounts;
    }

    /** {@code room} less {@code taken}, never below zero; names {@code room} lacks stay unbounded. */
    private static Map<String, Long> minus(Map<String, Long> room, Map<String, Long> taken) {
        Map<String, Long> left = new HashMap<>(room);
        left.replaceAll((name, millis) -> Math.max(0, millis - taken.getOrDefault(name, 0L)));
        return left;
    }

    private static long millis(Resource resource) {
        return Scalars.toMillis(resource.getScalar().getValue());
    }
}
