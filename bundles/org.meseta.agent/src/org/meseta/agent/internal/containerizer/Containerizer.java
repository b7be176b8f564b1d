package org.meseta.agent.internal.containerizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.Limitation;

/**
 * The agent's containerizer: its launcher and the isolators {@code --isolation} named, driven through their phases
 * in the flag's order (see {@link Isolator}). Failures of {@code prepare} and {@code isolate} fail the launch;
 * failures of the other phases are logged and skipped, so that one isolator does not take down the others.
 * Thread-safe; every method but {@link #launcher()} blocks and is called off the agent's actor thread.
 */
public final class Containerizer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Containerizer.class.getName());

    private final ContainerLauncher launcher;
    private final Map<String, Isolator> isolators;

    /** @param isolators by name, in the order of {@code --isolation} */
    public Containerizer(ContainerLauncher launcher, Map<String, Isolator> isolators) {
        this.launcher = launcher;
        this.isolators = new LinkedHashMap<>(isolators);
    }

    public ContainerLauncher launcher() {
        return launcher;
    }

    /** The names of the isolators, in order. */
    public List<String> isolation() {
        return List.copyOf(isolators.keySet());
    }

    /**
     * Prepares the container with every isolator; if one fails, those before it clean up again.
     *
     * @throws LaunchException naming the isolator that failed and why
     */
    public void prepare(ContainerConfig config) throws LaunchException {
        List<String> prepared = new ArrayList<>();
        for (Map.Entry<String, Isolator> isolator : isolators.entrySet()) {
            try {
                isolator.getValue().prepare(config);
                prepared.add(isolator.getKey());
            } catch (Exception e) {
                prepared.forEach(name -> cleanup(name, isolators.get(name), config.id()));
                throw new LaunchException("Failed to prepare isolator '" + isolator.getKey() + "': "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Isolates the container's first process with every isolator and starts watching it.
     *
     * @return completes with the first limitation any isolator reports
     * @throws LaunchException naming the isolator that failed and why; the caller kills the process and cleans up
     */
    public CompletableFuture<Limitation> isolate(ContainerId id, long pid) throws LaunchException {
        CompletableFuture<Limitation> first = new CompletableFuture<>();
        for (Map.Entry<String, Isolator> isolator : isolators.entrySet()) {
            try {
                isolator.getValue().isolate(id, pid);
            } catch (Exception e) {
                throw new LaunchException("Failed to isolate the container with '" + isolator.getKey() + "': "
                        + e.getMessage(), e);
            }
        }
        for (Isolator isolator : isolators.values()) {
            isolator.watch(id).thenAccept(first::complete);
        }
        return first;
    }

    /** Gives every isolator the container's new limits. */
    public void update(ContainerId id, ContainerLimits limits) {
        isolators.forEach((name, isolator) -> {
            try {
                isolator.update(id, limits);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Isolator {0} cannot update container {1}: {2}", name, id,
                        e.getMessage());
            }
        });
    }

    /**
     * What the container used, merged over the isolators (an isolator that fails adds nothing), without
     * {@code timestamp} and limits (built partially).
     */
    public ResourceStatistics usage(ContainerId id) {
        ResourceStatistics.Builder usage = ResourceStatistics.newBuilder();
        isolators.forEach((name, isolator) -> {
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
        List<String> names = new ArrayList<>(isolators.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            cleanup(names.get(i), isolators.get(names.get(i)), id);
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
    public void close() {
        isolators.values().forEach(Isolator::close);
    }
}
