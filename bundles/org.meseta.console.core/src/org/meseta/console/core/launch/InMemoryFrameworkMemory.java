package org.meseta.console.core.launch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link FrameworkMemory} held in memory only. Thread-safe. */
final class InMemoryFrameworkMemory implements FrameworkMemory {

    private volatile String frameworkId;
    private final Map<String, TaskDefinition> launched = new ConcurrentHashMap<>();

    @Override
    public Optional<String> frameworkId() {
        return Optional.ofNullable(frameworkId);
    }

    @Override
    public void rememberFrameworkId(String id) {
        frameworkId = id;
    }

    @Override
    public void forgetFrameworkId() {
        frameworkId = null;
    }

    @Override
    public Optional<TaskDefinition> launched(String taskId) {
        return Optional.ofNullable(launched.get(taskId));
    }

    @Override
    public void rememberLaunch(String taskId, TaskDefinition definition) {
        launched.put(taskId, definition);
    }

    @Override
    public void forgetLaunch(String taskId) {
        launched.remove(taskId);
    }
}
