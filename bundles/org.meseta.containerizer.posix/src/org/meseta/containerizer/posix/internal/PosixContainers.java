package org.meseta.containerizer.posix.internal;

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
 * configuration and, once isolated, their first process. Posix isolators enforce nothing in the kernel: they measure
 * the processes the launcher names. Thread-safe.
 */
final class PosixContainers {

    /** One container; {@code pid} is 0 until it is isolated. */
    record Entry(ContainerConfig config, long pid) {}

    private final Launcher launcher;
    private final Map<ContainerId, Entry> entries = new ConcurrentHashMap<>();

    PosixContainers(Launcher launcher) {
        this.launcher = launcher;
    }

    void recover(List<RunningContainer> containers) {
        containers.forEach(container -> entries.put(container.config().id(),
                new Entry(container.config(), container.pid())));
    }

    void prepare(ContainerConfig config) throws IsolatorException {
        if (entries.putIfAbsent(config.id(), new Entry(config, 0)) != null) {
            throw new IsolatorException("Container " + config.id() + " is already prepared");
        }
    }

    void isolate(ContainerId id, long pid) throws IsolatorException {
        Entry entry = entry(id);
        entries.put(id, new Entry(entry.config(), pid));
    }

    Entry entry(ContainerId id) throws IsolatorException {
        Entry entry = entries.get(id);
        if (entry == null) {
            throw new IsolatorException("Unknown container " + id);
        }
        return entry;
    }

    /** The live processes of the container; none before it is isolated. */
    List<Long> processes(ContainerId id) throws IsolatorException {
        long pid = entry(id).pid();
        return pid == 0 ? List.of() : launcher.processes(pid);
    }

    Optional<Entry> remove(ContainerId id) {
        return Optional.ofNullable(entries.remove(id));
    }

    void clear() {
        entries.clear();
    }
}
