package org.meseta.master.internal.frameworks;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;

/**
 * The frameworks this master knows, by id, and those it has removed. Confined to the master's actor thread.
 *
 * <p>Ids follow Mesos: {@code <master id>-NNNN}, a four-digit counter. A removed framework's id can never subscribe
 * again; the newest {@code --max_completed_frameworks} removed frameworks are kept, with their completed tasks, for
 * the endpoints.
 */
public final class Frameworks {

    private final String masterId;
    private final int maxCompletedFrameworks;
    private final int maxCompletedTasks;
    private final Map<String, Framework> byId = new LinkedHashMap<>();
    private final Set<String> removedIds = new HashSet<>();
    private final Deque<Framework> completed = new ArrayDeque<>();
    private long nextId;

    public Frameworks(String masterId, int maxCompletedFrameworks, int maxCompletedTasks) {
        this.masterId = masterId;
        this.maxCompletedFrameworks = maxCompletedFrameworks;
        this.maxCompletedTasks = maxCompletedTasks;
    }

    /** A new id for a framework that subscribes without one. */
    public FrameworkID newId() {
        return FrameworkID.newBuilder().setValue(String.format("%s-%04d", masterId, nextId++)).build();
    }

    /** Adds a framework whose {@code info.id} is set and not known yet. */
    public Framework add(FrameworkInfo info, Set<String> suppressedRoles, Instant now) {
        Framework framework = new Framework(info, suppressedRoles, now, maxCompletedTasks);
        byId.put(info.getId().getValue(), framework);
        return framework;
    }

    public Optional<Framework> find(FrameworkID id) {
        return Optional.ofNullable(byId.get(id.getValue()));
    }

    /** Whether this id belonged to a framework that was torn down or failed over too late. */
    public boolean isRemoved(FrameworkID id) {
        return removedIds.contains(id.getValue());
    }

    /** Frameworks that are not removed, connected or not. */
    public Collection<Framework> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** Moves a framework to the completed ones; the caller has dealt with its tasks, offers and executors. */
    public void remove(Framework framework) {
        byId.remove(framework.id().getValue());
        removedIds.add(framework.id().getValue());
        completed.addLast(framework);
        while (completed.size() > maxCompletedFrameworks) {
            completed.removeFirst();
        }
    }

    /** The newest removed frameworks, oldest first. */
    public Collection<Framework> completed() {
        return Collections.unmodifiableCollection(completed);
    }
}
