package org.meseta.console.core.model;

import org.apache.mesos.v1.Protos.Resource;

/** Which role a Mesos resource belongs to, in whichever format the master wrote it. Stateless. */
public final class ResourceRoles {

    /** The role of unreserved resources that nobody is allocated. */
    public static final String ANY = "*";

    private ResourceRoles() {
    }

    /**
     * The role the resource is allocated or offered to ({@code allocation_info.role}) or else reserved to (the
     * last, most refined reservation; the pre-refinement {@code role}); {@value #ANY} when none.
     */
    public static String of(Resource resource) {
        if (resource.hasAllocationInfo() && resource.getAllocationInfo().hasRole()) {
            return resource.getAllocationInfo().getRole();
        }
        return reservationRole(resource);
    }

    /** The role the resource is reserved to, or {@value #ANY} when it is not reserved. */
    public static String reservationRole(Resource resource) {
        if (resource.getReservationsCount() > 0) {
            return resource.getReservations(resource.getReservationsCount() - 1).getRole();
        }
        return resource.hasRole() ? resource.getRole() : ANY;
    }

    /** Whether the resource is reserved to a role, statically or dynamically. */
    public static boolean isReserved(Resource resource) {
        return !ANY.equals(reservationRole(resource));
    }
}
