package org.meseta.agent.internal.tasks;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.executor.Protos.Event;

/** The v1 executor API events the agent sends. Stateless. */
final class ExecutorEvents {

    private ExecutorEvents() {}

    static Event subscribed(ExecutorInfo executor, FrameworkInfo framework, AgentInfo agent, ContainerID container) {
        return Event.newBuilder().setType(Event.Type.SUBSCRIBED)
                .setSubscribed(Event.Subscribed.newBuilder().setExecutorInfo(executor).setFrameworkInfo(framework)
                        .setAgentInfo(agent).setContainerId(container))
                .build();
    }

    static Event launch(TaskInfo task) {
        return Event.newBuilder().setType(Event.Type.LAUNCH).setLaunch(Event.Launch.newBuilder().setTask(task))
                .build();
    }

    static Event launchGroup(List<TaskInfo> tasks) {
        return Event.newBuilder().setType(Event.Type.LAUNCH_GROUP).setLaunchGroup(Event.LaunchGroup.newBuilder()
                .setTaskGroup(TaskGroupInfo.newBuilder().addAllTasks(tasks))).build();
    }

    static Event kill(TaskID taskId, Optional<KillPolicy> policy) {
        Event.Kill.Builder kill = Event.Kill.newBuilder().setTaskId(taskId);
        policy.ifPresent(kill::setKillPolicy);
        return Event.newBuilder().setType(Event.Type.KILL).setKill(kill).build();
    }

    static Event acknowledged(TaskID taskId, ByteString uuid) {
        return Event.newBuilder().setType(Event.Type.ACKNOWLEDGED)
                .setAcknowledged(Event.Acknowledged.newBuilder().setTaskId(taskId).setUuid(uuid)).build();
    }

    static Event message(ByteString data) {
        return Event.newBuilder().setType(Event.Type.MESSAGE).setMessage(Event.Message.newBuilder().setData(data))
                .build();
    }

    static Event error(String message) {
        return Event.newBuilder().setType(Event.Type.ERROR).setError(Event.Error.newBuilder().setMessage(message))
                .build();
    }

    static Event shutdown() {
        return Event.newBuilder().setType(Event.Type.SHUTDOWN).build();
    }

    static Event heartbeat() {
        return Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
    }
}
