package org.meseta.console.core.model;

import org.apache.mesos.v1.Protos.Offer;

/**
 * An outstanding offer, from Meseta's offer stream. Immutable.
 *
 * @param id the offer id
 * @param frameworkId the framework it is made to
 * @param agentId the agent whose resources it offers
 * @param hostname that agent's host
 * @param role the role it is made to
 * @param resources what it offers
 * @param offer the master's description
 */
public record OfferView(String id, String frameworkId, String agentId, String hostname, String role,
        Amounts resources, Offer offer) {

    /** The view of the master's {@code offer}. */
    public static OfferView of(Offer offer) {
        String role = offer.hasAllocationInfo() ? offer.getAllocationInfo().getRole()
                : offer.getResourcesCount() > 0 ? ResourceRoles.of(offer.getResources(0)) : ResourceRoles.ANY;
        return new OfferView(offer.getId().getValue(), offer.getFrameworkId().getValue(),
                offer.getAgentId().getValue(), offer.getHostname(), role, Amounts.of(offer.getResourcesList()), offer);
    }
}
