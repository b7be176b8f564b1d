package org.meseta.console.core.model;

import java.util.List;
import java.util.Map;

/**
 * Everything the console knows about the cluster at one moment: an immutable snapshot that views read from any
 * thread. The client publishes a new one (in a {@link ClusterChange}) each time the master's events changed it.
 *
 * <p>The agents include those the master removed while the console watched (unreachable or gone), so a view can
 * show them leaving; they are dropped when the client takes a new snapshot. Tasks live inside their agent
 * ({@link AgentView#tasks()}); ended ones are in {@link #completedTasks()}.
 *
 * @param agents every agent by id
 * @param frameworks every framework the master knows (connected or not) by id
 * @param offers every outstanding offer by id; empty when {@code offersFollowed} is false
 * @param roles the allocator's view of each role, sorted by name; empty when {@code offersFollowed} is false
 * @param completedTasks the most recent tasks that ended, oldest first (at most a fixed number)
 * @param offersFollowed whether the master has Meseta's offer stream, so offers and roles are live
 */
public record ClusterState(Map<String, AgentView> agents, Map<String, FrameworkView> frameworks,
        Map<String, OfferView> offers, List<RoleView> roles, List<TaskView> completedTasks, boolean offersFollowed) {

    /** Nothing known: no master, or none that answered yet. */
    public static final ClusterState EMPTY = new ClusterState(Map.of(), Map.of(), Map.of(), List.of(), List.of(),
            false);

    public ClusterState {
        agents = Map.copyOf(agents);
        frameworks = Map.copyOf(frameworks);
        offers = Map.copyOf(offers);
        roles = List.copyOf(roles);
        completedTasks = List.copyOf(completedTasks);
    }

    /** How many tasks that have not ended the agents hold. */
    public int taskCount() {
        int count = 0;
        for (AgentView agent : agents.values()) {
            count += agent.tasks().size();
        }
        return count;
    }

    /** The name of framework {@code id}, or the id itself when the framework is unknown or has no name. */
    public String frameworkName(String id) {
        FrameworkView framework = frameworks.get(id);
        return framework == null || framework.name().isEmpty() ? id : framework.name();
    }

    /** The host name of agent {@code id}, or the id itself when the agent is unknown. */
    public String hostname(String id) {
        AgentView agent = agents.get(id);
        return agent == null ? id : agent.hostname();
    }
}
