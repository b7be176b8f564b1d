package org.meseta.allocator.drf.internal;

import java.util.Random;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.AllocatorFactory;
import org.meseta.allocator.api.AllocatorOptions;
import org.osgi.service.component.annotations.Component;

/** Offers Mesos's hierarchical DRF allocator as the {@link AllocatorFactory} named {@code hierarchical}. */
@Component(property = AllocatorFactory.NAME_PROPERTY + "=hierarchical")
public final class HierarchicalAllocatorFactory implements AllocatorFactory {

    @Override
    public Allocator create(AllocatorOptions options) {
        return new HierarchicalAllocator(options, new Random());
    }
}
