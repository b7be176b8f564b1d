package org.example.meseta.hello.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Endpoint;
import org.meseta.daemon.Instances;
import org.meseta.daemon.Teardown;
import org.meseta.http.HttpResponse;
import org.meseta.http.HttpTransport;
import org.meseta.http.Router;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** A daemon role named {@code hello}: {@code GET /hello} answers {@code hello}. */
@Component(property = Daemon.NAME_PROPERTY + "=hello")
public final class HelloDaemon implements Daemon {

    static final Flag<String> IP = Flag.string("ip", "IP address to listen on", "127.0.0.1");
    static final Flag<Integer> PORT = Flag.port("port", "Port to listen on", 6060);

    private final Instances instances = new Instances();

    @Override
    public String summary() {
        return "Says hello over HTTP.";
    }

    @Override
    public List<Flag<?>> flags() {
        return List.of(IP, PORT);
    }

    @Override
    public Running start(Flags flags) throws DaemonException {
        Endpoint endpoint = Endpoint.resolve(flags.find(IP), flags.get(PORT), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        Router router = Router.builder()
                .route("GET", "/hello", request -> CompletableFuture.completedFuture(
                        HttpResponse.ok("text/plain", "hello\n".getBytes(StandardCharsets.UTF_8))))
                .build();
        // Whatever is acquired is closed again, newest first, if a later step fails (e.g. the port is taken).
        try (Teardown teardown = new Teardown()) {
            HttpTransport transport = teardown.own(HttpTransport.create("hello-http", 1));
            teardown.own(endpoint.serve(transport, router));
            return instances.adopt(endpoint.address(), "Hello daemon", teardown);
        }
    }

    /** Stopping the bundle (or the framework, on SIGTERM) stops what this component started. */
    @Deactivate
    void deactivate() {
        instances.closeAll();
    }
}
