package org.meseta.agent.internal.tasks;

import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLimits;

/**
 * A container whose processes run now, copied off the agent's actor thread for its usage to be measured.
 *
 * @param info the executor it runs (the agent's own for a command task)
 * @param pid its first process
 * @param limits what its executor and live tasks may use
 */
public record ContainerSnapshot(FrameworkID frameworkId, ExecutorInfo info, ContainerId id, long pid,
        ContainerLimits limits) {}
