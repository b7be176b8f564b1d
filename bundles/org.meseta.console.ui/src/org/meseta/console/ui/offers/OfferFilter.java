package org.meseta.console.ui.offers;

import java.util.Optional;

import org.meseta.console.core.history.OfferHistory;
import org.meseta.console.core.model.OfferView;
import org.meseta.console.core.model.RoleView;

/**
 * Which offers the Offers view shows: those of one framework, of one agent, or both, or all. Roles are shown for the
 * chosen framework only when it is subscribed to them. Immutable.
 *
 * @param frameworkId the framework chosen, if any
 * @param agentId the agent chosen, if any
 */
record OfferFilter(Optional<String> frameworkId, Optional<String> agentId) {

    static final OfferFilter ALL = new OfferFilter(Optional.empty(), Optional.empty());

    boolean matches(OfferView offer) {
        return matches(offer.frameworkId(), offer.agentId());
    }

    boolean matches(OfferHistory.Entry entry) {
        return matches(entry.event().frameworkId(), entry.event().agentId());
    }

    boolean matches(RoleView role) {
        return frameworkId.map(role.frameworks()::contains).orElse(true);
    }

    private boolean matches(String framework, String agent) {
        return frameworkId.map(framework::equals).orElse(true) && agentId.map(agent::equals).orElse(true);
    }
}
