package org.meseta.allocator.api;

/**
 * Creates allocators of one policy. Registered as an OSGi service with {@link #NAME_PROPERTY} set to the name the
 * master's {@code --allocator} flag selects (Meseta's own is {@code hierarchical}), so a plugin bundle can add a
 * policy. Thread-safe; {@link #create} may be called once per master started in the process.
 */
public interface AllocatorFactory {

    /** Service property naming the policy, e.g. {@code meseta.allocator=hierarchical}. */
    String NAME_PROPERTY = "meseta.allocator";

    /** A new allocator with nothing added yet. */
    Allocator create(AllocatorOptions options);
}
