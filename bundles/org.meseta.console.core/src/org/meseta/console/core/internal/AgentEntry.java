package org.meseta.console.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.meseta.api.resources.Attributes;
import org.meseta.console.core.model.AgentResources;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.OfferView;
import org.meseta.console.core.model.ResourceRoles;
import org.meseta.console.core.model.TaskView;

/**
 * What {@link LiveCluster} keeps of one agent besides its tasks and offers: the master's last description and
 * what is derived from it once. Mutable, confined to the model's thread.
 */
final class AgentEntry {

    private final String id;
    private final AgentInfo info;
    private final Optional<GetAgents.Agent> details;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final String attributesText;
    private final Amounts total;
    private final Amounts reserved;
    private final Set<String> reservedRoles = new TreeSet<>();
    /** What is allocated on the agent besides its tasks (their executors), as of the master's description. */
    private final Amounts executors;
    private AgentState state;
    /** Whether one of its tasks ended because an operator marked it gone (so its removal means gone). */
    private boolean markedGone;

    private AgentEntry(AgentInfo info, Optional<GetAgents.Agent> details, List<Resource> total, AgentState state,
            Amounts executors) {
        this.id = info.getId().getValue();
        this.info = info;
        this.details = details;
        this.state = state;
        this.total = Amounts.of(total);
        this.reserved = Amounts.reservedOf(total);
        this.executors = executors;
        for (Resource resource : total) {
            if (ResourceRoles.isReserved(resource)) {
                reservedRoles.add(ResourceRoles.reservationRole(resource));
            }
        }
        for (Attribute attribute : info.getAttributesList()) {
            String text = Attributes.toText(List.of(attribute));
            attributes.put(attribute.getName(), text.substring(text.indexOf(':') + 1));
        }
        this.attributesText = Attributes.toText(info.getAttributesList());
    }

    /**
     * An admitted agent as the master describes it; {@code tasks} are its tasks the model knows, whose resources
     * are taken out of what the master says is allocated on it to find what its executors hold.
     */
    static AgentEntry admitted(GetAgents.Agent agent, Iterable<TaskView> tasks) {
        // Older masters leave total_resources out; agent_info.resources is then the total.
        List<Resource> total = agent.getTotalResourcesCount() > 0 ? agent.getTotalResourcesList()
                : agent.getAgentInfo().getResourcesList();
        Amounts ofTasks = Amounts.NONE;
        for (TaskView task : tasks) {
            ofTasks = ofTasks.plus(task.resources());
        }
        return new AgentEntry(agent.getAgentInfo(), Optional.of(agent), total, AgentState.of(agent),
                Amounts.of(agent.getAllocatedResourcesList()).minusAtLeastZero(ofTasks));
    }

    /** An agent the master recovered from its registry after a failover and that has not re-registered yet. */
    static AgentEntry recovered(AgentInfo info) {
        return new AgentEntry(info, Optional.empty(), info.getResourcesList(), AgentState.DISCONNECTED, Amounts.NONE);
    }

    String id() {
        return id;
    }

    /** The master removed it: unreachable, or gone if its tasks said the operator marked it so. */
    void removed() {
        state = markedGone ? AgentState.GONE : AgentState.UNREACHABLE;
    }

    void markedGone() {
        markedGone = true;
    }

    /** The view of the agent with {@code tasks} on it and {@code offers} of it. */
    AgentView view(Iterable<TaskView> tasks, Iterable<OfferView> offers) {
        Set<String> roles = new TreeSet<>(reservedRoles);
        Amounts used = executors;
        List<TaskView> live = new ArrayList<>();
        for (TaskView task : tasks) {
            used = used.plus(task.resources());
            roles.add(task.role());
            live.add(task);
        }
        Amounts offered = Amounts.NONE;
        for (OfferView offer : offers) {
            offered = offered.plus(offer.resources());
            roles.add(offer.role());
        }
        return new AgentView(id, info.getHostname(), state, attributes, attributesText, roles,
                new AgentResources(total, used, offered, reserved), live, details);
    }
}
