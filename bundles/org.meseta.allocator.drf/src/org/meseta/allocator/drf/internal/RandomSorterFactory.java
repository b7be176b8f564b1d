package org.meseta.allocator.drf.internal;

import java.util.Random;
import java.util.Set;
import org.meseta.allocator.api.Sorter;
import org.meseta.allocator.api.SorterFactory;
import org.osgi.service.component.annotations.Component;

/** Offers the weighted random sorter as the {@link SorterFactory} named {@code random}. */
@Component(property = SorterFactory.NAME_PROPERTY + "=random")
public final class RandomSorterFactory implements SorterFactory {

    @Override
    public Sorter create(Set<String> excludedResourceNames) {
        return new RandomSorter(excludedResourceNames, new Random());
    }
}
