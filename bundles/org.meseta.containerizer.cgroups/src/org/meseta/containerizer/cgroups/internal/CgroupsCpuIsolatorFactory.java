package org.meseta.containerizer.cgroups.internal;

import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.osgi.service.component.annotations.Component;

/** Offers {@code cgroups/cpu}; it needs writable {@code cpu} and {@code cpuacct} hierarchies (or v2's cpu). */
@Component(property = IsolatorFactory.NAME_PROPERTY + "=cgroups/cpu")
public final class CgroupsCpuIsolatorFactory implements IsolatorFactory {

    @Override
    public Isolator create(IsolatorOptions options) throws IsolatorException {
        return new CgroupsCpuIsolator(CgroupsIsolatorFactories.cpu(options.cgroups()),
                options.cgroups().enableCfs());
    }
}
