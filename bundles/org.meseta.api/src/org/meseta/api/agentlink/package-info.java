/**
 * The link between a Meseta agent and its master (Meseta's own protocol, not part of the Mesos v1 API).
 *
 * <p>The agent opens the link with {@code POST} {@value AgentLink#SUBSCRIBE_PATH} carrying an
 * {@link AgentSubscribe} (what it offers and what it runs); the master answers with a chunked RecordIO stream of
 * {@link AgentEvent}s in Mesos JSON: first {@code REGISTERED} (the agent's id and the ping schedule), then a
 * {@code PING} every ping interval and the work for the agent (run tasks and task groups, kill tasks, shut down
 * executors and frameworks, acknowledgements and messages from frameworks, the operator's drain) and, when the master
 * refuses the agent for good (it was marked gone), {@code SHUTDOWN} before it closes the link. Everything the agent
 * tells the master is an {@link AgentCall} posted to {@value AgentLink#CALL_PATH}: pongs, status updates, executor
 * messages, executors that ended.
 *
 * <pre>
 *   agent                                     master
 *     | POST subscribe {agent_info, tasks}  --&gt; |  admits or re-admits the agent
 *     | &lt;-- 200 stream: REGISTERED             |
 *     | &lt;-- PING        (every interval)        |  no pong for max_ping_timeouts pings: inactive
 *     | POST call PONG                      --&gt; |
 *     | &lt;-- RUN_TASK(_GROUP) / KILL_TASK / ...  |  from the frameworks' calls
 *     | POST call UPDATE (retried until acked)--&gt; |  forwarded to the framework
 *     | &lt;-- ACKNOWLEDGE                        |  the framework acknowledged it
 *     | &lt;-- DRAIN                              |  the operator drains the agent: kill every task
 *     | &lt;-- SHUTDOWN, stream closes            |  the agent was marked gone: shut down, stop subscribing
 *     | stream closes (either side)              |  agent inactive; agent re-subscribes with backoff
 * </pre>
 * The full description is in docs/internals.md.
 */
package org.meseta.api.agentlink;
