package org.meseta.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Dispatches requests to handlers by exact path and method. Immutable and thread-safe once built.
 *
 * <p>An unknown path gets {@code 404} (text); a known path requested with another method gets {@code 405}
 * with an {@code Allow} header. Exact routes win over prefix routes, and the longest matching prefix wins.
 * Aliases (Mesos serves every master route as {@code /X} and {@code /master/X}) are registered explicitly,
 * for which {@link Builder#route(String, HttpHandler, String...)} is a shorthand.
 */
public final class Router implements HttpHandler {

    private record PrefixRoute(String prefix, Map<String, HttpHandler> byMethod) {
    }

    private final Map<String, Map<String, HttpHandler>> exact;
    private final List<PrefixRoute> prefixes;

    private Router(Map<String, Map<String, HttpHandler>> exact, List<PrefixRoute> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        Map<String, HttpHandler> byMethod = methodsFor(request.path()).orElse(null);
        if (byMethod == null) {
            return CompletableFuture.completedFuture(HttpResponse.text(404, "No such endpoint: " + request.path()));
        }
        HttpHandler handler = byMethod.get(request.method());
        if (handler == null) {
            String allowed = String.join(", ", byMethod.keySet());
            return CompletableFuture.completedFuture(HttpResponse
                    .text(405, "Method " + request.method() + " is not allowed for " + request.path()
                            + "; allowed: " + allowed)
                    .withHeader("Allow", allowed));
        }
        return handler.handle(request);
    }

    /** The methods routed for {@code path} (sorted), empty if the path is unknown. */
    public List<String> allowedMethods(String path) {
        return methodsFor(path).map(byMethod -> List.copyOf(byMethod.keySet())).orElse(List.of());
    }

    private Optional<Map<String, HttpHandler>> methodsFor(String path) {
        Map<String, HttpHandler> byMethod = exact.get(path);
        if (byMethod != null) {
            return Optional.of(byMethod);
        }
        for (PrefixRoute route : prefixes) {
            if (path.startsWith(route.prefix)) {
                return Optional.of(route.byMethod);
            }
        }
        return Optional.empty();
    }

    /** Collects routes; not thread-safe. Conflicting registrations fail fast with {@link IllegalArgumentException}. */
    public static final class Builder {
        private final Map<String, Map<String, HttpHandler>> exact = new LinkedHashMap<>();
        private final Map<String, Map<String, HttpHandler>> prefixes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Routes {@code method} on exactly {@code path} (decoded, e.g. {@code /slave(1)/state}). */
        public Builder route(String method, String path, HttpHandler handler) {
            checkPath(path);
            add(exact, method, path, handler, "");
            return this;
        }

        /** Routes {@code method} on each of {@code paths} (aliases) to the same handler. */
        public Builder route(String method, HttpHandler handler, String... paths) {
            if (paths.length == 0) {
                throw new IllegalArgumentException("route needs at least one path");
            }
            for (String path : paths) {
                route(method, path, handler);
            }
            return this;
        }

        /**
         * Routes {@code method} on every path that starts with {@code prefix} (which must end with {@code /}),
         * e.g. static assets under {@code /assets/}.
         */
        public Builder routePrefix(String method, String prefix, HttpHandler handler) {
            checkPath(prefix);
            if (!prefix.endsWith("/")) {
                throw new IllegalArgumentException("Route prefix must end with '/': " + prefix);
            }
            add(prefixes, method, prefix, handler, "*");
            return this;
        }

        public Router build() {
            Map<String, Map<String, HttpHandler>> exactRoutes = new LinkedHashMap<>();
            exact.forEach((path, byMethod) -> exactRoutes.put(path, sortedCopy(byMethod)));
            List<PrefixRoute> prefixRoutes = new ArrayList<>();
            prefixes.forEach((prefix, byMethod) -> prefixRoutes.add(new PrefixRoute(prefix, sortedCopy(byMethod))));
            prefixRoutes.sort(Comparator.comparingInt((PrefixRoute route) -> route.prefix.length()).reversed());
            return new Router(Map.copyOf(exactRoutes), List.copyOf(prefixRoutes));
        }

        private static Map<String, HttpHandler> sortedCopy(Map<String, HttpHandler> byMethod) {
            return Collections.unmodifiableMap(new TreeMap<>(byMethod));
        }

        private static void add(Map<String, Map<String, HttpHandler>> routes, String method, String path,
                HttpHandler handler, String suffix) {
            checkMethod(method);
            Objects.requireNonNull(handler, "handler");
            Map<String, HttpHandler> byMethod = routes.computeIfAbsent(path, key -> new LinkedHashMap<>());
            if (byMethod.putIfAbsent(method, handler) != null) {
                throw new IllegalArgumentException("Duplicate route " + method + " " + path + suffix);
            }
        }

        private static void checkPath(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("Route path must start with '/': " + path);
            }
        }

        private static void checkMethod(String method) {
            if (method == null || method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("Route method must be an upper-case token like GET: " + method);
            }
        }
    }
}
