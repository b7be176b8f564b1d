package org.meseta.master.internal.offers;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.OfferID;
import org.meseta.api.resources.Resources;

/**
 * An offer sent to a framework and not yet accepted, declined or rescinded.
 *
 * @param resources what the offer holds, post-refinement, each resource with {@code allocation_info.role}; this is
 *     what the allocator counts as allocated and what an ACCEPT may use
 * @param role the role it was allocated to
 */
public record OutstandingOffer(OfferID id, FrameworkID frameworkId, AgentID agentId, String role,
        Resources resources) {}
