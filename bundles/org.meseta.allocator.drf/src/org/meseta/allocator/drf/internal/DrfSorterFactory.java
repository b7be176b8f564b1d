package org.meseta.allocator.drf.internal;

import java.util.Set;
import org.meseta.allocator.api.Sorter;
import org.meseta.allocator.api.SorterFactory;
import org.osgi.service.component.annotations.Component;

/** Offers the weighted, hierarchical DRF sorter as the {@link SorterFactory} named {@code drf}. */
@Component(property = SorterFactory.NAME_PROPERTY + "=drf")
public final class DrfSorterFactory implements SorterFactory {

    @Override
    public Sorter create(Set<String> excludedResourceNames) {
        return new DrfSorter(excludedResourceNames);
    }
}
