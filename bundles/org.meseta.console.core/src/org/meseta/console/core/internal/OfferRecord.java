package org.meseta.console.core.internal;

import java.util.List;
import java.util.OptionalDouble;

import org.apache.mesos.v1.Protos.Offer;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.RoleView;

/** One record of Meseta's offer stream ({@code GET /api/v1/meseta/offers}, docs/api-compatibility.md). */
sealed interface OfferRecord {

    /** The first record: every outstanding offer and the role view. */
    record Subscribed(List<Offer> offers, List<RoleView> roles) implements OfferRecord {
    }

    /** An offer was made. */
    record Created(Offer offer) implements OfferRecord {
    }

    /** An offer ended: accepted, declined, rescinded or timed out. */
    record Ended(OfferEvent.Kind kind, String offerId, String frameworkId, String agentId, String role,
            OptionalDouble refuseSeconds) implements OfferRecord {
    }

    /** The role view changed. */
    record Roles(List<RoleView> roles) implements OfferRecord {
    }

    /** Keep-alive. */
    record Heartbeat() implements OfferRecord {
    }
}
