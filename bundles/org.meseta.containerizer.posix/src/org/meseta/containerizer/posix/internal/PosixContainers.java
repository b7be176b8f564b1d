package org.meseta.containerizer.posix.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.meseta.containerizer.api.ContainerConfig;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.Launcher;
import org.meseta.containerizer.api.RunningContainer;

/**
 * The containers a posix isolator knows, from {@code prepare} (or {@code recover}) to {@code cleanup}, with their
 * configuration and, once isolated, their processes (the first, and the tasks of a task group). Posix isolators enforce nothing in the kernel: they measure
 * the processes the launcher names. Thread-safe.
 */
final class PosixContainers {

    /** One container and the processes isolated in it (its first, then any further ones), none until isolated. */
    record Entry(ContainerConfig config, List<Long> pids) {

        Entry {
            pids = List.copyOf(pids);
        }

        Entry with(long pid) {
            List<Long> more = new ArrayList<>(pids);
            more.add(pid);
            return new Entry(config, more);
        }
    }

    private final Launcher launcher;
    private final Map<ContainerId, Entry> entries = new ConcurrentHashMap<>();

    PosixContainers(Launcher launcher) {
        this.launcher = launcher;
    }

    void recover(List<RunningContainer> containers) {
        containers.forEach(container -> entries.put(container.config().id(),
                new Entry(container.config(), List.of(container.pid()))));
    }

    void prepare(ContainerConfig config) throws IsolatorException {
        if (entries.putIfAbsent(config.id(), new Entry(config, List.of())) != null) {
            throw new IsolatorException("Container " + config.id() + " is already prepared");
        }
    }

    void isolate(ContainerId id, long pid) throws IsolatorException {
        entry(id);
        entries.computeIfPresent(id, (key, entry) -> entry.with(pid));
    }

    Entry entry(ContainerId id) throws IsolatorException {
        Entry entry = entries.get(id);
        if (entry == null) {
            throw new IsolatorException("Unknown container " + id);
        }
        return entry;
    }

    /** The live processes of the container: those of each process isolated in it; none before it is isolated. */
    List<Long> processes(ContainerId id) throws IsolatorException {
        return entry(id).pids().stream().flatMap(pid -> launcher.processes(pid).stream()).distinct().toList();
    }

    /**
     * The live processes of each of {@code ids} still known, in one question to the launcher (one look at the
     * machine's processes rather than one per container); those cleaned up meanwhile are left out.
     */
    Map<ContainerId, List<Long>> processes(Collection<ContainerId> ids) {
        Map<ContainerId, List<Long>> firstPids = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(entries.get(id)).ifPresent(entry -> firstPids.put(id, entry.pids())));
        Map<Long, List<Long>> members = launcher.processes(firstPids.values().stream().flatMap(List::stream)
                .toList());
        Map<ContainerId, List<Long>> answer = new HashMap<>();
        firstPids.forEach((id, pids) -> answer.put(id, pids.stream().flatMap(pid -> members.get(pid).stream())
                .distinct().toList()));
        return answer;
    }

    Optional<Entry> remove(ContainerId id) {
        return Optional.ofNullable(entries.remove(id));
    }

    void clear() {
        entries.clear();
    }
}
