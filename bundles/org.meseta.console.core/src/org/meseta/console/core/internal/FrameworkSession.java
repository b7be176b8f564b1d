package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.CallSettings;
import org.meseta.console.core.calls.Encoding;
import org.meseta.console.core.calls.PendingCall;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.launch.FrameworkMemory;
import org.meseta.console.core.launch.FrameworkSettings;
import org.meseta.console.core.launch.LaunchSpec;
import org.meseta.console.core.launch.LaunchedTask;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.TaskView;

/**
 * The {@link ConsoleFramework}: checks what is asked on the caller's thread, then hands each action's
 * {@link FrameworkStep}s to the {@link FrameworkRunner} on the framework's own thread; a launch is one
 * {@link LaunchStep}, a kill one {@link KillStep}, a move a {@link MoveAction}. Each action's pending call completes
 * with what its steps tell; cancelling it stops them.
 */
public final class FrameworkSession implements ConsoleFramework {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final Duration CALL_ANSWER = Duration.ofSeconds(30);

    private final ClusterClient cluster;
    private final FrameworkMemory memory;
    private final ActorThread thread;
    private final MasterStreams streams;
    private final HttpCallClient calls;
    private final FrameworkRunner runner;
    private final AtomicBoolean closed = new AtomicBoolean();

    public FrameworkSession(ClusterClient cluster, FrameworkMemory memory, FrameworkSettings settings) {
        this.cluster = cluster;
        this.memory = memory;
        this.thread = new ActorThread(new ExecutorClientThread("meseta-console-framework"));
        this.streams = new MasterStreams(settings.connectTimeout());
        this.calls = new HttpCallClient(cluster::leader, cluster::credentials, new CallSettings(Encoding.JSON,
                settings.connectTimeout(), CALL_ANSWER));
        this.runner = new FrameworkRunner(cluster, memory, settings, thread, streams, calls);
    }

    @Override
    public Optional<String> id() {
        return runner.id();
    }

    @Override
    public boolean owns(TaskView task) {
        return TaskOwnership.owns(runner.id(), task);
    }

    @Override
    public Optional<String> whyNotMovable(TaskView task, ClusterState state) {
        return TaskOwnership.whyNotMovable(runner.id(), memory, task, state);
    }

    @Override
    public Optional<String> whyNotKillable(TaskView task, ClusterState state) {
        return TaskOwnership.whyNotKillable(runner.id(), task, state);
    }

    @Override
    public Optional<String> whyNotLaunchable(AgentView agent) {
        return TaskOwnership.whyNotLaunchable(agent);
    }

    @Override
    public PendingCall<LaunchedTask> launch(LaunchSpec spec, AgentView agent) {
        HttpPendingCall<LaunchedTask> call = new HttpPendingCall<>();
        Optional<String> refusal = whyNotLaunchable(agent);
        if (refusal.isPresent()) {
            call.complete(new CallResult.Failed<>(refusal.get()));
            return call;
        }
        String taskId = newTaskId(spec);
        LaunchStep step = new LaunchStep(runner, new StepListener(call::step,
                status -> call.complete(succeeded(new LaunchedTask(taskId, agent.id(), status.getState()))),
                reason -> call.complete(new CallResult.Failed<>(reason))), spec, taskId, agent.id(), agent.hostname());
        start(call, step);
        return call;
    }

    @Override
    public PendingCall<LaunchedTask> move(TaskView task, AgentView agent) {
        HttpPendingCall<LaunchedTask> call = new HttpPendingCall<>();
        Optional<String> refusal = whyNotMovable(task, cluster.cluster()).or(() -> whyNotLaunchable(agent));
        Optional<LaunchSpec> spec = memory.launched(task.key().taskId()).flatMap(definition -> definition.check()
                .spec());
        if (refusal.isPresent() || spec.isEmpty()) {
            call.complete(new CallResult.Failed<>(refusal.orElse("the definition of " + task.key().taskId()
                    + " no longer passes its checks")));
            return call;
        }
        MoveAction move = new MoveAction(runner, call, task, cluster.cluster().hostname(task.agentId()), agent,
                spec.get(), newTaskId(spec.get()));
        whenCancelled(call, move::cancel);
        thread.run(() -> move.start(runner::add));
        return call;
    }

    @Override
    public PendingCall<TaskState> kill(TaskView task) {
        HttpPendingCall<TaskState> call = new HttpPendingCall<>();
        Optional<String> refusal = whyNotKillable(task, cluster.cluster());
        if (refusal.isPresent()) {
            call.complete(new CallResult.Failed<>(refusal.get()));
            return call;
        }
        start(call, new KillStep(runner, new StepListener(call::step,
                status -> call.complete(succeeded(status.getState())),
                reason -> call.complete(new CallResult.Failed<>(reason))), task.key().taskId(), task.agentId(),
                cluster.cluster().hostname(task.agentId())));
        return call;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        thread.run(() -> {
            runner.dropLink("the console is closing");
            stopped.complete(null);
        });
        try {
            stopped.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the thread is stopped below all the same
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.shutdown();
        streams.close();
        calls.close();
    }

    /** Runs {@code step} for {@code call}, which stops it when cancelled. */
    private void start(HttpPendingCall<?> call, FrameworkStep step) {
        whenCancelled(call, step::cancel);
        thread.run(() -> runner.add(step));
    }

    /** Runs {@code action} on the framework's thread if {@code call} is cancelled. */
    private void whenCancelled(HttpPendingCall<?> call, Runnable action) {
        call.result().thenAccept(result -> {
            if (result instanceof CallResult.Cancelled) {
                thread.run(action);
            }
        });
    }

    private static String newTaskId(LaunchSpec spec) {
        return spec.name() + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    static <T> CallResult<T> succeeded(T value) {
        return new CallResult.Succeeded<>(200, value);
    }
}
