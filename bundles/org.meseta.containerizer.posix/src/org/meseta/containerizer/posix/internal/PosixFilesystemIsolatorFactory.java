package org.meseta.containerizer.posix.internal;

import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.osgi.service.component.annotations.Component;

/** Offers {@code filesystem/posix}; it needs nothing of the host beyond symlinks, which every POSIX file system has. */
@Component(property = IsolatorFactory.NAME_PROPERTY + "=filesystem/posix")
public final class PosixFilesystemIsolatorFactory implements IsolatorFactory {

    @Override
    public Isolator create(IsolatorOptions options) {
        return new PosixFilesystemIsolator(options.launcher());
    }
}
