package org.meseta.containerizer.api;

/**
 * Creates the isolator of one kind for one agent. Registered as an OSGi service with {@link #NAME_PROPERTY} set to
 * the name {@code --isolation} selects it by (Mesos's names: {@code posix/cpu}, {@code posix/mem},
 * {@code cgroups/mem} ...), so that a plugin bundle can add an isolator. Thread-safe; several agents of one process
 * (local mode) each create their own.
 */
public interface IsolatorFactory {

    /** Service property naming the isolator, e.g. {@code meseta.isolator=posix/mem}. */
    String NAME_PROPERTY = "meseta.isolator";

    /**
     * A new isolator, checked against this host: called once per agent at start-up, before any container exists.
     *
     * @throws IsolatorException if the isolator cannot work on this host (e.g. {@code /proc} or a cgroup hierarchy
     *     is missing); the message says why in one line, and the agent refuses to start with it
     */
    Isolator create(IsolatorOptions options) throws IsolatorException;
}
