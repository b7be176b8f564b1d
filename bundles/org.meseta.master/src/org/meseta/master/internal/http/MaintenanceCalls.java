package org.meseta.master.internal.http;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import com.google.protobuf.Duration;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.DurationInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.meseta.daemon.OperatorCalls.Reply;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.core.Refusal;

/**
 * The operator calls that change frameworks and agents: TEARDOWN, DEACTIVATE_AGENT, REACTIVATE_AGENT, DRAIN_AGENT
 * and MARK_AGENT_GONE. Each answers 200 with an empty body once done, 400 naming the missing part as Mesos's call
 * validation does, or the master's refusal. Stateless; runs on the event loop and hands the work to the master.
 */
final class MaintenanceCalls {

    private MaintenanceCalls() {}

    static CompletionStage<Reply> teardown(Master master, Call call) {
        return call.hasTeardown() ? done(master.teardown(call.getTeardown().getFrameworkId()))
                : Replies.missing("teardown");
    }

    static CompletionStage<Reply> deactivateAgent(Master master, Call call) {
        return call.hasDeactivateAgent() ? done(master.deactivateAgent(call.getDeactivateAgent().getAgentId()))
                : Replies.missing("deactivate_agent");
    }

    static CompletionStage<Reply> reactivateAgent(Master master, Call call) {
        return call.hasReactivateAgent() ? done(master.reactivateAgent(call.getReactivateAgent().getAgentId()))
                : Replies.missing("reactivate_agent");
    }

    /**
     * DRAIN_AGENT: {@code max_grace_period} (a {@code google.protobuf.Duration}) and {@code mark_gone} become the
     * drain's config, as in Mesos.
     */
    static CompletionStage<Reply> drainAgent(Master master, Call call) {
        if (!call.hasDrainAgent()) {
            return Replies.missing("drain_agent");
        }
        Call.DrainAgent drain = call.getDrainAgent();
        DrainConfig.Builder config = DrainConfig.newBuilder().setMarkGone(drain.getMarkGone());
        if (drain.hasMaxGracePeriod()) {
            Duration max = drain.getMaxGracePeriod();
            config.setMaxGracePeriod(DurationInfo.newBuilder().setNanoseconds(max.getSeconds() * 1_000_000_000L
                    + max.getNanos()));
        }
        return done(master.drainAgent(drain.getAgentId(), config.build()));
    }

    static CompletionStage<Reply> markAgentGone(Master master, Call call) {
        return call.hasMarkAgentGone() ? done(master.markAgentGone(call.getMarkAgentGone().getAgentId()))
                : Replies.missing("mark_agent_gone");
    }

    private static CompletionStage<Reply> done(CompletionStage<Optional<Refusal>> outcome) {
        return outcome.thenApply(Replies::done);
    }
}
