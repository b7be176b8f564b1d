package org.meseta.master.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.DrainInfo;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Task;
import org.meseta.allocator.api.Quota;
import org.meseta.api.resources.Resources;
import org.meseta.master.internal.offers.OutstandingOffer;

/**
 * An immutable snapshot of what the master knows, taken on the actor thread and rendered anywhere.
 *
 * @param electedTime when this master was elected leader; empty while it stands by
 * @param frameworks frameworks that are not removed, connected or not
 * @param completedFrameworks the newest removed frameworks
 * @param unreachableAgents how many agents are unreachable
 * @param recoveredAgents the agents the registry listed when this master was elected that have not re-registered
 *        yet (and are not unreachable yet)
 * @param weights the roles whose weight was set, role → weight; other roles weigh 1.0
 * @param quotas the roles with quota, role → quota, in role order
 */
public record ClusterView(MasterInfo master, Instant startTime, Optional<Instant> electedTime, List<AgentView> agents,
        List<FrameworkView> frameworks, List<FrameworkView> completedFrameworks, int unreachableAgents,
        Map<String, Double> weights, Map<String, Quota> quotas, List<AgentInfo> recoveredAgents) {

    /** The weight of {@code role}: 1.0 unless set. */
    public double weight(String role) {
        return weights.getOrDefault(role, 1.0);
    }

    public long activeAgents() {
        return agents.stream().filter(AgentView::active).count();
    }

    /**
     * One agent in the snapshot.
     *
     * @param used what tasks and executors use on it
     * @param offered what its outstanding offers hold
     * @param active connected and not deactivated: its resources are offered
     * @param deactivated deactivated by the operator (DEACTIVATE_AGENT or DRAIN_AGENT)
     * @param drainInfo its drain, when the operator drains it or has drained it
     * @param drainStartTime when it was told to drain, while draining
     */
    public record AgentView(AgentInfo info, Resources total, Resources used, Resources offered, String pid,
            String version, Instant registeredTime, Optional<Instant> reregisteredTime, boolean active,
            boolean deactivated, Optional<DrainInfo> drainInfo, Optional<Instant> drainStartTime) {}

    /**
     * One framework in the snapshot.
     *
     * @param active connected and not deactivated: it is offered resources
     * @param executors its custom executors, by agent id
     * @param used what its live tasks and executors use
     * @param offered what its outstanding offers hold
     */
    public record FrameworkView(FrameworkInfo info, boolean active, boolean connected, boolean recovered,
            Instant registeredTime, Optional<Instant> reregisteredTime, Optional<Instant> unregisteredTime,
            List<Task> tasks, List<Task> unreachableTasks, List<Task> completedTasks, List<OutstandingOffer> offers,
            Map<String, List<ExecutorInfo>> executors, Resources used, Resources offered) {}
}
