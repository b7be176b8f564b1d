package org.meseta.api.resources;

import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.Resource;

/**
 * Converts resources to the reservation format a reader understands (see {@link Reservations} for the formats):
 * <ul>
 * <li>{@link #preRefinement}: for frameworks without the {@code RESERVATION_REFINEMENT} capability, which read only
 * the deprecated {@code role} ({@code *} when unreserved) and {@code reservation} fields;</li>
 * <li>{@link #endpoint}: for operator endpoints, both forms at once where a single reservation allows it.</li>
 * </ul>
 * Stateless and thread-safe.
 */
@SuppressWarnings("deprecation") // Writing the deprecated 'role' and 'reservation' fields is this class's job.
public final class ResourceFormats {
    private ResourceFormats() {
    }

    /**
     * The resources in the pre-refinement format: {@code reservations} replaced by {@code role} and, for a dynamic
     * reservation, {@code reservation} (principal and labels). Every resource must carry at most one reservation;
     * the allocator never offers refined reservations to frameworks that cannot read them.
     *
     * @throws IllegalArgumentException if a resource carries a refined reservation
     */
    public static List<Resource> preRefinement(Iterable<Resource> resources) {
        List<Resource> converted = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource.getReservationsCount() > 1) {
                throw new IllegalArgumentException("A refined reservation has no pre-refinement form: "
                        + ResourceText.format(resource));
            }
            converted.add(Reservations.toEndpointFormat(resource).toBuilder().clearReservations().build());
        }
        return converted;
    }

    /** Whether the resource can be shown to a framework without {@code RESERVATION_REFINEMENT}. */
    public static boolean hasPreRefinementForm(Resource resource) {
        return resource.getReservationsCount() <= 1;
    }

    /** The resources in Mesos's "endpoint" format: post-refinement plus the deprecated fields where they apply. */
    public static List<Resource> endpoint(Iterable<Resource> resources) {
        List<Resource> converted = new ArrayList<>();
        resources.forEach(resource -> converted.add(Reservations.toEndpointFormat(resource)));
        return converted;
    }

    /** The role a resource is reserved to (its most refined reservation), or {@code *} when unreserved. */
    public static String reservationRole(Resource resource) {
        int count = resource.getReservationsCount();
        return count == 0 ? Roles.DEFAULT_ROLE : resource.getReservations(count - 1).getRole();
    }
}
