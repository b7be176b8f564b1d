package org.meseta.console.core.internal;

import java.net.URI;

import org.meseta.console.core.MasterAddress;

/** Where a master's {@code 307} sends a request. Stateless. */
final class Redirects {

    private Redirects() {
    }

    /**
     * The target of a redirect from {@code uri} to {@code location}: Mesos sends a protocol-relative
     * {@code //leader:port/api/v1}, sometimes without the path, which then stays the request's.
     *
     * @throws IllegalArgumentException if the location is not a URI of a host and port
     */
    static URI target(URI uri, String location) {
        URI target = uri.resolve(location);
        if (target.getRawPath() == null || target.getRawPath().isEmpty()) {
            target = target.resolve(uri.getRawPath());
        }
        MasterAddress.of(target);
        return target;
    }
}
