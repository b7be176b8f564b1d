package org.meseta.console.core.model;

import java.util.List;

/**
 * The allocator's view of one role, from Meseta's offer stream. Immutable.
 *
 * @param name the role
 * @param weight its weight
 * @param share its weighted dominant share, by which the allocator orders it among its siblings
 * @param frameworks the ids of the frameworks subscribed to it
 * @param allocated what its tasks and executors use
 * @param offered what is offered to it
 * @param reserved what is reserved to it on any agent
 * @param quota its quota and what it consumes ({@link RoleQuota#NONE} from a master that does not send them)
 */
public record RoleView(String name, double weight, double share, List<String> frameworks, Amounts allocated,
        Amounts offered, Amounts reserved, RoleQuota quota) {

    public RoleView {
        frameworks = List.copyOf(frameworks);
    }

    /** A role without quota. */
    public RoleView(String name, double weight, double share, List<String> frameworks, Amounts allocated,
            Amounts offered, Amounts reserved) {
        this(name, weight, share, frameworks, allocated, offered, reserved, RoleQuota.NONE);
    }
}
