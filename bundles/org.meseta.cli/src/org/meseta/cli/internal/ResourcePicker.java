package org.meseta.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;

/**
 * Takes a task's resources out of one offer, in the form the master sent them.
 *
 * <p>A master converts the resources it offers to what the framework's capabilities ask for: without
 * RESERVATION_REFINEMENT they carry the deprecated {@code role} ({@code *} when unreserved), with it a stack of
 * {@code reservations}; only MULTI_ROLE frameworks see {@code allocation_info}. A task must use the resources in the
 * same form, so the picker copies the offered resources and only lowers their values to what the task needs. Like
 * mesos-execute it takes reserved resources (the framework is only offered those of its own role) before unreserved
 * ones. Revocable, shared and special disk resources are never taken: a one-off task should not be preempted,
 * and such resources cannot be split.
 *
 * <p>A pure function of its arguments.
 */
final class ResourcePicker {

    private ResourcePicker() {}

    /** An offered resource and what the task has not taken of it yet. */
    private static final class Offered {
        final Resource resource;
        final boolean reserved;
        Amount left;

        Offered(Resource resource, boolean reserved) {
            this.resource = resource;
            this.reserved = reserved;
            this.left = Amount.of(resource);
        }
    }

    /**
     * @param needed  what the task needs; reservations on it are ignored
     * @param offered the offer's resources as the master sent them
     * @return the resources to launch the task with, or empty when the offer does not hold everything needed
     */
    static Optional<List<Resource>> pick(Resources needed, List<Resource> offered) {
        return pickAll(List.of(needed), offered).map(List::getFirst);
    }

    /**
     * Takes what each of several consumers needs (the tasks of a task group and their executor) out of one offer,
     * each from what the ones before it left.
     *
     * @param needs   what each needs, in order; reservations on them are ignored
     * @param offered the offer's resources as the master sent them
     * @return the resources of each, in the order of {@code needs}, or empty when the offer does not hold them all
     */
    static Optional<List<List<Resource>>> pickAll(List<Resources> needs, List<Resource> offered) {
        List<Offered> candidates = new ArrayList<>();
        for (Resource resource : offered) {
            usable(resource).ifPresent(reserved -> candidates.add(new Offered(resource, reserved)));
        }
        candidates.sort(Comparator.comparing(candidate -> !candidate.reserved));
        List<List<Resource>> picked = new ArrayList<>();
        for (Resources needed : needs) {
            Optional<List<Resource>> taken = take(needed, candidates);
            if (taken.isEmpty()) {
                return Optional.empty();
            }
            picked.add(taken.get());
        }
        return Optional.of(picked);
    }

    /** Takes {@code needed} from what the candidates have left, which it lowers; empty if they do not hold it. */
    private static Optional<List<Resource>> take(Resources needed, List<Offered> candidates) {
        List<Resource> taken = new ArrayList<>();
        for (Resource need : needed) {
            Amount missing = Amount.of(need);
            for (Offered candidate : candidates) {
                if (missing.isEmpty()) {
                    break;
                }
                if (candidate.resource.getName().equals(need.getName())
                        && candidate.resource.getType() == need.getType()) {
                    Amount share = missing.commonWith(candidate.left);
                    if (!share.isEmpty()) {
                        taken.add(share.applyTo(candidate.resource));
                        candidate.left = candidate.left.minus(share);
                        missing = missing.minus(share);
                    }
                }
            }
            if (!missing.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(taken);
    }

    /**
     * Whether a task may take from {@code resource}: present (and whether it is reserved) when it is a valid, plain
     * resource. Validation also reads either reservation format, so "reserved" means the same for both.
     */
    private static Optional<Boolean> usable(Resource resource) {
        boolean special = resource.hasRevocable() || resource.hasShared()
                || resource.hasDisk() && (resource.getDisk().hasPersistence() || resource.getDisk().hasSource());
        if (special) {
            return Optional.empty();
        }
        try {
            Resources valid = Resources.of(List.of(resource));
            return valid.isEmpty() ? Optional.empty() : Optional.of(valid.unreserved().isEmpty());
        } catch (ResourceParseException e) {
            return Optional.empty();
        }
    }
}
