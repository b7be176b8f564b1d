package org.meseta.agent.internal.containerizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLaunchInfo;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.Limitation;
import org.meseta.containerizer.api.RunningContainer;

/**
 * The agent's containerizer: its launcher and the isolators {@code --isolation} named, driven through their phases
 * in the flag's order (see {@link Isolator}). Failures of {@code prepare}, {@code launchInfo} and {@code isolate} fail
 * the launch; failures of the other phases are logged and skipped, so that one isolator does not take down the others.
 * Thread-safe; every method but {@link #launcher()} blocks and is called off the agent's actor thread.
 *
 * <p>The isolators may change while containers run ({@link #switchTo}, the isolation settings): each container keeps
 * the isolators it was prepared with until it is cleaned up, so an isolator no longer enabled stays open (and keeps
 * its place for when it is enabled again) while the agent runs.
 */
public final class Containerizer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Containerizer.class.getName());

    private final ContainerLauncher launcher;
    /** Every isolator created, by name; guarded by {@code this}. */
    private final Map<String, Isolator> created;
    /** The names new containers are prepared with, in order. */
    private volatile List<String> enabled;
    private final Map<ContainerId, Prepared> containers = new ConcurrentHashMap<>();

    /** @param isolators by name, in the order of {@code --isolation} */
    public Containerizer(ContainerLauncher launcher, Map<String, Isolator> isolators) {
        this.launcher = launcher;
        this.created = new LinkedHashMap<>(isolators);
        this.enabled = List.copyOf(isolators.keySet());
    }

    /**
     * A prepared container: the isolators it was prepared with, by name in order, and its limits. Its {@code update}s
     * come one at a time (the agent's and a settings change's), under its monitor.
     */
    private static final class Prepared {

        final Map<String, Isolator> isolators;
        private ContainerLimits limits;

        Prepared(Map<String, Isolator> isolators, ContainerLimits limits) {
            this.isolators = isolators;
            this.limits = limits;
        }

        synchronized List<String> update(ContainerId id, ContainerLimits newLimits) {
            limits = newLimits;
            List<String> failures = new ArrayList<>();
            isolators.forEach((name, isolator) -> {
                try {
                    isolator.update(id, limits);
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "Isolator {0} cannot update container {1}: {2}", name, id,
                            e.getMessage());
                    failures.add(name + ": " + e.getMessage());
                }
            });
            return failures;
        }

        synchronized List<String> reapply(ContainerId id) {
            return update(id, limits);
        }
    }

    public ContainerLauncher launcher() {
        return launcher;
    }

    /** The names of the isolators new containers get, in order. */
    public List<String> isolation() {
        return enabled;
    }

    /** Every isolator created, by name. */
    public synchronized Map<String, Isolator> createdIsolators() {
        return Map.copyOf(created);
    }

    /**
     * New containers get the isolators {@code names}, in order, from now on; running ones keep theirs.
     *
     * @param added isolators just created for names not created before
     */
    public synchronized void switchTo(List<String> names, Map<String, Isolator> added) {
        created.putAll(added);
        for (String name : names) {
            if (!created.containsKey(name)) {
                throw new IllegalArgumentException("No isolator " + name + " was created");
            }
        }
        enabled = List.copyOf(names);
    }

    /**
     * Updates every running container with its limits again, so that each isolator applies its settings to it after
     * {@link Isolator#reconfigure}.
     *
     * @return the failures by container, empty for a container that took them all
     */
    public Map<ContainerId, List<String>> reapplyToRunning() {
        Map<ContainerId, List<String>> outcome = new LinkedHashMap<>();
        containers.forEach((id, prepared) -> outcome.put(id, prepared.reapply(id)));
        return outcome;
    }

    private synchronized Map<String, Isolator> enabledIsolators() {
        Map<String, Isolator> isolators = new LinkedHashMap<>();
        enabled.forEach(name -> isolators.put(name, created.get(name)));
        return isolators;
    }

    private Map<String, Isolator> isolatorsOf(ContainerId id) {
        Prepared prepared = containers.get(id);
        return prepared == null ? Map.of() : prepared.isolators;
    }

    /**
     * Gives every isolator the containers a previous run of the agent started that still run (it cleans up any other
     * state it finds as orphans); they are then known as if prepared with the isolators enabled now. Called once,
     * before any container is prepared.
     *
     * @throws LaunchException naming the isolator that failed and why
     */
    public void recover(List<RunningContainer> running) throws LaunchException {
        Map<String, Isolator> isolators = enabledIsolators();
        for (Map.Entry<String, Isolator> isolator : isolators.entrySet()) {
            try {
                isolator.getValue().recover(running);
            } catch (Exception e) {
                throw new LaunchException("Isolator '" + isolator.getKey() + "' failed to recover: "
                        + e.getMessage(), e);
            }
        }
        running.forEach(container -> containers.put(container.config().id(),
                new Prepared(isolators, container.config().limits())));
    }

    /** Completes with the first limitation any isolator reports of a recovered container. */
    public CompletableFuture<Limitation> watch(ContainerId id) {
        CompletableFuture<Limitation> first = new CompletableFuture<>();
        isolatorsOf(id).values().forEach(isolator -> isolator.watch(id).thenAccept(first::complete));
        return first;
    }

    /**
     * Prepares the container with every isolator and asks each for its launch info; if one fails, those prepared
     * clean up again.
     *
     * @return how the container's first process must start: the isolators' launch infos merged in order
     * @throws LaunchException naming the isolator that failed and why
     */
    public ContainerLaunchInfo prepare(ContainerConfig config) throws LaunchException {
        Map<String, Isolator> isolators = enabledIsolators();
        // Known before the isolators prepare it, so that a settings change meanwhile reaches it too.
        containers.put(config.id(), new Prepared(isolators, config.limits()));
        List<String> prepared = new ArrayList<>();
        ContainerLaunchInfo launch = ContainerLaunchInfo.NONE;
        for (Map.Entry<String, Isolator> isolator : isolators.entrySet()) {
            try {
                isolator.getValue().prepare(config);
                prepared.add(isolator.getKey());
                launch = launch.andThen(isolator.getValue().launchInfo(config));
            } catch (Exception e) {
                prepared.forEach(name -> cleanup(name, isolators.get(name), config.id()));
                containers.remove(config.id());
                throw new LaunchException("Failed to prepare isolator '" + isolator.getKey() + "': "
                        + e.getMessage(), e);
            }
        }
        return launch;
    }

    /**
     * Isolates the container's first process with every isolator and starts watching it.
     *
     * @return completes with the first limitation any isolator reports
     * @throws LaunchException naming the isolator that failed and why; the caller kills the process and cleans up
     */
    public CompletableFuture<Limitation> isolate(ContainerId id, long pid) throws LaunchException {
        Map<String, Isolator> isolators = isolatorsOf(id);
        for (Map.Entry<String, Isolator> isolator : isolators.entrySet()) {
            try {
                isolator.getValue().isolate(id, pid);
            } catch (Exception e) {
                throw new LaunchException("Failed to isolate the container with '" + isolator.getKey() + "': "
                        + e.getMessage(), e);
            }
        }
        return watch(id);
    }

    /**
     * Puts a further process of a running container in it with every isolator, as {@link #isolate} did its first
     * process: a task of a task group, which runs as a process (and session) of its own in its executor's container.
     *
     * @throws LaunchException naming the isolator that failed and why; the caller kills the process
     */
    public void join(ContainerId id, long pid) throws LaunchException {
        for (Map.Entry<String, Isolator> isolator : isolatorsOf(id).entrySet()) {
            try {
                isolator.getValue().isolate(id, pid);
            } catch (Exception e) {
                throw new LaunchException("Failed to isolate process " + pid + " with '" + isolator.getKey() + "': "
                        + e.getMessage(), e);
            }
        }
    }

    /** Gives every isolator the container's new limits. */
    public void update(ContainerId id, ContainerLimits limits) {
        Prepared prepared = containers.get(id);
        if (prepared != null) {
            prepared.update(id, limits);
        }
    }

    /**
     * What the container used, merged over the isolators (an isolator that fails adds nothing), without
     * {@code timestamp} and limits (built partially).
     */
    public ResourceStatistics usage(ContainerId id) {
        ResourceStatistics.Builder usage = ResourceStatistics.newBuilder();
        isolatorsOf(id).forEach((name, isolator) -> {
            try {
                usage.mergeFrom(isolator.usage(id));
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "Isolator {0} has no usage of container {1}: {2}", name, id,
                        e.getMessage());
            }
        });
        return usage.buildPartial();
    }

    /** Releases the container in every isolator, in reverse order. Idempotent. */
    public void cleanup(ContainerId id) {
        Prepared prepared = containers.remove(id);
        if (prepared == null) {
            return;
        }
        List<String> names = new ArrayList<>(prepared.isolators.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            cleanup(names.get(i), prepared.isolators.get(names.get(i)), id);
        }
    }

    private static void cleanup(String name, Isolator isolator, ContainerId id) {
        try {
            isolator.cleanup(id);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Isolator {0} cannot clean up container {1}: {2}", name, id,
                    e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        created.values().forEach(Isolator::close);
    }
}
