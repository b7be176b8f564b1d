package org.meseta.console.ui.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.meseta.console.core.MasterAddress;

/**
 * A framework that subscribes over the v1 scheduler API and then never answers: the offers it is made stay
 * outstanding until the master rescinds them (their agent leaves) or it goes away, so a view has offers to show.
 * It reads its event stream only to keep it flowing. {@link #close()} drops the stream, as a scheduler that dies.
 */
public final class HoldingFramework implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final CompletableFuture<HttpResponse<InputStream>> stream;

    private HoldingFramework(MasterAddress master, String name) {
        String subscribe = "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"console-test\","
                + "\"name\":\"" + name + "\"}}}";
        stream = http.sendAsync(HttpRequest.newBuilder(URI.create("http://" + master + "/api/v1/scheduler"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(subscribe)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        stream.thenAccept(response -> Thread.ofVirtual().name("holding framework " + name).start(() -> {
            try (InputStream events = response.body()) {
                events.transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                // the stream ends when the framework or the master goes
            }
        }));
    }

    /** Subscribes a framework named {@code name} (role {@code *}) with {@code master}. */
    public static HoldingFramework subscribe(MasterAddress master, String name) {
        return new HoldingFramework(master, name);
    }

    @Override
    public void close() {
        stream.cancel(true);
        stream.thenAccept(response -> {
            try {
                response.body().close();
            } catch (IOException alreadyClosed) {
                // nothing left to close
            }
        });
        http.shutdownNow();
    }
}
