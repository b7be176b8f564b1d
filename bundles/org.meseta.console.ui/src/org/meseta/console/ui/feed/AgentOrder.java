package org.meseta.console.ui.feed;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.meseta.console.core.model.AgentView;

/**
 * The order in which the console lists agents: by host name, and agents of one host (all of a local cluster are
 * "localhost") in the order the master admitted them: ids compare by the master's part, then by serial number, so
 * S2 comes before S10.
 */
public final class AgentOrder {

    /** The order. */
    public static final Comparator<AgentView> BY_HOST = Comparator.comparing(AgentView::hostname)
            .thenComparing(agent -> idPrefix(agent.id()))
            .thenComparingInt(agent -> idSerial(agent.id()).length())
            .thenComparing(agent -> idSerial(agent.id()))
            .thenComparing(AgentView::id);

    /** A Mesos agent id: the id of the master that admitted the agent, "-S" and a serial number. */
    private static final Pattern NUMBERED_ID = Pattern.compile("(.*-S)([0-9]+)");

    private AgentOrder() {
    }

    private static String idPrefix(String id) {
        Matcher numbered = NUMBERED_ID.matcher(id);
        return numbered.matches() ? numbered.group(1) : id;
    }

    /** The serial number's digits; comparing by length first orders them as numbers. */
    private static String idSerial(String id) {
        Matcher numbered = NUMBERED_ID.matcher(id);
        return numbered.matches() ? numbered.group(2) : "";
    }
}
