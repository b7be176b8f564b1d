package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.testing.Http;
import org.meseta.testing.Ports;

/**
 * An agent played on the link, a framework subscribed over the scheduler API, and one task the framework launched
 * on the agent, taking the whole agent's cpus and mem (what is left is below the minimum allocatable, so there are
 * no further offers).
 */
record Launched(LinkSession agent, AgentID agentId, SchedulerSession framework, TaskInfo task) {

    /** Launches command task {@code taskId} for a framework subscribed with {@code info} on a new agent. */
    static Launched on(TestMaster master, FrameworkInfo info, String taskId) throws Exception {
        return on(master, info, taskId, UnaryOperator.identity());
    }

    /** As {@link #on(TestMaster, FrameworkInfo, String)}, the task changed by {@code customize} before launch. */
    static Launched on(TestMaster master, FrameworkInfo info, String taskId, UnaryOperator<TaskInfo> customize)
            throws Exception {
        LinkSession agent = master.subscribe(LinkSession.subscription(null, Ports.free()));
        AgentID agentId = agent.registered().agentId();
        agent.answerPings(agentId);
        SchedulerSession framework = master.framework(Http.JSON, info);
        framework.subscribed();
        Offer offer = framework.next(Event.Type.OFFERS).getOffers().getOffers(0);
        TaskInfo task = customize.apply(Calls.task(taskId, offer, "cpus:2;mem:1024"));
        framework.accepted(Calls.launch(offer, task));
        assertEquals(taskId, agent.next(AgentEvent.RunTask.class).task().getTaskId().getValue());
        return new Launched(agent, agentId, framework, task);
    }

    String taskId() {
        return task.getTaskId().getValue();
    }

    /** The agent reports {@code state}; returns the update the framework receives. */
    TaskStatus report(TaskState state) throws Exception {
        agent.call(Calls.update(agentId, framework.id(), taskId(), state));
        return framework.next(Event.Type.UPDATE).getUpdate().getStatus();
    }
}
