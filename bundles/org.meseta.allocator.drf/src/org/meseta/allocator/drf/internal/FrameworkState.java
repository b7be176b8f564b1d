package org.meseta.allocator.drf.internal;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;

/**
 * What the allocator knows of one framework: its roles, the roles it suppressed, whether it is connected, and its
 * offer filters. It may be offered resources in a role exactly when it is {@link #offerable offerable} there.
 * Mutable; owned by the allocator's thread.
 */
final class FrameworkState {

    private final FrameworkID id;
    private final OfferFilters filters = new OfferFilters();
    private SortedSet<String> roles;
    private SortedSet<String> suppressed;
    private boolean active;

    FrameworkState(FrameworkID id, FrameworkInfo info, boolean active, Set<String> suppressedRoles) {
        this.id = id;
        this.active = active;
        roles = rolesOf(info);
        suppressed = subscribed(suppressedRoles);
    }

    /** The roles a framework subscribes to: {@code roles} with {@code MULTI_ROLE}, else {@code role} ({@code *}). */
    @SuppressWarnings("deprecation") // 'role' is how frameworks without MULTI_ROLE name their role.
    static SortedSet<String> rolesOf(FrameworkInfo info) {
        boolean multiRole = info.getCapabilitiesList().stream()
                .anyMatch(capability -> capability.getType() == FrameworkInfo.Capability.Type.MULTI_ROLE);
        // The proto's default for 'role' is '*'.
        return Collections.unmodifiableSortedSet(
                multiRole ? new TreeSet<>(info.getRolesList()) : new TreeSet<>(Set.of(info.getRole())));
    }

    FrameworkID id() {
        return id;
    }

    OfferFilters filters() {
        return filters;
    }

    SortedSet<String> roles() {
        return roles;
    }

    boolean offerable(String role) {
        return active && roles.contains(role) && !suppressed.contains(role);
    }

    void setActive(boolean active) {
        this.active = active;
    }

    /** The framework's roles among {@code requested}; all of them when {@code requested} is empty, as in Mesos. */
    SortedSet<String> rolesOrAll(Set<String> requested) {
        return requested.isEmpty() ? roles : subscribed(requested);
    }

    /** Takes new roles and suppressed roles; roles it left lose their filters. */
    void update(FrameworkInfo info, Set<String> suppressedRoles) {
        SortedSet<String> left = new TreeSet<>(roles);
        roles = rolesOf(info);
        left.removeAll(roles);
        left.forEach(filters::clear);
        suppressed = subscribed(suppressedRoles);
    }

    void suppress(Set<String> suppressedRoles) {
        SortedSet<String> more = new TreeSet<>(suppressed);
        more.addAll(suppressedRoles);
        suppressed = subscribed(more);
    }

    /** Unsuppresses the roles and drops their offer filters. */
    void revive(Set<String> revivedRoles) {
        SortedSet<String> fewer = new TreeSet<>(suppressed);
        fewer.removeAll(revivedRoles);
        suppressed = Collections.unmodifiableSortedSet(fewer);
        revivedRoles.forEach(filters::clear);
    }

    // Suppressing a role the framework does not subscribe to means nothing; the master validates requests.
    private SortedSet<String> subscribed(Set<String> requested) {
        SortedSet<String> known = new TreeSet<>(requested);
        known.retainAll(roles);
        return Collections.unmodifiableSortedSet(known);
    }
}
