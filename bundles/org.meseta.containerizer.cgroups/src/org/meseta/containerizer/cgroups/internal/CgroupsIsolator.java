package org.meseta.containerizer.cgroups.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mesos.v1.Protos.ResourceStatistics;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.ContainerLimits;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorOptions;
import org.meseta.containerizer.api.Limitation;
import org.meseta.containerizer.api.RunningContainer;

/**
 * What the cgroups isolators share: each container gets a cgroup in the hierarchy of each controller the isolator
 * uses ({@code <mount>/<--cgroups_root>/<container id>}), made in {@code prepare}, given the first process in
 * {@code isolate} (its children follow by themselves), and destroyed in {@code cleanup}: whatever still runs in it is
 * killed, then it is removed. On v2 the isolators share one cgroup per container; the first to clean up removes it.
 * Subclasses write the limits and read the usage. Thread-safe.
 */
abstract class CgroupsIsolator implements Isolator {

    private static final System.Logger LOG = System.getLogger(CgroupsIsolator.class.getName());

    /** The hierarchy of each controller, in the order the cgroups are made; replaced by {@link #reconfigure}. */
    private volatile Map<String, Hierarchy> hierarchies;
    private final Map<ContainerId, Cgroups> containers = new ConcurrentHashMap<>();

    /** A container's cgroups by controller; controllers sharing a hierarchy share the cgroup. */
    record Cgroups(ContainerConfig config, Map<String, Cgroup> byController) {

        Cgroup of(String controller) {
            return byController.get(controller);
        }

        /** Each distinct cgroup once. */
        Set<Cgroup> distinct() {
            return new LinkedHashSet<>(byController.values());
        }
    }

    CgroupsIsolator(Map<String, Hierarchy> hierarchies) {
        this.hierarchies = new LinkedHashMap<>(hierarchies);
    }

    /** The hierarchies this isolator needs under {@code options}, each checked and its root prepared. */
    abstract Map<String, Hierarchy> hierarchies(CgroupsOptions options) throws IsolatorException;

    /** Takes the settings of {@code options} the subclass uses (e.g. the pids limit); cannot fail. */
    abstract void settings(CgroupsOptions options);

    /**
     * Finds the hierarchies under the new options first, so that a root that cannot be used changes nothing; running
     * containers keep the cgroups they have, new ones are made under the new root.
     */
    @Override
    public void reconfigure(IsolatorOptions options) throws IsolatorException {
        Map<String, Hierarchy> found = new LinkedHashMap<>(hierarchies(options.cgroups()));
        settings(options.cgroups());
        hierarchies = found;
    }

    /** Writes the container's limits to its cgroups, at {@code prepare} and at every {@code update}. */
    abstract void configure(Cgroups cgroups, ContainerLimits limits) throws IsolatorException;

    /** Reads the container's usage from its cgroups, as a partial {@code ResourceStatistics}. */
    abstract ResourceStatistics usage(Cgroups cgroups) throws IsolatorException;

    @Override
    public void recover(List<RunningContainer> running) throws IsolatorException {
        for (RunningContainer container : running) {
            containers.put(container.config().id(), cgroupsOf(container.config()));
        }
        Set<ContainerId> known = containers.keySet();
        for (Hierarchy hierarchy : new LinkedHashSet<>(hierarchies.values())) {
            for (Cgroup orphan : hierarchy.children()) {
                if (!known.contains(new ContainerId(orphan.dir().getFileName().toString()))) {
                    LOG.log(System.Logger.Level.INFO, "Destroying the orphan cgroup {0}", orphan.dir());
                    orphan.destroy();
                }
            }
        }
    }

    @Override
    public void prepare(ContainerConfig config) throws IsolatorException {
        Cgroups cgroups = cgroupsOf(config);
        if (containers.putIfAbsent(config.id(), cgroups) != null) {
            throw new IsolatorException("Container " + config.id() + " is already prepared");
        }
        try {
            for (Cgroup cgroup : cgroups.distinct()) {
                cgroup.create();
            }
            configure(cgroups, config.limits());
        } catch (IsolatorException e) {
            containers.remove(config.id());
            destroy(cgroups);
            throw e;
        }
    }

    private Cgroups cgroupsOf(ContainerConfig config) {
        Map<String, Cgroup> byController = new LinkedHashMap<>();
        hierarchies.forEach((controller, hierarchy) -> byController.put(controller, hierarchy.cgroup(config.id())));
        return new Cgroups(config, byController);
    }

    @Override
    public void isolate(ContainerId id, long pid) throws IsolatorException {
        for (Cgroup cgroup : cgroups(id).distinct()) {
            cgroup.add(pid);
        }
    }

    @Override
    public CompletableFuture<Limitation> watch(ContainerId id) {
        return new CompletableFuture<>();
    }

    @Override
    public void update(ContainerId id, ContainerLimits limits) throws IsolatorException {
        configure(cgroups(id), limits);
    }

    @Override
    public ResourceStatistics usage(ContainerId id) throws IsolatorException {
        return usage(cgroups(id));
    }

    Cgroups cgroups(ContainerId id) throws IsolatorException {
        Cgroups cgroups = containers.get(id);
        if (cgroups == null) {
            throw new IsolatorException("Unknown container " + id);
        }
        return cgroups;
    }

    @Override
    public void cleanup(ContainerId id) throws IsolatorException {
        Cgroups cgroups = containers.get(id);
        if (cgroups != null) {
            destroy(cgroups);
            // Forgotten only once destroyed: a cleanup that failed (e.g. interrupted as the agent stops) is tried
            // again by close().
            containers.remove(id);
        }
    }

    /** Destroys each cgroup, going on past failures; the first failure is thrown at the end. */
    private static void destroy(Cgroups cgroups) throws IsolatorException {
        List<IsolatorException> failures = new ArrayList<>();
        for (Cgroup cgroup : cgroups.distinct()) {
            try {
                cgroup.destroy();
            } catch (IsolatorException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** Cleans up the containers whose processes all ended; those still running are left for a restarted agent. */
    @Override
    public void close() {
        for (Map.Entry<ContainerId, Cgroups> container : List.copyOf(containers.entrySet())) {
            try {
                if (isEmpty(container.getValue())) {
                    cleanup(container.getKey());
                }
            } catch (IsolatorException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot clean up container {0}: {1}", container.getKey(),
                        e.getMessage());
            }
        }
    }

    private static boolean isEmpty(Cgroups cgroups) throws IsolatorException {
        for (Cgroup cgroup : cgroups.distinct()) {
            if (cgroup.exists() && !cgroup.processes().isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
