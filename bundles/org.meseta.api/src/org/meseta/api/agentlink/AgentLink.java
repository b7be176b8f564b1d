package org.meseta.api.agentlink;

/** Endpoints of the agent link, served by the master. */
public final class AgentLink {

    /** Opens the link: body {@link AgentSubscribe}, response a RecordIO stream of {@link AgentEvent}s. */
    public static final String SUBSCRIBE_PATH = "/master/internal/agent/subscribe";

    /** Everything else the agent tells the master: body one {@link AgentCall}, response 202. */
    public static final String CALL_PATH = "/master/internal/agent/call";

    private AgentLink() {}
}
