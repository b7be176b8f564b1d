package org.meseta.agent.internal.health;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.HealthCheck;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.daemon.Actor;

/**
 * Checks one task's health over its life, as Mesos's health checker does: the first check after the delay, the next
 * one an interval after each check ended. It reports ({@link HealthReport}) the first success, every failure, and
 * the first success after failures; failures before the first success are ignored while the grace period (counted
 * from {@link #start()}) lasts. A failure that makes {@code consecutive_failures} in a row asks for the task to be
 * killed; checking goes on until {@link #stop()}.
 *
 * <p>Confined to the agent's actor thread: checks run on the blocking executor, their results come back to the
 * actor, and reports are made there.
 */
public final class HealthChecker {

    private static final System.Logger LOG = System.getLogger(HealthChecker.class.getName());

    private final String name;
    private final CheckedTask task;
    private final HealthCheckTimings timings;
    private final Probe probe;
    private final Actor actor;
    private final Executor blocking;
    private final Consumer<HealthReport> reports;
    private long startNanos;
    private boolean initializing = true;
    private int consecutiveFailures;
    private boolean stopped;
    private Actor.Timer next = () -> {};

    private HealthChecker(HealthCheck check, CheckedTask task, Probe probe, Actor actor, Executor blocking,
            Consumer<HealthReport> reports) {
        this.name = check.getType() + " health check";
        this.task = task;
        this.timings = HealthCheckTimings.of(check);
        this.probe = probe;
        this.actor = actor;
        this.blocking = blocking;
        this.reports = reports;
    }

    /**
     * A checker of {@code task} with {@code check}, not started yet.
     *
     * @param reports told each report, on the actor thread
     * @throws LaunchException if the check is invalid or its command cannot be run
     */
    public static HealthChecker of(HealthCheck check, CheckedTask task, Actor actor, Executor blocking,
            Consumer<HealthReport> reports) throws LaunchException {
        Probe probe = Probe.of(check, task.launcher(), task.sandbox(), task.environment(), task.runAs());
        return new HealthChecker(check, task, probe, actor, blocking, reports);
    }

    /** Starts checking: the grace period begins, the first check comes after the delay. */
    public void start() {
        startNanos = System.nanoTime();
        schedule(timings.delay());
    }

    /** Stops checking for good; a check under way is not reported. Idempotent. */
    public void stop() {
        stopped = true;
        next.cancel();
    }

    private void schedule(Duration delay) {
        if (!stopped) {
            next = actor.schedule(delay, this::check);
        }
    }

    private void check() {
        if (stopped) {
            return;
        }
        CompletableFuture.supplyAsync(() -> probe.check(timings.timeout()), blocking)
                .exceptionally(error -> Optional.of(name + " could not run: " + error))
                .thenAccept(failure -> actor.run(() -> checked(failure)));
    }

    private void checked(Optional<String> failure) {
        if (stopped) {
            return;
        }
        if (failure.isPresent()) {
            failed(failure.get());
        } else {
            passed();
        }
        schedule(timings.interval());
    }

    private void failed(String why) {
        if (initializing && timings.gracePeriod().isPositive()
                && System.nanoTime() - startNanos <= timings.gracePeriod().toNanos()) {
            LOG.log(System.Logger.Level.INFO, "Ignoring failure of {0} for task ''{1}'': still in grace period ({2})",
                    name, task.taskId(), why);
            return;
        }
        consecutiveFailures++;
        LOG.log(System.Logger.Level.WARNING, "{0} for task ''{1}'' failed {2} times consecutively: {3}", name,
                task.taskId(), consecutiveFailures, why);
        reports.accept(new HealthReport(false, consecutiveFailures,
                consecutiveFailures >= timings.consecutiveFailures()));
    }

    private void passed() {
        if (initializing || consecutiveFailures > 0) {
            reports.accept(new HealthReport(true, 0, false));
            initializing = false;
        }
        consecutiveFailures = 0;
    }
}
