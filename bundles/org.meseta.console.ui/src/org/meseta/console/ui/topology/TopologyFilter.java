package org.meseta.console.ui.topology;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;

/**
 * Which agents the topology shows: all of these must hold.
 *
 * <ul>
 * <li>every attribute term: {@code name:value} matches an agent whose attribute {@code name} has exactly that value
 * (as Mesos writes it: {@code rack:r1}, {@code cores:8}); a term without a colon matches an agent whose host name,
 * id or attributes contain it, ignoring case;
 * <li>the role, if any: the agent has resources reserved to it, tasks of it or offers to it;
 * <li>the state, if any.
 * </ul>
 *
 * @param attributeTerms the terms, none for any agent
 * @param role the role, or empty for any
 * @param state the state, or empty for any
 */
record TopologyFilter(List<String> attributeTerms, Optional<String> role, Optional<AgentState> state) {

    /** Every agent. */
    static final TopologyFilter NONE = new TopologyFilter(List.of(), Optional.empty(), Optional.empty());

    TopologyFilter {
        attributeTerms = List.copyOf(attributeTerms);
    }

    /** This filter with the terms typed as {@code text}: separated by spaces, commas or semicolons. */
    TopologyFilter withAttributes(String text) {
        return new TopologyFilter(Arrays.stream(text.strip().split("[\\s;,]+")).filter(term -> !term.isEmpty())
                .toList(), role, state);
    }

    TopologyFilter withRole(Optional<String> newRole) {
        return new TopologyFilter(attributeTerms, newRole, state);
    }

    TopologyFilter withState(Optional<AgentState> newState) {
        return new TopologyFilter(attributeTerms, role, newState);
    }

    boolean matches(AgentView agent) {
        if (state.isPresent() && agent.state() != state.get()) {
            return false;
        }
        if (role.isPresent() && !agent.roles().contains(role.get())) {
            return false;
        }
        return attributeTerms.stream().allMatch(term -> matches(term, agent));
    }

    private static boolean matches(String term, AgentView agent) {
        int colon = term.indexOf(':');
        if (colon > 0) {
            return term.substring(colon + 1).equals(agent.attributes().get(term.substring(0, colon)));
        }
        String lower = term.toLowerCase(Locale.ROOT);
        return agent.hostname().toLowerCase(Locale.ROOT).contains(lower)
                || agent.id().toLowerCase(Locale.ROOT).contains(lower)
                || agent.attributesText().toLowerCase(Locale.ROOT).contains(lower);
    }
}
