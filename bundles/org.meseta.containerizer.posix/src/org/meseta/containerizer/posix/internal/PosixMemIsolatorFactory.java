package org.meseta.containerizer.posix.internal;

import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.osgi.service.component.annotations.Component;

/** Offers {@code posix/mem}; it needs a Linux {@code /proc} that shows each process's resident set. */
@Component(property = IsolatorFactory.NAME_PROPERTY + "=posix/mem")
public final class PosixMemIsolatorFactory implements IsolatorFactory {

    @Override
    public Isolator create(IsolatorOptions options) throws IsolatorException {
        Proc.requireOwn("status");
        return new PosixMemIsolator(options.launcher());
    }
}
