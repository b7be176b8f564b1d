package org.meseta.cli.internal;

import java.time.Duration;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/** The scheduler API calls {@code meseta-execute} makes, as Mesos's scheduler.proto defines them. Stateless. */
final class Calls {

    private Calls() {}

    /** A new framework's subscription: no framework id, at the top level or in the info. */
    static Call subscribe(FrameworkInfo framework) {
        return Call.newBuilder().setType(Call.Type.SUBSCRIBE)
                .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(framework)).build();
    }

    /** A subscription again (to a newly elected master), as framework {@code id}, at the top level and in the info. */
    static Call resubscribe(FrameworkInfo framework, FrameworkID id) {
        return Call.newBuilder().setType(Call.Type.SUBSCRIBE).setFrameworkId(id)
                .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(framework.toBuilder().setId(id))).build();
    }

    /** Launches {@code task} on {@code offer}; what the task does not use is refused for {@code refuse}. */
    static Call launch(FrameworkID framework, OfferID offer, TaskInfo task, Duration refuse) {
        Offer.Operation launch = Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
                .setLaunch(Offer.Operation.Launch.newBuilder().addTaskInfos(task)).build();
        return call(framework, Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder().addOfferIds(offer)
                .addOperations(launch).setFilters(filters(refuse))).build();
    }

    /** Launches {@code tasks} as one task group under {@code executor} on {@code offer}, refusing the rest. */
    static Call launchGroup(FrameworkID framework, OfferID offer, ExecutorInfo executor, List<TaskInfo> tasks,
            Duration refuse) {
        Offer.Operation launch = Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH_GROUP)
                .setLaunchGroup(Offer.Operation.LaunchGroup.newBuilder().setExecutor(executor)
                        .setTaskGroup(TaskGroupInfo.newBuilder().addAllTasks(tasks))).build();
        return call(framework, Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder().addOfferIds(offer)
                .addOperations(launch).setFilters(filters(refuse))).build();
    }

    /** Declines {@code offers}, whose resources the master then holds back from this framework for {@code refuse}. */
    static Call decline(FrameworkID framework, List<OfferID> offers, Duration refuse) {
        return call(framework, Call.Type.DECLINE)
                .setDecline(Call.Decline.newBuilder().addAllOfferIds(offers).setFilters(filters(refuse))).build();
    }

    /** Asks for no more offers, for every role of the framework. */
    static Call suppress(FrameworkID framework) {
        return call(framework, Call.Type.SUPPRESS).setSuppress(Call.Suppress.getDefaultInstance()).build();
    }

    /** Acknowledges a status update; only updates that carry a {@code uuid} are acknowledged. */
    static Call acknowledge(FrameworkID framework, TaskStatus status) {
        return call(framework, Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
                .setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid())).build();
    }

    static Call kill(FrameworkID framework, TaskID task, AgentID agent) {
        return call(framework, Call.Type.KILL).setKill(Call.Kill.newBuilder().setTaskId(task).setAgentId(agent))
                .build();
    }

    /** Removes the framework: the master kills its tasks and forgets it. */
    static Call teardown(FrameworkID framework) {
        return call(framework, Call.Type.TEARDOWN).build();
    }

    private static Call.Builder call(FrameworkID framework, Call.Type type) {
        return Call.newBuilder().setFrameworkId(framework).setType(type);
    }

    private static Filters filters(Duration refuse) {
        return Filters.newBuilder().setRefuseSeconds(refuse.toMillis() / 1000.0).build();
    }
}
