package org.meseta.console.core.launch;

import java.util.Optional;

/**
 * What the console's framework keeps beyond one run of the console: its framework id, so that a console started
 * again subscribes as the same framework (within its failover timeout) and still owns the tasks it launched, and the
 * definition each of its running tasks was launched from, so that it can move them.
 *
 * <p>Called on the framework's own thread, never on a UI thread, so an implementation may write to disk. It must not
 * throw: a memory that cannot be written forgets, and the framework carries on.
 */
public interface FrameworkMemory {

    /** The id the master gave the framework, if it subscribed before. */
    Optional<String> frameworkId();

    /** Remembers the framework's id. */
    void rememberFrameworkId(String id);

    /** Forgets the framework's id (the master removed the framework: the next subscription makes a new one). */
    void forgetFrameworkId();

    /** The definition task {@code taskId} was launched from, if it is remembered. */
    Optional<TaskDefinition> launched(String taskId);

    /** Remembers that task {@code taskId} was launched from {@code definition}. */
    void rememberLaunch(String taskId, TaskDefinition definition);

    /** Forgets task {@code taskId} (it ended). */
    void forgetLaunch(String taskId);

    /** A memory that lasts as long as the console runs (for tests, or when nothing can be stored). */
    static FrameworkMemory inMemory() {
        return new InMemoryFrameworkMemory();
    }
}
