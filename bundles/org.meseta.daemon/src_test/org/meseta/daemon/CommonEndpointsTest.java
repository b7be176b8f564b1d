package org.meseta.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.Router;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CommonEndpointsTest {

    private final Router router = router();

    private static Router router() {
        SortedMap<String, String> flags = new TreeMap<>();
        flags.put("port", "5050");
        flags.put("work_dir", "/var/lib/meseta");
        Router.Builder routes = Router.builder();
        CommonEndpoints.addTo(routes, flags, "", "/master");
        return routes.build();
    }

    private HttpResponse.FullResponse get(String target) throws Exception {
        HttpResponse response = router.handle(HttpRequest.of("GET", target, HttpHeaders.empty(), new byte[0]))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        return assertInstanceOf(HttpResponse.FullResponse.class, response);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersUnderEveryPrefix() {
        return Stream.of("/health", "/master/health", "/version", "/master/version", "/flags", "/master/flags")
                .map(path -> DynamicTest.dynamicTest(path, () -> assertEquals(200, get(path).status())));
    }

    @Test
    void healthIsAnEmptyOk() throws Exception {
        HttpResponse.FullResponse health = get("/health");

        assertEquals(0, health.body().length);
    }

    @Test
    void flagsIsAnObjectOfEffectiveValues() throws Exception {
        HttpResponse.FullResponse flags = get("/flags");

        assertEquals("application/json", flags.contentType());
        assertEquals("{\"flags\":{\"port\":\"5050\",\"work_dir\":\"/var/lib/meseta\"}}", flags.bodyText());
    }

    @Test
    void versionNamesTheMesosApiLevelAndMeseta() throws Exception {
        String version = get("/master/version").bodyText();

        assertTrue(version.startsWith("{\"version\":\"1.11.0\",\"meseta_version\":\"" + Build.mesetaVersion() + "\""),
                version);
        assertTrue(version.contains("\"build_user\":\"meseta\""), version);
    }

    @Test
    void jsonpWrapsTheJsonForTheWebUi() throws Exception {
        HttpResponse.FullResponse flags = get("/flags?jsonp=cb");

        assertEquals("text/javascript", flags.contentType());
        assertEquals("/**/cb({\"flags\":{\"port\":\"5050\",\"work_dir\":\"/var/lib/meseta\"}});", flags.bodyText());
    }

    @Test
    void timesAreFractionalSecondsSinceTheEpoch() {
        assertEquals(1.5, JsonBody.seconds(Instant.ofEpochSecond(1, 500_000_000)));
        assertEquals(1_700_000_000.25, JsonBody.seconds(Instant.ofEpochSecond(1_700_000_000L, 250_000_000)));
    }
}
