package org.meseta.api.agentlink;

/** Endpoints of the agent link, served by the master. */
public final class AgentLink {

    /** Opens the link: body {@link AgentSubscribe}, response a RecordIO stream of {@link AgentEvent}s. */
    public static final String SUBSCRIBE_PATH = "/master/internal/agent/subscribe";

    /** Answers a {@code PING}: body {@link AgentPong}, response 202. */
    public static final String PONG_PATH = "/master/internal/agent/pong";

    private AgentLink() {}
}
