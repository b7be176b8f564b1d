package org.meseta.api.resources;

import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.Resource;

/**
 * What Mesos's {@code RESERVE} and {@code UNRESERVE} operations do to resources, as conversions: a RESERVE of
 * {@code r} consumes {@code r} with its last (most refined) reservation taken off and produces {@code r}; an
 * UNRESERVE of {@code r} consumes {@code r} and produces it with its last reservation taken off. So a reservation to
 * {@code eng} turns unreserved resources into {@code eng} ones, and a refinement to {@code eng/web} turns
 * {@code eng} resources into {@code eng/web} ones. Stateless and thread-safe.
 */
public final class ReservationOperations {

    private ReservationOperations() {
    }

    /** One conversion: {@code consumed} are taken away and {@code converted} put in their place. */
    public record Conversion(Resources consumed, Resources converted) {

        /**
         * Applies the conversion to {@code resources}.
         *
         * @return the converted resources, or null if they do not contain {@link #consumed()}
         */
        public Resources applyTo(Resources resources) {
            return resources.contains(consumed) ? resources.minus(consumed).plus(converted) : null;
        }

        /** The same conversion without allocation roles, as it applies to an agent's total. */
        public Conversion unallocated() {
            return new Conversion(ReservationOperations.unallocated(consumed),
                    ReservationOperations.unallocated(converted));
        }
    }

    /** The conversion of a RESERVE of {@code reserved} (each resource dynamically reserved). */
    public static Conversion reserve(Resources reserved) {
        return new Conversion(popped(reserved), reserved);
    }

    /** The conversion of an UNRESERVE of {@code reserved} (each resource dynamically reserved). */
    public static Conversion unreserve(Resources reserved) {
        return new Conversion(reserved, popped(reserved));
    }

    /** The resources with the last reservation of each taken off; unreserved ones stay as they are. */
    public static Resources popped(Resources resources) {
        List<Resource> popped = new ArrayList<>();
        for (Resource resource : resources) {
            int count = resource.getReservationsCount();
            popped.add(count == 0 ? resource : resource.toBuilder().removeReservations(count - 1).build());
        }
        return Resources.ofValidated(popped);
    }

    /** The resources without {@code allocation_info}, comparable with an agent's total. */
    public static Resources unallocated(Resources resources) {
        List<Resource> unallocated = new ArrayList<>();
        resources.forEach(resource -> unallocated.add(resource.toBuilder().clearAllocationInfo().build()));
        return Resources.ofValidated(unallocated);
    }

    /** @return true if the (post-refinement) resource's last reservation is dynamic */
    public static boolean isDynamicallyReserved(Resource resource) {
        return Reservations.isDynamicallyReserved(resource);
    }

    /** @return true if the (post-refinement) resource carries a refined reservation: more than one */
    public static boolean hasRefinedReservations(Resource resource) {
        return resource.getReservationsCount() > 1;
    }
}
