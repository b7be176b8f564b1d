package org.meseta.containerizer.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.ResourceStatistics;

/**
 * Isolates, measures and limits containers of one kind of resource, in the phases of Mesos's isolators. For each
 * container the agent calls, in this order: {@link #prepare} and {@link #launchInfo} before its first process starts,
 * {@link #isolate} with that process, {@link #watch} once, then any number of {@link #update}, {@link #usage} and
 * {@link #isolate} with a further process of the container (each task of a task group runs as a process of its own
 * in its executor's container, started through the same launch info), and {@link #cleanup} when every process of the
 * container ended (or its launch failed after {@code prepare}).
 * {@link #recover} comes once at agent start-up, before any of these, and {@link #close} once when the agent stops. An
 * isolator the operator enables while the agent runs (the isolation settings API) is created then and never asked to
 * {@code recover}.
 *
 * <p><b>Threads.</b> The agent never calls an isolator on its actor thread: every method may block (file-system and
 * {@code /proc} work). Calls for one container come one at a time in the order above, but calls for different
 * containers may run concurrently, so an isolator keeps its per-container state thread-safe.
 *
 * <p><b>Failures.</b> A phase that fails throws {@link IsolatorException} with a one-line message: from
 * {@code prepare}, {@code launchInfo} or {@code isolate} the container's launch fails
 * ({@code REASON_CONTAINER_LAUNCH_FAILED}); from {@code update} or {@code usage} the agent logs it and goes on
 * (statistics then lack this isolator's fields); from {@code cleanup} it is logged. Unexpected runtime exceptions are
 * treated the same way.
 *
 * <p><b>Idempotence.</b> {@code cleanup} of a container the isolator does not know (never prepared, or already
 * cleaned up) does nothing; {@code usage} and {@code update} of one it does not know throw.
 */
public interface Isolator extends AutoCloseable {

    /**
     * Takes back the containers that ran before the agent restarted. Containers it finds state of that are not in
     * {@code containers} are orphans: it cleans them up.
     */
    void recover(List<RunningContainer> containers) throws IsolatorException;

    /** Sets up what the container needs before its first process starts (e.g. creates its cgroup). */
    void prepare(ContainerConfig config) throws IsolatorException;

    /**
     * How the container's first process must start for this isolator (Mesos's isolators return it from
     * {@code prepare}): called once, just after {@link #prepare} succeeded. The agent merges the answers in
     * {@code --isolation} order, the first isolator's wrapper outermost. The default asks for nothing, which is right
     * for isolators that work on the process once it exists (cgroups) or only measure it.
     *
     * @throws IsolatorException if the container cannot be launched as this isolator needs; the launch fails
     */
    default ContainerLaunchInfo launchInfo(ContainerConfig config) throws IsolatorException {
        return ContainerLaunchInfo.NONE;
    }

    /**
     * Applies isolation to a process of the container just after it started: its first process, then any further
     * process the agent starts in it. A further process and what it starts belong to the container from then on, as
     * those of the first process do.
     */
    void isolate(ContainerId id, long pid) throws IsolatorException;

    /**
     * Completes when the container went beyond a limit this isolator enforces; the agent then kills the container.
     * It never completes for an isolator that enforces nothing, and is left incomplete by {@link #cleanup}.
     * Completes on a thread of the isolator's.
     */
    CompletableFuture<Limitation> watch(ContainerId id);

    /** The container's limits changed (a task was added to its executor or ended). */
    void update(ContainerId id, ContainerLimits limits) throws IsolatorException;

    /**
     * What the container used so far, in the fields of Mesos's {@code ResourceStatistics} this isolator measures
     * (e.g. {@code cpus_user_time_secs}, {@code mem_rss_bytes}); the agent merges those of every isolator and adds
     * the {@code timestamp} and the limits. Built with {@code buildPartial()}: the required {@code timestamp} is
     * the agent's to set.
     */
    ResourceStatistics usage(ContainerId id) throws IsolatorException;

    /**
     * The operator changed the agent's isolation settings while it runs ({@code PUT /api/v1/meseta/isolation}):
     * containers prepared from now on get {@code options}; the agent then calls {@link #update} for each running
     * container, which applies what of them the kernel allows to it (e.g. a new {@code pids.max}). Either the isolator
     * takes all of {@code options} or, throwing, none of them. Never called concurrently with itself; containers'
     * phases may run meanwhile. The default takes nothing: for isolators without settings.
     *
     * @throws IsolatorException if the isolator cannot work with {@code options} on this host, in one line
     */
    default void reconfigure(IsolatorOptions options) throws IsolatorException {
        // no settings
    }

    /** Releases everything of the container (its cgroup, its watch); its processes have ended. */
    void cleanup(ContainerId id) throws IsolatorException;

    /**
     * Releases the isolator's own threads; the agent stops. Containers whose processes all ended are cleaned up;
     * those that still run (tasks of checkpointing frameworks) are left as they are, for the agent's next start to
     * {@link #recover} or clean up as orphans.
     */
    @Override
    void close();
}
