package org.meseta.console.core.model;

import java.util.OptionalDouble;

/**
 * Something that happened to an offer, in the order the master reported it: what an offers view keeps as history.
 *
 * @param kind what happened
 * @param offerId the offer
 * @param frameworkId the framework it was made to
 * @param agentId the agent whose resources it offered
 * @param role the role it was made to
 * @param resources what it offered (as far as the console knew the offer; none if it did not)
 * @param refuseSeconds for a decline, how long the allocator keeps the resources from the framework
 */
public record OfferEvent(Kind kind, String offerId, String frameworkId, String agentId, String role,
        Amounts resources, OptionalDouble refuseSeconds) {

    /** What happened to an offer. */
    public enum Kind {
        /** Made to a framework. */
        CREATED,
        /** Used by the framework's {@code ACCEPT}. */
        ACCEPTED,
        /** Declined by the framework. */
        DECLINED,
        /** Withdrawn by the master. */
        RESCINDED,
        /** Withdrawn after {@code --offer_timeout}. */
        TIMED_OUT
    }
}
