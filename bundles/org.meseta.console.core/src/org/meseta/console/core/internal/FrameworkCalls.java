package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.Collection;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * The v1 scheduler calls of the console's framework ({@code scheduler.proto}); every call but SUBSCRIBE names the
 * framework. Stateless.
 */
final class FrameworkCalls {

    private FrameworkCalls() {
    }

    /** SUBSCRIBE as {@code info} (with its id, when it has one: a failover), {@code suppressed} roles offering none. */
    static Call subscribe(FrameworkInfo info, Collection<String> suppressed) {
        Call.Builder call = Call.newBuilder().setType(Call.Type.SUBSCRIBE).setSubscribe(Call.Subscribe.newBuilder()
                .setFrameworkInfo(info).addAllSuppressedRoles(suppressed));
        if (info.hasId()) {
            call.setFrameworkId(info.getId());
        }
        return call.build();
    }

    /** UPDATE_FRAMEWORK to {@code info} (new roles), {@code suppressed} roles offering none. */
    static Call update(FrameworkInfo info, Collection<String> suppressed) {
        return named(info.getId(), Call.Type.UPDATE_FRAMEWORK).setUpdateFramework(Call.UpdateFramework.newBuilder()
                .setFrameworkInfo(info).addAllSuppressedRoles(suppressed)).build();
    }

    /** REVIVE {@code role}: offers of it again, its filters cleared. */
    static Call revive(FrameworkID framework, String role) {
        return named(framework, Call.Type.REVIVE).setRevive(Call.Revive.newBuilder().addRoles(role)).build();
    }

    /** SUPPRESS {@code roles}: no more offers of them until revived. */
    static Call suppress(FrameworkID framework, Collection<String> roles) {
        return named(framework, Call.Type.SUPPRESS).setSuppress(Call.Suppress.newBuilder().addAllRoles(roles))
                .build();
    }

    /** ACCEPT {@code offer} with a LAUNCH of {@code task}; what the task leaves is offered again at once. */
    static Call launch(FrameworkID framework, OfferID offer, TaskInfo task) {
        Offer.Operation launch = Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
                .setLaunch(Offer.Operation.Launch.newBuilder().addTaskInfos(task)).build();
        return named(framework, Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder().addOfferIds(offer)
                .addOperations(launch).setFilters(refusing(Duration.ZERO))).build();
    }

    /** DECLINE {@code offers}, their resources not offered again for {@code refuse} (unless revived). */
    static Call decline(FrameworkID framework, Collection<OfferID> offers, Duration refuse) {
        return named(framework, Call.Type.DECLINE).setDecline(Call.Decline.newBuilder().addAllOfferIds(offers)
                .setFilters(refusing(refuse))).build();
    }

    /** KILL {@code task} on {@code agent}. */
    static Call kill(FrameworkID framework, String task, String agent) {
        return named(framework, Call.Type.KILL).setKill(Call.Kill.newBuilder()
                .setTaskId(TaskID.newBuilder().setValue(task)).setAgentId(AgentID.newBuilder().setValue(agent)))
                .build();
    }

    /** ACKNOWLEDGE {@code status}, which must carry a uuid. */
    static Call acknowledge(FrameworkID framework, TaskStatus status) {
        return named(framework, Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
                .setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid())).build();
    }

    private static Call.Builder named(FrameworkID framework, Call.Type type) {
        return Call.newBuilder().setType(type).setFrameworkId(framework);
    }

    private static Filters refusing(Duration refuse) {
        return Filters.newBuilder().setRefuseSeconds(refuse.toMillis() / 1000.0).build();
    }
}
