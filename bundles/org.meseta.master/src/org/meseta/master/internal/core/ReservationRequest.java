package org.meseta.master.internal.core;

import java.util.List;
import java.util.Objects;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Resource;

/**
 * An operator's request to reserve or unreserve resources of an agent ({@code RESERVE_RESOURCES},
 * {@code UNRESERVE_RESOURCES}, {@code /reserve}, {@code /unreserve}), as received: resources in either reservation
 * format, not validated yet.
 *
 * @param source for a RESERVE that updates reservations: the reserved resources it converts; empty otherwise
 */
public record ReservationRequest(Kind kind, AgentID agent, List<Resource> resources, List<Resource> source) {

    /** Which operation. */
    public enum Kind {
        RESERVE,
        UNRESERVE
    }

    public ReservationRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(agent, "agent");
        resources = List.copyOf(resources);
        source = List.copyOf(source);
    }
}
