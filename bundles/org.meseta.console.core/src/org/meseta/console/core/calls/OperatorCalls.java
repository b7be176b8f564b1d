package org.meseta.console.core.calls;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.WeightInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;

/** The operator calls the console's actions send, as Mesos's v1 {@code master.Call}s. Stateless. */
public final class OperatorCalls {

    private OperatorCalls() {
    }

    /** {@code TEARDOWN}: the framework is removed and all its tasks are killed. */
    public static Call teardown(String frameworkId) {
        return Call.newBuilder().setType(Call.Type.TEARDOWN).setTeardown(Call.Teardown.newBuilder()
                .setFrameworkId(FrameworkID.newBuilder().setValue(frameworkId))).build();
    }

    /**
     * {@code DRAIN_AGENT}: the agent gets no new tasks and its tasks are killed.
     *
     * @param maxGracePeriod the longest grace period its tasks get to end (empty: their own kill policies)
     * @param markGone whether the agent is marked gone once drained
     */
    public static Call drainAgent(String agentId, Optional<Duration> maxGracePeriod, boolean markGone) {
        Call.DrainAgent.Builder drain = Call.DrainAgent.newBuilder().setAgentId(agent(agentId)).setMarkGone(markGone);
        maxGracePeriod.ifPresent(grace -> drain.setMaxGracePeriod(com.google.protobuf.Duration.newBuilder()
                .setSeconds(grace.getSeconds()).setNanos(grace.getNano())));
        return Call.newBuilder().setType(Call.Type.DRAIN_AGENT).setDrainAgent(drain).build();
    }

    /** {@code DEACTIVATE_AGENT}: the agent keeps its tasks but gets no new ones. */
    public static Call deactivateAgent(String agentId) {
        return Call.newBuilder().setType(Call.Type.DEACTIVATE_AGENT)
                .setDeactivateAgent(Call.DeactivateAgent.newBuilder().setAgentId(agent(agentId))).build();
    }

    /** {@code REACTIVATE_AGENT}: a deactivated or drained agent gets tasks again. */
    public static Call reactivateAgent(String agentId) {
        return Call.newBuilder().setType(Call.Type.REACTIVATE_AGENT)
                .setReactivateAgent(Call.ReactivateAgent.newBuilder().setAgentId(agent(agentId))).build();
    }

    /** {@code MARK_AGENT_GONE}: the agent is removed for good; its tasks are gone and it may never come back. */
    public static Call markAgentGone(String agentId) {
        return Call.newBuilder().setType(Call.Type.MARK_AGENT_GONE)
                .setMarkAgentGone(Call.MarkAgentGone.newBuilder().setAgentId(agent(agentId))).build();
    }

    /** {@code UPDATE_WEIGHTS} with role → weight, in the map's order. */
    public static Call updateWeights(Map<String, Double> weights) {
        Call.UpdateWeights.Builder update = Call.UpdateWeights.newBuilder();
        weights.forEach((role, weight) -> update.addWeightInfos(WeightInfo.newBuilder().setRole(role)
                .setWeight(weight)));
        return Call.newBuilder().setType(Call.Type.UPDATE_WEIGHTS).setUpdateWeights(update).build();
    }

    /** {@code UPDATE_QUOTA} without {@code force}: the master checks the configs against the cluster. */
    public static Call updateQuota(List<QuotaConfig> configs) {
        return Call.newBuilder().setType(Call.Type.UPDATE_QUOTA)
                .setUpdateQuota(Call.UpdateQuota.newBuilder().addAllQuotaConfigs(configs)).build();
    }

    /** {@code GET_QUOTA}: every role's quota. */
    public static Call getQuota() {
        return Call.newBuilder().setType(Call.Type.GET_QUOTA).build();
    }

    private static AgentID agent(String agentId) {
        return AgentID.newBuilder().setValue(agentId).build();
    }
}
