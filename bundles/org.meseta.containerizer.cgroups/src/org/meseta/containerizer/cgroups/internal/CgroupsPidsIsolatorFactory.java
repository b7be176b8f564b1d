package org.meseta.containerizer.cgroups.internal;

import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.osgi.service.component.annotations.Component;

/** Offers {@code cgroups/pids}; it needs a writable {@code pids} hierarchy. */
@Component(property = IsolatorFactory.NAME_PROPERTY + "=cgroups/pids")
public final class CgroupsPidsIsolatorFactory implements IsolatorFactory {

    @Override
    public Isolator create(IsolatorOptions options) throws IsolatorException {
        return new CgroupsPidsIsolator(CgroupsIsolatorFactories.hierarchies(options.cgroups(),
                CgroupsPidsIsolator.PIDS), options.cgroups().pidsMax());
    }
}
