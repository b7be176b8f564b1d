package org.meseta.containerizer.posix.internal;

import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.osgi.service.component.annotations.Component;

/** Offers {@code posix/cpu}; it needs a Linux {@code /proc} and the clock tick rate its cpu times count in. */
@Component(property = IsolatorFactory.NAME_PROPERTY + "=posix/cpu")
public final class PosixCpuIsolatorFactory implements IsolatorFactory {

    @Override
    public Isolator create(IsolatorOptions options) throws IsolatorException {
        Proc.requireOwn("stat");
        return new PosixCpuIsolator(options.launcher(), Proc.clockTicksPerSecond());
    }
}
