package org.meseta.allocator.api;

import java.util.Objects;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.meseta.api.resources.Resources;

/**
 * Resources of one agent allocated to one framework in one role: the master makes an offer of it.
 *
 * @param resources not empty; every resource carries {@code allocation_info.role} equal to {@code role}
 */
public record Allocation(FrameworkID frameworkId, String role, AgentID agentId, Resources resources) {

    public Allocation {
        Objects.requireNonNull(frameworkId, "frameworkId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(resources, "resources");
    }
}
