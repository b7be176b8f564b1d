package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.testing.JsonTree;

/** A console subscribed to Meseta's offer stream: collects its JSON records, one RecordIO record per chunk. */
final class OfferStreamSession implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);
    private static final Set<String> BACKGROUND = Set.of("HEARTBEAT", "ROLES");

    private final RecordStream<Map<String, Object>> records;
    private final CompletableFuture<Void> stream;

    OfferStreamSession(HttpClient client, URI uri) {
        this.records = new RecordStream<>(record -> JsonTree.parseObject(new String(record, StandardCharsets.UTF_8)));
        this.stream = client.stream("GET", uri, HttpHeaders.of("Accept", "application/json"), new byte[0], records);
    }

    /** Checks the response head and returns the {@code subscribed} object of the first record, SUBSCRIBED. */
    Map<String, Object> subscribed() throws Exception {
        assertEquals(200, records.status().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals("application/json", records.headers().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .first("Content-Type").orElseThrow());
        return next("SUBSCRIBED");
    }

    /**
     * The payload of the next record of {@code type}. Heartbeats and role views come at their own pace and are
     * skipped; waiting for a role view skips the offer events too. Any other record must be of {@code type}.
     */
    Map<String, Object> next(String type) throws InterruptedException {
        Map<String, Object> record;
        String found;
        do {
            record = records.events().poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (record == null) {
                fail("No " + type + " within " + WAIT.toMillis() + " ms; problems: " + records.problems());
            }
            found = JsonTree.string(record, "type");
        } while (!found.equals(type) && (type.equals("ROLES") || BACKGROUND.contains(found)));
        assertEquals(type, found, "record " + record);
        return type.equals("HEARTBEAT") ? record : JsonTree.object(record, type.toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        stream.cancel(true);
    }
}
