package org.meseta.allocator.drf.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Roles;

/**
 * Resources seen per role: what a role may be offered, and allocated resources by the {@code allocation_info} mark
 * that says which role they belong to. Stateless.
 */
final class RoleResources {

    private RoleResources() {
    }

    /**
     * The resources {@code role} may be offered (Mesos's {@code allocatableTo}): unreserved ones, and those whose
     * reservation (its last, most refined, role) is to {@code role} or to an ancestor of it, since a reservation to
     * {@code eng} serves {@code eng/frontend} too.
     */
    static Resources allocatableTo(Resources resources, String role) {
        return resources.filter(resource -> {
            int count = resource.getReservationsCount();
            if (count == 0) {
                return true;
            }
            String reservedTo = resource.getReservations(count - 1).getRole();
            return reservedTo.equals(role) || Roles.isStrictSubroleOf(role, reservedTo);
        });
    }

    /** Allocated resources by their allocation role; resources without one are left out. */
    static Map<String, Resources> byAllocationRole(Resources resources) {
        String onlyRole = onlyAllocationRole(resources);
        if (onlyRole != null) {
            // The usual case, an offer or a holding in one role: the same object, which lets the sorters and the
            // ledger recognize resources they were given before.
            return Map.of(onlyRole, resources);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Resource resource : resources) {
            if (resource.hasAllocationInfo()) {
                roles.add(resource.getAllocationInfo().getRole());
            }
        }
        Map<String, Resources> byRole = new LinkedHashMap<>();
        for (String role : roles) {
            byRole.put(role, resources.filter(
                    resource -> resource.hasAllocationInfo() && resource.getAllocationInfo().getRole().equals(role)));
        }
        return byRole;
    }

    /** @return the allocation role of every one of {@code resources}, or null if they have none or several */
    private static String onlyAllocationRole(Resources resources) {
        String role = null;
        for (Resource resource : resources) {
            if (!resource.hasAllocationInfo()) {
                return null;
            }
            String own = resource.getAllocationInfo().getRole();
            if (role == null) {
                role = own;
            } else if (!role.equals(own)) {
                return null;
            }
        }
        return role;
    }
}
