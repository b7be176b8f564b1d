package org.meseta.master.internal.operator;

import java.util.Map;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.daemon.OperatorCalls;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.ClusterView.FrameworkView;
import org.meseta.master.internal.offers.OutstandingOffer;

/**
 * One agent or one framework in the shape Mesos's operator API gives it, the same in {@code GET_AGENTS},
 * {@code GET_FRAMEWORKS}, {@code GET_STATE} and the {@code AGENT_ADDED} and {@code FRAMEWORK_*} events. Stateless.
 */
public final class OperatorModel {

    private OperatorModel() {}

    public static Response.GetAgents.Agent agent(AgentView agent) {
        Response.GetAgents.Agent.Builder entry = Response.GetAgents.Agent.newBuilder()
                .setAgentInfo(agent.info())
                .setActive(agent.active())
                .setDeactivated(agent.deactivated())
                .setVersion(agent.version())
                .setPid(agent.pid())
                .setRegisteredTime(OperatorCalls.time(agent.registeredTime()))
                .addAllTotalResources(agent.total().toList())
                .addAllAllocatedResources(agent.used().toList())
                .addAllOfferedResources(agent.offered().toList());
        agent.reregisteredTime().ifPresent(time -> entry.setReregisteredTime(OperatorCalls.time(time)));
        agent.drainInfo().ifPresent(entry::setDrainInfo);
        agent.drainStartTime().ifPresent(time -> entry.setEstimatedDrainStartTime(OperatorCalls.time(time)));
        return entry.build();
    }

    /** @param hostnames agent hostnames by agent id, for the framework's offers */
    public static Response.GetFrameworks.Framework framework(FrameworkView framework, Map<String, String> hostnames) {
        Response.GetFrameworks.Framework.Builder entry = Response.GetFrameworks.Framework.newBuilder()
                .setFrameworkInfo(framework.info())
                .setActive(framework.active())
                .setConnected(framework.connected())
                .setRecovered(framework.recovered())
                .setRegisteredTime(OperatorCalls.time(framework.registeredTime()))
                .addAllAllocatedResources(framework.used().toList())
                .addAllOfferedResources(framework.offered().toList());
        framework.reregisteredTime().ifPresent(time -> entry.setReregisteredTime(OperatorCalls.time(time)));
        framework.unregisteredTime().ifPresent(time -> entry.setUnregisteredTime(OperatorCalls.time(time)));
        for (OutstandingOffer offer : framework.offers()) {
            entry.addOffers(offer(offer, hostnames.getOrDefault(offer.agentId().getValue(), "")));
        }
        return entry.build();
    }

    private static Offer offer(OutstandingOffer offer, String hostname) {
        return Offer.newBuilder().setId(offer.id()).setFrameworkId(offer.frameworkId()).setAgentId(offer.agentId())
                .setHostname(hostname)
                .setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole(offer.role()))
                .addAllResources(offer.resources().toList())
                .build();
    }
}
