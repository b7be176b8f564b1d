package org.meseta.containerizer.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts and tracks the processes of the agent's containers, as Mesos's launcher does. Meseta's posix launcher
 * starts each container's first process in a session of its own, so that a container is that session: whatever the
 * task starts, even after it was re-parented. Isolators that measure processes themselves (the {@code posix}
 * ones) ask it which processes make up a container; isolators with a kernel grouping of their own (cgroups) need not.
 *
 * <p>Thread-safe; the methods block (they read {@code /proc}) and must not be called on the agent's actor thread.
 */
public interface Launcher {

    /**
     * Every live process of the container whose first process is {@code pid}: that process while it lives, and
     * everything it started that still runs. Processes may end while this looks: the list may name one that ended
     * since, and callers must tolerate that.
     *
     * @return empty once nothing of the container runs any more
     */
    List<Long> processes(long pid);

    /**
     * {@link #processes(long)} for each of {@code pids}, keyed by it. A launcher that must look at every process of
     * the machine to answer answers all of them in one look, which is what makes this cheaper than a call for each.
     */
    default Map<Long, List<Long>> processes(Collection<Long> pids) {
        return pids.stream().distinct().collect(Collectors.toMap(Function.identity(), this::processes));
    }
}
