package org.meseta.http.internal;

import java.util.Map;

import org.meseta.http.HttpHeaders;

/** Converts received Netty headers; a field our stricter type rejects is skipped rather than failing the response. */
final class ClientHeaders {

    private ClientHeaders() {
    }

    static HttpHeaders copyOf(io.netty.handler.codec.http.HttpHeaders nettyHeaders) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        for (Map.Entry<String, String> header : nettyHeaders) {
            try {
                headers.add(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // A response header with a NUL byte cannot be meaningful to us; drop it.
            }
        }
        return headers.build();
    }
}
