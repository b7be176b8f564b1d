package org.meseta.containerizer.cgroups.internal;

import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.osgi.service.component.annotations.Component;

/** Offers {@code cgroups/mem}; it needs a writable {@code memory} hierarchy. */
@Component(property = IsolatorFactory.NAME_PROPERTY + "=cgroups/mem")
public final class CgroupsMemIsolatorFactory implements IsolatorFactory {

    @Override
    public Isolator create(IsolatorOptions options) throws IsolatorException {
        return new CgroupsMemIsolator(CgroupsIsolatorFactories.hierarchies(options.cgroups(),
                CgroupsMemIsolator.MEMORY));
    }
}
