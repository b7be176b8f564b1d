package org.meseta.master.internal.core;

import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Offer.Operation;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.ReservationOperations;
import org.meseta.api.resources.ReservationOperations.Conversion;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.frameworks.Framework;
import org.meseta.master.internal.validation.OfferedResources;
import org.meseta.master.internal.validation.ReservationCheck;

/**
 * RESERVE and UNRESERVE operations in an ACCEPT, as Mesos applies them: each is validated against what the offers
 * still hold and applied at once (the agent's total in the master, the allocator and the agent change), so later
 * operations of the same ACCEPT see the converted resources. An invalid operation is dropped: it is logged, an
 * operation with an {@code id} gets an OPERATION_ERROR update, and the ACCEPT goes on without it (a later LAUNCH
 * that needed its resources then fails with TASK_ERROR). Runs on the master's actor thread.
 */
final class ReservationOffers {

    private static final System.Logger LOG = System.getLogger(ReservationOffers.class.getName());

    private final Cluster cluster;

    ReservationOffers(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Applies a RESERVE or UNRESERVE of the framework's on the offers it took.
     *
     * @param available what the offers still hold, allocated to the offers' role
     * @return the conversion made, empty when the operation was dropped
     */
    Optional<Conversion> apply(Framework framework, OfferLifecycle.Taken taken, Operation operation,
            Resources available) {
        if (operation.hasId()) {
            // Meseta agents do not report operation status, as Mesos agents without RESOURCE_PROVIDER do not.
            String message = "Operation requested feedback, but agent " + taken.agent().id().getValue()
                    + " does not have the required RESOURCE_PROVIDER capability";
            framework.send(Events.operationError(operation.getId(), taken.agent().id(), message));
            return drop(framework, operation, message);
        }
        boolean reserve = operation.getType() == Operation.Type.RESERVE;
        List<Resource> named = reserve ? operation.getReserve().getResourcesList()
                : operation.getUnreserve().getResourcesList();
        Resources resources;
        try {
            resources = OfferedResources.of(named, taken.role());
        } catch (ResourceParseException e) {
            return drop(framework, operation, "Operation attempted with invalid resources: " + e.getMessage());
        }
        Optional<String> problem = reserve
                ? ReservationCheck.reserve(resources, Resources.empty(),
                        ReservationCheck.Requester.framework(framework.info()))
                : ReservationCheck.unreserve(resources);
        if (problem.isPresent()) {
            return drop(framework, operation, problem.get() + "; on agent " + taken.agent().id().getValue());
        }
        if (reserve && operation.getReserve().getSourceCount() > 0) {
            return drop(framework, operation, "Reservation updates are not yet implemented for the scheduler API.");
        }
        Conversion conversion = reserve ? ReservationOperations.reserve(resources)
                : ReservationOperations.unreserve(resources);
        if (conversion.applyTo(available) == null) {
            return drop(framework, operation, available + " does not contain " + conversion.consumed());
        }
        taken.agent().convertTotal(conversion.unallocated());
        cluster.allocator.updateAllocation(framework.id(), taken.agent().id(), conversion.consumed(),
                conversion.converted());
        LOG.log(System.Logger.Level.INFO, "Applied {0} of {1} from framework {2} to agent {3}", operation.getType(),
                resources, framework.id().getValue(), taken.agent().id().getValue());
        return Optional.of(conversion);
    }

    private static Optional<Conversion> drop(Framework framework, Operation operation, String reason) {
        LOG.log(System.Logger.Level.WARNING, "Dropping {0} offer operation from framework {1}: {2}",
                operation.getType(), framework.id().getValue(), reason);
        return Optional.empty();
    }
}
