package org.meseta.registry;

import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link Registrar} keeps the registry, as entries: a key (an ASCII path such as {@code admitted/<agent id>})
 * and an opaque value. Implementations: {@link FileRegistryStore} for a master without ZooKeeper, and
 * {@link ZkRegistryStore}, fenced by the writer's leadership. Called from one thread at a time (the registrar's).
 */
public interface RegistryStore extends AutoCloseable {

    /**
     * Every entry stored.
     *
     * @throws RegistryException if the store cannot be read, in one line
     */
    Map<String, byte[]> load() throws RegistryException;

    /**
     * Stores {@code changes}: a value replaces the key's entry (or creates it), empty deletes it.
     *
     * @throws FencedException if this writer may no longer write (it lost its leadership): nothing was written
     * @throws RegistryException if the changes cannot be stored, in one line; some may have been
     */
    void write(Map<String, Optional<byte[]>> changes) throws RegistryException;

    /** Where the store is, for messages, e.g. {@code /var/lib/meseta/master/registry}. */
    String describe();

    @Override
    void close();
}
