package org.meseta.api.resources;

import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;

/**
 * The two reservation formats of a {@link Resource}. "Pre-refinement" (old frameworks): the deprecated
 * {@code role} field ({@code *} = unreserved) plus an optional {@code reservation} for a dynamic reservation.
 * "Post-refinement": a stack of {@code reservations}, each with a type and a role, every one after the first a
 * DYNAMIC refinement to a sub-role of the previous. A resource carrying one reservation may have both forms if
 * they agree (the "endpoint" format). Meseta keeps the post-refinement format internally.
 */
@SuppressWarnings("deprecation") // Handling the deprecated 'role' and 'reservation' fields is this class's job.
final class Reservations {
    private Reservations() {
    }

    /** @return why the reservation fields of {@code resource} are inconsistent, or empty */
    static Optional<String> problem(Resource resource) {
        return resource.getReservationsCount() == 0 ? preRefinementProblem(resource) : postRefinementProblem(resource);
    }

    private static Optional<String> preRefinementProblem(Resource resource) {
        Optional<String> roleProblem = Roles.problem(resource.getRole());
        if (roleProblem.isPresent() || !resource.hasReservation()) {
            return roleProblem;
        }
        if (resource.getReservation().hasType()) {
            return Optional.of("'reservation.type' must not be set in the deprecated 'reservation' field");
        }
        if (resource.getReservation().hasRole()) {
            return Optional.of("'reservation.role' must not be set in the deprecated 'reservation' field");
        }
        if (resource.getRole().equals(Roles.DEFAULT_ROLE)) {
            return Optional.of("role '*' cannot be dynamically reserved");
        }
        return Optional.empty();
    }

    private static Optional<String> postRefinementProblem(Resource resource) {
        List<ReservationInfo> stack = resource.getReservationsList();
        for (int i = 0; i < stack.size(); i++) {
            Optional<String> problem = reservationProblem(stack.get(i), i == 0 ? null : stack.get(i - 1).getRole());
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (stack.size() > 1) {
            return resource.hasRole() || resource.hasReservation()
                    ? Optional.of("the deprecated 'role' and 'reservation' fields must not be set"
                            + " on a resource with refined reservations")
                    : Optional.empty();
        }
        return endpointFormatProblem(resource, stack.get(0));
    }

    /** @param ancestor the role of the reservation below this one in the stack, or null for the first */
    private static Optional<String> reservationProblem(ReservationInfo reservation, String ancestor) {
        if (!reservation.hasType() || reservation.getType() == ReservationInfo.Type.UNKNOWN) {
            return Optional.of("a reservation must have the type STATIC or DYNAMIC");
        }
        if (!reservation.hasRole()) {
            return Optional.of("a reservation must have a role");
        }
        if (reservation.getRole().equals(Roles.DEFAULT_ROLE)) {
            return Optional.of("role '*' cannot be reserved");
        }
        Optional<String> roleProblem = Roles.problem(reservation.getRole());
        if (roleProblem.isPresent() || ancestor == null) {
            return roleProblem;
        }
        if (reservation.getType() == ReservationInfo.Type.STATIC) {
            return Optional.of("a refined reservation cannot be STATIC");
        }
        if (!Roles.isStrictSubroleOf(reservation.getRole(), ancestor)) {
            return Optional.of("role '" + reservation.getRole() + "' is not a refinement of '" + ancestor + "'");
        }
        return Optional.empty();
    }

    /** The deprecated fields may accompany a single reservation, if they say the same thing. */
    private static Optional<String> endpointFormatProblem(Resource resource, ReservationInfo reservation) {
        if (resource.hasRole() && !resource.getRole().equals(reservation.getRole())) {
            return Optional.of("the deprecated 'role' field '" + resource.getRole()
                    + "' does not match the reservation role '" + reservation.getRole() + "'");
        }
        if (reservation.getType() == ReservationInfo.Type.STATIC) {
            return resource.hasReservation()
                    ? Optional.of("the deprecated 'reservation' field must not be set for a STATIC reservation")
                    : Optional.empty();
        }
        if (resource.hasRole() != resource.hasReservation()) {
            return Optional.of("the deprecated 'role' and 'reservation' fields must be both set or both unset");
        }
        if (resource.hasReservation()
                && (!resource.getReservation().getPrincipal().equals(reservation.getPrincipal())
                        || !resource.getReservation().getLabels().equals(reservation.getLabels()))) {
            return Optional.of("the deprecated 'reservation' field does not match 'reservations'");
        }
        return Optional.empty();
    }

    /**
     * Converts a valid resource to the post-refinement format: {@code role} and {@code reservation} are folded
     * into {@code reservations} (STATIC when only a role is given, DYNAMIC with a reservation) and cleared.
     */
    static Resource upgrade(Resource resource) {
        if (!resource.hasRole() && !resource.hasReservation()) {
            return resource;
        }
        Resource.Builder builder = resource.toBuilder().clearRole().clearReservation();
        if (resource.getReservationsCount() > 0 || resource.getRole().equals(Roles.DEFAULT_ROLE)) {
            return builder.build();
        }
        ReservationInfo.Builder reservation = resource.hasReservation()
                ? resource.getReservation().toBuilder().setType(ReservationInfo.Type.DYNAMIC)
                : ReservationInfo.newBuilder().setType(ReservationInfo.Type.STATIC);
        return builder.addReservations(reservation.setRole(resource.getRole())).build();
    }

    /**
     * Converts a post-refinement resource to Mesos's "endpoint" format, which old tools read: an unreserved
     * resource also carries {@code role: "*"}; a resource with a single reservation also carries that role in
     * {@code role} and, when it is dynamic, its principal and labels in {@code reservation}; refined reservations
     * are left as they are.
     */
    static Resource toEndpointFormat(Resource resource) {
        int count = resource.getReservationsCount();
        if (count > 1) {
            return resource;
        }
        Resource.Builder builder = resource.toBuilder();
        if (count == 0) {
            return builder.setRole(Roles.DEFAULT_ROLE).build();
        }
        ReservationInfo only = resource.getReservations(0);
        builder.setRole(only.getRole());
        if (only.getType() == ReservationInfo.Type.DYNAMIC) {
            ReservationInfo.Builder legacy = ReservationInfo.newBuilder();
            if (only.hasPrincipal()) {
                legacy.setPrincipal(only.getPrincipal());
            }
            if (only.hasLabels()) {
                legacy.setLabels(only.getLabels());
            }
            builder.setReservation(legacy);
        }
        return builder.build();
    }

    /** @return true if the resource (post-refinement) is dynamically reserved (its last reservation) */
    static boolean isDynamicallyReserved(Resource resource) {
        int count = resource.getReservationsCount();
        return count > 0 && resource.getReservations(count - 1).getType() == ReservationInfo.Type.DYNAMIC;
    }

    /** @return a post-refinement resource statically reserved to {@code role}, or unchanged for role '*' */
    static Resource.Builder reserveStatically(Resource.Builder resource, String role) {
        return role.equals(Roles.DEFAULT_ROLE)
                ? resource
                : resource.addReservations(ReservationInfo.newBuilder()
                        .setType(ReservationInfo.Type.STATIC).setRole(role));
    }
}
