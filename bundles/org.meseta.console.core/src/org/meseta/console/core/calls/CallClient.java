package org.meseta.console.core.calls;

import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;

/**
 * Sends the console's actions: operator calls to the leading master ({@code POST /api/v1}) and the agents' isolation
 * settings ({@code /api/v1/meseta/isolation} on an agent).
 *
 * <p><b>Threading.</b> Every method returns at once with a {@link PendingCall}; the request runs on the HTTP
 * client's threads, never on the caller's, so a UI thread may call them. Results and progress are told on those
 * threads.
 *
 * <p><b>Failures.</b> Nothing escapes as an exception: an answer other than 2xx is a {@link CallResult.Refused}
 * carrying the server's status and text, no answer a {@link CallResult.Failed}. {@code 307} redirects (a master
 * that is not the leader) are followed, at most three.
 *
 * <p>Create one with {@link CallClients}.
 */
public interface CallClient extends AutoCloseable {

    /**
     * Sends {@code call} to the master that leads now, as far as the console knows ({@code ClusterClient.leader()}),
     * in the client's {@link Encoding}. Calls that answer without a body (the actions) succeed with the default
     * {@link Response}. Without a leader (not connected) the result is {@link CallResult.Failed} at once.
     */
    PendingCall<Response> operator(Call call);

    /** Reads the isolation settings of the agent at {@code agent} ({@code GET /api/v1/meseta/isolation}). */
    PendingCall<IsolationSettings> isolationSettings(AgentEndpoint agent);

    /**
     * Changes the agent's isolation settings ({@code PUT /api/v1/meseta/isolation}); the agent checks everything
     * before it changes anything, and a refusal carries every field it refused
     * ({@link CallResult.Refused#fieldErrors}).
     */
    PendingCall<IsolationSettings> changeIsolationSettings(AgentEndpoint agent, IsolationChange change);

    /** Aborts the calls under way (their results become {@link CallResult.Failed}) and frees the HTTP client. */
    @Override
    void close();
}
