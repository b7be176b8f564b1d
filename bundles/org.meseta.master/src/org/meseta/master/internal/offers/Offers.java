package org.meseta.master.internal.offers;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.OfferID;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;

/**
 * The master's outstanding offers by id. Ids follow Mesos, {@code <master id>-O<n>}, and are never reused, so an
 * offer can be used once only. Confined to the master's actor thread.
 */
public final class Offers {

    private final String masterId;
    private final Map<String, OutstandingOffer> byId = new LinkedHashMap<>();
    /** The pending {@code --offer_timeout} of each offer that has one. */
    private final Map<String, Actor.Timer> timeouts = new HashMap<>();
    private long nextId;

    public Offers(String masterId) {
        this.masterId = masterId;
    }

    /** Records a new offer. */
    public OutstandingOffer add(FrameworkID framework, AgentID agent, String role, Resources resources) {
        OfferID id = OfferID.newBuilder().setValue(masterId + "-O" + nextId++).build();
        OutstandingOffer offer = new OutstandingOffer(id, framework, agent, role, resources);
        byId.put(id.getValue(), offer);
        return offer;
    }

    public Optional<OutstandingOffer> find(OfferID id) {
        return Optional.ofNullable(byId.get(id.getValue()));
    }

    /** Sets the timer that rescinds the outstanding offer {@code id}; it is cancelled when the offer is removed. */
    public void timeout(OfferID id, Actor.Timer timer) {
        if (!byId.containsKey(id.getValue())) {
            timer.cancel();
            return;
        }
        Actor.Timer previous = timeouts.put(id.getValue(), timer);
        if (previous != null) {
            previous.cancel();
        }
    }

    /** Removes the offer, cancelling its timeout; from now on its id is invalid. */
    public Optional<OutstandingOffer> remove(OfferID id) {
        Actor.Timer timeout = timeouts.remove(id.getValue());
        if (timeout != null) {
            timeout.cancel();
        }
        return Optional.ofNullable(byId.remove(id.getValue()));
    }

    public Collection<OutstandingOffer> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** The outstanding offers made to one framework. */
    public Collection<OutstandingOffer> of(FrameworkID framework) {
        return byId.values().stream().filter(offer -> offer.frameworkId().equals(framework)).toList();
    }

    /** The outstanding offers of one agent. */
    public Collection<OutstandingOffer> onAgent(AgentID agent) {
        return byId.values().stream().filter(offer -> offer.agentId().equals(agent)).toList();
    }
}
