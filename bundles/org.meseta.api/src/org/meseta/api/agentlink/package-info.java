/**
 * The link between a Meseta agent and its master (Meseta's own protocol, not part of the Mesos v1 API).
 *
 * <p>The agent opens the link with {@code POST} {@value AgentLink#SUBSCRIBE_PATH} carrying an
 * {@link AgentSubscribe}; the master answers with a chunked RecordIO stream of {@link AgentEvent}s in
 * Mesos JSON: first {@code REGISTERED} (the agent's id and the ping schedule), then a {@code PING} every
 * ping interval. The agent answers each ping with {@code POST} {@value AgentLink#PONG_PATH}.
 *
 * <pre>
 *   agent                                   master
 *     | POST subscribe {agent_info, pid}  -->  |  admits or re-admits the agent
 *     | &lt;-- 200 stream: REGISTERED           |
 *     | &lt;-- PING        (every interval)      |  no pong for max_ping_timeouts pings: inactive
 *     | POST pong {agent_id}             -->  |
 *     | stream closes (either side)            |  agent inactive; agent re-subscribes with backoff
 * </pre>
 * The full description is in docs/internals.md.
 */
package org.meseta.api.agentlink;
