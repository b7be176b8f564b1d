package org.meseta.master.internal.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.ReservationOperations;
import org.meseta.api.resources.ResourceFormats;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.frameworks.Framework;

/**
 * Validates RESERVE and UNRESERVE operations as Mesos's operation validation does, with its texts: from a framework
 * (on resources offered to it, so allocated to one of its roles, and reserved to that same role) or from an operator
 * (on unallocated resources). The resources have been parsed and upgraded to the post-refinement format. Pure
 * functions of their inputs; an empty result means valid.
 */
public final class ReservationCheck {

    private ReservationCheck() {}

    /** Who asks for a RESERVE: a framework (its info) or an operator (none), with the principal to check, if any. */
    public record Requester(Optional<FrameworkInfo> framework, Optional<String> principal) {

        public static Requester framework(FrameworkInfo info) {
            return new Requester(Optional.of(info),
                    info.hasPrincipal() ? Optional.of(info.getPrincipal()) : Optional.empty());
        }

        public static Requester operator() {
            return new Requester(Optional.empty(), Optional.empty());
        }
    }

    /**
     * A RESERVE of {@code resources}, converting {@code source} when given (operators only: a reservation update).
     */
    public static Optional<String> reserve(Resources resources, Resources source, Requester requester) {
        if (!source.isEmpty()) {
            Optional<String> problem = sourceProblem(source, resources);
            if (problem.isPresent()) {
                return problem;
            }
        }
        for (Resource resource : resources) {
            Optional<String> problem = reservedProblem(resource, requester);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (requester.framework().isPresent()) {
            Set<String> allocationRoles = new TreeSet<>();
            resources.forEach(resource -> allocationRoles.add(resource.getAllocationInfo().getRole()));
            if (allocationRoles.size() > 1) {
                List<String> two = List.copyOf(allocationRoles).subList(0, 2);
                return Optional.of("Invalid reservation resources: The resources have multiple allocation roles ('"
                        + two.get(0) + "' and '" + two.get(1) + "') but only one allocation role is allowed");
            }
        }
        return Optional.empty();
    }

    /** An UNRESERVE of {@code resources}. */
    public static Optional<String> unreserve(Resources resources) {
        for (Resource resource : resources) {
            if (!ReservationOperations.isDynamicallyReserved(resource)) {
                return Optional.of("Resource " + text(resource) + " is not dynamically reserved");
            }
            if (resource.hasDisk() && resource.getDisk().hasPersistence()) {
                return Optional.of("A dynamically reserved persistent volume " + text(resource) + " cannot be"
                        + " unreserved directly. Please destroy the persistent volume first then unreserve the"
                        + " resource");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sourceProblem(Resources source, Resources target) {
        Optional<String> problem = mixedReservations(source).map(message -> "Invalid source: " + message);
        if (problem.isEmpty()) {
            problem = mixedReservations(target).map(message -> "Invalid resources: " + message);
        }
        if (problem.isPresent()) {
            return problem;
        }
        Resources sourceQuantities = withoutReservations(source);
        Resources targetQuantities = withoutReservations(target);
        if (!sourceQuantities.equals(targetQuantities)) {
            return Optional.of("Source and target resources should refer to identical resource quantities: "
                    + sourceQuantities + " vs. " + targetQuantities);
        }
        return Optional.empty();
    }

    private static Optional<String> mixedReservations(Resources resources) {
        if (resources.isEmpty()) {
            return Optional.of("Resource cannot be empty");
        }
        List<Resource.ReservationInfo> first = resources.toList().get(0).getReservationsList();
        boolean mixed = resources.toList().stream().anyMatch(resource -> !resource.getReservationsList()
                .equals(first));
        // Mesos's text runs the resources into the sentence, without a space.
        return mixed ? Optional.of("Mixed reservations are not supported" + resources) : Optional.empty();
    }

    private static Resources withoutReservations(Resources resources) {
        return Resources.ofValidated(resources.toList().stream()
                .map(resource -> resource.toBuilder().clearReservations().build()).toList());
    }

    private static Optional<String> reservedProblem(Resource resource, Requester requester) {
        if (!ReservationOperations.isDynamicallyReserved(resource)) {
            return Optional.of("Resource " + text(resource) + " is not dynamically reserved");
        }
        Optional<String> problem = principalProblem(resource, requester.principal());
        if (problem.isPresent()) {
            return problem;
        }
        return requester.framework().isPresent() ? frameworkProblem(resource, requester.framework().get())
                : resource.hasAllocationInfo()
                        ? Optional.of("A reserve operation was attempted with an allocated resource, but the operator"
                                + " API only allows reservations to be made to unallocated resources")
                        : Optional.empty();
    }

    private static Optional<String> principalProblem(Resource resource, Optional<String> principal) {
        if (principal.isEmpty()) {
            return Optional.empty();
        }
        Resource.ReservationInfo reservation = resource.getReservations(resource.getReservationsCount() - 1);
        if (!reservation.hasPrincipal()) {
            return Optional.of("A reserve operation was attempted by principal '" + principal.get() + "', but there"
                    + " is a reserved resource in the request with no principal set");
        }
        if (!reservation.getPrincipal().equals(principal.get())) {
            return Optional.of("A reserve operation was attempted by authenticated principal '" + principal.get()
                    + "', which does not match a reserved resource in the request with principal '"
                    + reservation.getPrincipal() + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> frameworkProblem(Resource resource, FrameworkInfo framework) {
        if (ReservationOperations.hasRefinedReservations(resource)
                && framework.getCapabilitiesList().stream().noneMatch(capability -> capability.getType()
                        == FrameworkInfo.Capability.Type.RESERVATION_REFINEMENT)) {
            // Meseta's own rule: such a framework is never offered refined reservations, so cannot make one.
            return Optional.of("Resource " + text(resource) + " with reservation refinement cannot be reserved by"
                    + " a framework without RESERVATION_REFINEMENT capability");
        }
        String reservationRole = ResourceFormats.reservationRole(resource);
        if (!resource.hasAllocationInfo()) {
            return Optional.of("A reserve operation was attempted on unallocated resource " + text(resource)
                    + ", but frameworks can only perform reservations on allocated resources");
        }
        String allocationRole = resource.getAllocationInfo().getRole();
        if (!allocationRole.equals(reservationRole)) {
            return Optional.of("A reserve operation was attempted for a resource with role '" + reservationRole
                    + "', but the resource was allocated to role '" + allocationRole + "'");
        }
        Set<String> roles = new TreeSet<>(Framework.roles(framework));
        if (!roles.contains(allocationRole)) {
            return Optional.of("A reserve operation was attempted for a resource allocated to role '"
                    + allocationRole + "', but the framework only has roles '" + set(roles) + "'");
        }
        return Optional.empty();
    }

    /** Mesos's rendering of a set: {@code { a, b }}. */
    private static String set(Set<String> items) {
        return "{ " + String.join(", ", items) + " }";
    }

    private static String text(Resource resource) {
        return Resources.ofValidated(List.of(resource)).toString();
    }
}
