package org.meseta.containerizer.namespaces.internal;

import java.nio.file.Path;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.osgi.service.component.annotations.Component;

/**
 * Offers {@code namespaces/pid}; it needs root, a kernel with pid namespaces and a working util-linux
 * {@code unshare} ({@link PidNamespaceSupport}).
 */
@Component(property = IsolatorFactory.NAME_PROPERTY + "=namespaces/pid")
public final class PidNamespaceIsolatorFactory implements IsolatorFactory {

    @Override
    public Isolator create(IsolatorOptions options) throws IsolatorException {
        return new PidNamespaceIsolator(new PidNamespaceSupport(Path.of("/proc/self"), PidNamespaceSupport.SEARCH_PATH)
                .check());
    }
}
