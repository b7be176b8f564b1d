package org.meseta.console.core.internal;

import java.util.List;
import java.util.Optional;

import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.console.core.launch.LaunchSpec;
import org.meseta.console.core.model.TaskView;

/**
 * Launches one task on one agent: revives offers of the task's role, takes the first offer of the agent to that role
 * (or fails when it holds less than the task needs), accepts it with a LAUNCH of exactly the task's resources, and
 * succeeds once the task runs; a task that ends first fails the step with its state, message and reason.
 *
 * <pre>
 *   begin ──REVIVE──► waiting for an offer ──offer──► ACCEPT/LAUNCH ──► launched ──TASK_RUNNING──► succeeded
 *                            │ deadline / too small                          │ ended / deadline
 *                            ▼                                               ▼
 *                          failed                                          failed
 * </pre>
 */
final class LaunchStep extends FrameworkStep {

    private final LaunchSpec spec;
    private final String taskId;
    private final String agentId;
    private final String hostname;
    private final TaskInfo task;
    private boolean launched;
    private TaskState last = TaskState.TASK_STAGING;

    LaunchStep(StepContext context, StepListener listener, LaunchSpec spec, String taskId, String agentId,
            String hostname) {
        super(context, listener);
        this.spec = spec;
        this.taskId = taskId;
        this.agentId = agentId;
        this.hostname = hostname;
        this.task = spec.taskInfo(taskId, agentId);
    }

    @Override
    String taskId() {
        return taskId;
    }

    @Override
    Optional<String> wantedRole() {
        return launched || isOver() ? Optional.empty() : Optional.of(spec.role());
    }

    @Override
    boolean wants(Offer offer) {
        return wantedRole().isPresent() && offer.getAgentId().getValue().equals(agentId)
                && offer.getAllocationInfo().getRole().equals(spec.role());
    }

    @Override
    void begin() {
        context.send(FrameworkCalls.revive(context.frameworkId(), spec.role()),
                reason -> fail("the master refused to offer role " + spec.role() + ": " + reason));
        progress("waiting for an offer of " + hostname + " to role " + spec.role());
        deadline(context.settings().offerTimeout(), () -> "no offer of " + hostname + " to role " + spec.role()
                + " within " + describe(context.settings().offerTimeout()) + ": its resources may be held by other"
                + " frameworks or reserved to other roles");
    }

    @Override
    void offered(Offer offer) {
        Resources needed = Resources.ofValidated(task.getResourcesList());
        Resources offered;
        try {
            offered = Resources.of(offer.getResourcesList());
        } catch (ResourceParseException e) {
            offered = Resources.empty();
        }
        if (!offered.contains(needed)) {
            context.decline(offer.getId());
            fail(hostname + " offers " + unallocated(offer.getResourcesList()) + " to role " + spec.role()
                    + ", not the " + unallocated(task.getResourcesList()) + " " + spec.name() + " needs");
            return;
        }
        launched = true;
        context.launched(taskId, spec.definition());
        context.send(FrameworkCalls.launch(context.frameworkId(), offer.getId(), task),
                reason -> fail("the master refused to launch " + taskId + ": " + reason));
        progress("LAUNCH " + taskId + " on " + hostname);
        deadline(context.settings().taskTimeout(), () -> taskId + " is not running after "
                + describe(context.settings().taskTimeout()) + " (still " + last + " then); it may start later:"
                + " see the Tasks view");
    }

    @Override
    void updated(TaskStatus status) {
        last = status.getState();
        if (status.getState() == TaskState.TASK_RUNNING) {
            succeed(status);
        } else if (TaskView.isTerminal(status.getState())) {
            fail(describe(status));
        } else {
            progress(status.getState().name());
        }
    }

    /** The resources as the definition writes them, without the allocation the offer adds. */
    private static String unallocated(List<Resource> resources) {
        return Resources.ofValidated(resources.stream().map(resource -> resource.toBuilder().clearAllocationInfo()
                .build()).toList()).toString();
    }
}
