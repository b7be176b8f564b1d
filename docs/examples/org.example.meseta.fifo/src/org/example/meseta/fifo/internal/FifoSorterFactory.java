package org.example.meseta.fifo.internal;

import java.util.Set;
import org.meseta.allocator.api.Sorter;
import org.meseta.allocator.api.SorterFactory;
import org.osgi.service.component.annotations.Component;

/** The {@code fifo} sorter policy: {@code --role_sorter=fifo} or {@code --framework_sorter=fifo} selects it. */
@Component(property = SorterFactory.NAME_PROPERTY + "=fifo")
public final class FifoSorterFactory implements SorterFactory {

    @Override
    public Sorter create(Set<String> excludedResourceNames) {
        // Shares play no part in this policy, so neither do the names excluded from them.
        return new FifoSorter();
    }
}
