package org.meseta.console.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.mesos.v1.master.Protos.Response.GetAgents;

/**
 * One agent as the console shows it. Immutable; a new value replaces it whenever anything in it changes.
 *
 * @param id the agent id the master assigned
 * @param hostname the host it runs on
 * @param state where it stands with the master
 * @param attributes its attributes in their order, name to value in Mesos text form ({@code r1},
 *        {@code [1-4]}, {@code {a,b}})
 * @param attributesText the attributes in Mesos text form, {@code rack:r1;zone:a}; empty if none
 * @param roles every role that has resources reserved on the agent, tasks on it or offers of it, sorted
 * @param resources its resources as bars
 * @param tasks its tasks that have not ended (unreachable ones included), oldest first
 * @param details the master's last full description of it; empty for an agent the master only recovered from
 *        its registry
 */
public record AgentView(String id, String hostname, AgentState state, Map<String, String> attributes,
        String attributesText, Set<String> roles, AgentResources resources, List<TaskView> tasks,
        Optional<GetAgents.Agent> details) {

    public AgentView {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        tasks = List.copyOf(tasks);
    }
}
