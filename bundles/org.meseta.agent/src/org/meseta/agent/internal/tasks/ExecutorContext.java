package org.meseta.agent.internal.tasks;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.agent.internal.containerizer.Containerizer;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.executor.UserSwitch;
import org.meseta.agent.internal.fetcher.Fetcher;
import org.meseta.agent.internal.updates.StatusUpdateManager;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.daemon.Actor;
import org.meseta.daemon.TaskCounters;
import org.meseta.daemon.files.AttachedPaths;

/**
 * The agent's services that executor runs use. Everything here but {@code blocking} is used on the actor thread.
 *
 * @param actor the agent's actor: timers, and where results of background work are handed back
 * @param blocking runs blocking work (fetching, user lookup) off the actor thread
 * @param agent the agent's info, its id set before any task arrives
 * @param master sends a call to the master, fire and forget
 * @param taskCounters counts the states tasks reach, for {@code /metrics/snapshot}
 * @param containerizer the isolators containers are prepared, isolated, measured and cleaned up with
 */
public record ExecutorContext(
        Actor actor,
        Executor blocking,
        ExecutorSettings settings,
        Supplier<AgentInfo> agent,
        StatusUpdateManager updates,
        Consumer<AgentCall> master,
        ContainerLauncher launcher,
        Fetcher fetcher,
        UserSwitch users,
        AttachedPaths files,
        TaskCounters taskCounters,
        Containerizer containerizer) {}
