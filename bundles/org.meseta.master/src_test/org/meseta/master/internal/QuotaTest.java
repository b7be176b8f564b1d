package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.apache.mesos.v1.quota.Protos.QuotaInfo;
import org.apache.mesos.v1.quota.Protos.QuotaStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;

/**
 * Quota over real HTTP: {@code UPDATE_QUOTA} / {@code GET_QUOTA} in both encodings, the deprecated {@code /quota},
 * Mesos's validation texts, quota in {@code /roles} and the metrics, and its effect on the offers that fake agents'
 * resources make to frameworks.
 */
class QuotaTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path workDir;

    private TestMaster master;
    private OperatorClient operator;

    @AfterEach
    void stopMaster() {
        if (master != null) {
            master.close();
        }
    }

    private void start() throws Exception {
        master = TestMaster.start(workDir, "--agent_ping_timeout=10mins");
        operator = new OperatorClient(master);
    }

    private void addAgents(int count, String resources) throws Exception {
        for (int i = 0; i < count; i++) {
            master.subscribe(LinkSession.subscription(null, 7100 + i, resources)).registered();
        }
    }

    private HttpResponse<byte[]> json(String body) throws Exception {
        return Http.post(master.uri("/api/v1"), body, "Content-Type", Http.JSON);
    }

    /** An {@code UPDATE_QUOTA} call in JSON, as Mesos's docs show it, with {@code configs} inside its array. */
    private HttpResponse<byte[]> updateJson(boolean force, String configs) throws Exception {
        return json("{\"type\":\"UPDATE_QUOTA\",\"update_quota\":{\"force\":" + force + ",\"quota_configs\":["
                + configs + "]}}");
    }

    private void assertOk(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), () -> Http.text(response));
    }

    private QuotaStatus status() throws Exception {
        return operator.both(OperatorClient.call(Call.Type.GET_QUOTA)).getGetQuota().getStatus();
    }

    private HttpResponse<byte[]> delete(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(master.uri(path)).timeout(Duration.ofSeconds(5)).DELETE().build(),
                BodyHandlers.ofByteArray());
    }

    @Test
    void guaranteedRoleIsOfferedItsGuaranteeWhileAGreedyRoleWaits() throws Exception {
        start();
        addAgents(4, "cpus:1");
        assertOk(updateJson(false, "{\"role\":\"prod\",\"guarantees\":{\"cpus\":{\"value\":3}}}"));

        // Three of the four cpus are held back for prod, which has no framework yet.
        SchedulerSession dev = master.framework(Http.JSON, inRole("dev"));
        dev.subscribed();
        assertEquals(1.0, offeredCpus(dev, 1));
        assertTrue(dev.poll(QUIET).filter(event -> event.getType() == Event.Type.OFFERS).isEmpty());

        SchedulerSession prod = master.framework(Http.JSON, inRole("prod"));
        prod.subscribed();
        assertEquals(3.0, offeredCpus(prod, 3));
    }

    @Test
    void limitCapsWhatARoleIsOffered() throws Exception {
        start();
        addAgents(4, "cpus:1");
        assertOk(updateJson(false, "{\"role\":\"capped\",\"limits\":{\"cpus\":{\"value\":2}}}"));

        SchedulerSession capped = master.framework(Http.JSON, inRole("capped"));
        capped.subscribed();
        assertEquals(2.0, offeredCpus(capped, 2));
        assertTrue(capped.poll(QUIET).filter(event -> event.getType() == Event.Type.OFFERS).isEmpty());
    }

    @Test
    void offersBeyondANewLimitAreRescinded() throws Exception {
        start();
        addAgents(4, "cpus:1");
        SchedulerSession greedy = master.framework(Http.JSON, inRole("greedy"));
        greedy.subscribed();
        assertEquals(4.0, offeredCpus(greedy, 4));

        assertOk(updateJson(false, "{\"role\":\"greedy\",\"limits\":{\"cpus\":{\"value\":1}}}"));

        for (int i = 0; i < 3; i++) {
            greedy.next(Event.Type.RESCIND);
        }
        assertTrue(greedy.poll(QUIET).filter(event -> event.getType() == Event.Type.RESCIND
                || event.getType() == Event.Type.OFFERS).isEmpty());
    }

    @Test
    void updateAndGetQuotaRoundTripInJsonAndProtobuf() throws Exception {
        start();
        addAgents(1, "cpus:4;mem:2048");

        assertOk(updateJson(false, "{\"role\":\"eng\",\"guarantees\":{\"cpus\":{\"value\":1}},"
                + "\"limits\":{\"cpus\":{\"value\":2},\"mem\":{\"value\":1024}}}"));
        assertOk(operator.raw(Call.newBuilder().setType(Call.Type.UPDATE_QUOTA)
                .setUpdateQuota(Call.UpdateQuota.newBuilder().addQuotaConfigs(QuotaConfig.newBuilder().setRole("ops")
                        .putLimits("mem", scalar(512))))
                .build()));

        QuotaStatus expected = QuotaStatus.newBuilder()
                .addInfos(QuotaInfo.newBuilder().setRole("eng").addGuarantee(cpus(1)))
                .addInfos(QuotaInfo.newBuilder().setRole("ops"))
                .addConfigs(QuotaConfig.newBuilder().setRole("eng").putGuarantees("cpus", scalar(1))
                        .putLimits("cpus", scalar(2)).putLimits("mem", scalar(1024)))
                .addConfigs(QuotaConfig.newBuilder().setRole("ops").putLimits("mem", scalar(512)))
                .build();
        assertEquals(expected, status());
        for (String path : List.of("/quota", "/master/quota")) {
            JsonTree.assertSameJson("{\"infos\":[{\"role\":\"eng\",\"guarantee\":[{\"name\":\"cpus\","
                    + "\"type\":\"SCALAR\",\"scalar\":{\"value\":1.0}}]},{\"role\":\"ops\"}],"
                    + "\"configs\":[{\"role\":\"eng\",\"guarantees\":{\"cpus\":{\"value\":1.0}},"
                    + "\"limits\":{\"cpus\":{\"value\":2.0},\"mem\":{\"value\":1024.0}}},"
                    + "{\"role\":\"ops\",\"limits\":{\"mem\":{\"value\":512.0}}}]}",
                    Http.text(Http.get(master.uri(path))));
        }

        // A config with neither guarantees nor limits removes the role's quota.
        assertOk(updateJson(false, "{\"role\":\"ops\"}"));
        assertEquals(List.of("eng"), status().getConfigsList().stream().map(QuotaConfig::getRole).toList());
    }

    @Test
    void deprecatedQuotaEndpointSetsAndRemoves() throws Exception {
        start();
        addAgents(1, "cpus:4;mem:2048");
        String request = "{\"role\":\"legacy\",\"guarantee\":[{\"name\":\"cpus\",\"type\":\"SCALAR\","
                + "\"scalar\":{\"value\":2}}]}";

        assertOk(Http.post(master.uri("/quota"), request, "Content-Type", Http.JSON));
        // The guarantees of a legacy request are also its limits.
        assertEquals(List.of(QuotaConfig.newBuilder().setRole("legacy").putGuarantees("cpus", scalar(2))
                .putLimits("cpus", scalar(2)).build()), status().getConfigsList());

        var again = Http.post(master.uri("/master/quota"), request, "Content-Type", Http.JSON);
        assertEquals(400, again.statusCode());
        assertEquals("Failed to validate set quota request: Cannot set quota for role 'legacy' which already has"
                + " quota", Http.text(again));

        assertOk(delete("/master/quota/legacy"));
        assertEquals(List.of(), status().getConfigsList());
        var gone = delete("/quota/legacy");
        assertEquals(400, gone.statusCode());
        assertEquals("Failed to remove quota for path '/master/quota/legacy': Role 'legacy' has no quota set",
                Http.text(gone));

        var overcommit = Http.post(master.uri("/quota"), "{\"role\":\"big\",\"guarantee\":[{\"name\":\"cpus\","
                + "\"type\":\"SCALAR\",\"scalar\":{\"value\":5}}]}", "Content-Type", Http.JSON);
        assertEquals(409, overcommit.statusCode());
        assertEquals("Quota guarantees overcommit the cluster (use 'force' to bypass this check): Total quota"
                + " guarantees 'cpus:5' exceed cluster capacity 'cpus:4; mem:2048'", Http.text(overcommit));
        var malformed = Http.post(master.uri("/quota"), "{\"role\":", "Content-Type", Http.JSON);
        assertEquals(400, malformed.statusCode());
        assertTrue(Http.text(malformed).startsWith("Failed to parse set quota request JSON '{\"role\":'"),
                Http.text(malformed));
    }

    @Test
    void invalidConfigsAreRefusedWithMesossTextsAndChangeNothing() throws Exception {
        start();
        addAgents(1, "cpus(eng):1;cpus:1;mem:512;ports:[31000-31009]");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{\"role\":\"*\",\"limits\":{\"cpus\":{\"value\":1}}}",
                "Invalid QuotaConfig: Invalid 'QuotaConfig.role': setting quota for the default '*' role is not"
                        + " supported");
        refused.put("{\"role\":\"eng/web\",\"limits\":{\"cpus\":{\"value\":1}}}",
                "Invalid QuotaConfig: Updating quota on nested role 'eng/web' is not supported yet");
        refused.put("{\"role\":\"ops\",\"guarantees\":{\"cpus\":{\"value\":2}},\"limits\":{\"cpus\":{\"value\":1}}}",
                "Invalid QuotaConfig: 'QuotaConfig.guarantees' { cpus: 2 } is not contained within the"
                        + " 'QuotaConfig.limits' { cpus: 1 }");
        refused.put("{\"role\":\"ops\",\"guarantees\":{\"cpus\":{\"value\":-1}}}",
                "Invalid QuotaConfig: Invalid guarantee configuration {'cpus': -1}: Negative values not supported");
        refused.put("{\"role\":\"ops\",\"limits\":{\"ports\":{\"value\":10}}}",
                "Invalid QuotaConfig: 'ports' is not a scalar resource: quota applies to scalar resources only");
        refused.put("{\"role\":\"ops\",\"limits\":{\"mem\":{\"value\":2e12}}}",
                "Invalid QuotaConfig: Invalid 'QuotaConfig.limits': {'mem': 2000000000000} is invalid: values"
                        + " greater than 1 exabyte (1099511627776) are not supported");
        refused.put("{\"role\":\"ops\",\"guarantees\":{\"cpus\":{\"value\":100}}}",
                "Invalid QuotaConfig: total quota guarantees 'cpus:100' exceed cluster capacity 'cpus:2; mem:512'"
                        + " (use 'force' flag to bypass this check)");
        refused.put("{\"role\":\"eng\",\"limits\":{\"cpus\":{\"value\":0.5}}}",
                "Invalid QuotaConfig: Role 'eng' is already consuming 'cpus:1'; this is more than the requested"
                        + " limits 'cpus:0.5' (use 'force' flag to bypass this check)");
        for (var entry : refused.entrySet()) {
            // A valid config first: nothing of a refused request is applied.
            var response = updateJson(false, "{\"role\":\"ok\",\"limits\":{\"cpus\":{\"value\":1}}}," + entry.getKey());
            assertEquals(400, response.statusCode(), entry.getKey());
            assertEquals(entry.getValue(), Http.text(response), entry.getKey());
        }
        var role = updateJson(false, "{\"role\":\"..\"}");
        assertEquals(400, role.statusCode());
        assertTrue(Http.text(role).startsWith("Invalid QuotaConfig: Invalid 'QuotaConfig.role': "), Http.text(role));
        var missing = json("{\"type\":\"UPDATE_QUOTA\"}");
        assertEquals(400, missing.statusCode());
        assertEquals("Failed to validate master::Call: Expecting 'update_quota' to be present", Http.text(missing));
        assertEquals(QuotaStatus.getDefaultInstance(), status());

        // 'force' bypasses the capacity and consumption checks, as in Mesos.
        assertOk(updateJson(true, "{\"role\":\"ops\",\"guarantees\":{\"cpus\":{\"value\":100}}},"
                + "{\"role\":\"eng\",\"limits\":{\"cpus\":{\"value\":0.5}}}"));
        assertEquals(List.of("eng", "ops"), status().getConfigsList().stream().map(QuotaConfig::getRole).toList());
    }

    @Test
    void rolesAndMetricsShowQuotaAndWhatIsConsumed() throws Exception {
        start();
        addAgents(1, "cpus(eng):1;cpus:3;mem:512");
        assertOk(updateJson(false, "{\"role\":\"eng\",\"guarantees\":{\"cpus\":{\"value\":2}},"
                + "\"limits\":{\"cpus\":{\"value\":3}}}"));

        assertTrue(operator.both(OperatorClient.call(Call.Type.GET_ROLES)).getGetRoles().getRolesList().stream()
                .anyMatch(role -> role.getName().equals("eng")));
        for (String path : List.of("/roles", "/master/roles")) {
            Map<String, Object> eng = JsonTree.objects(Http.getJson(master.uri(path)), "roles").stream()
                    .filter(role -> JsonTree.string(role, "name").equals("eng")).findFirst().orElseThrow();
            Map<String, Object> quota = JsonTree.object(eng, "quota");
            assertEquals("eng", JsonTree.string(quota, "role"), path);
            assertEquals(Map.of("cpus", JsonTree.num(2)), JsonTree.object(quota, "guarantee"), path);
            assertEquals(Map.of("cpus", JsonTree.num(3)), JsonTree.object(quota, "limit"), path);
            // The reservation counts, allocated or not.
            assertEquals(Map.of("cpus", JsonTree.num(1)), JsonTree.object(quota, "consumed"), path);
        }
        Map<String, Object> metrics = Http.getJson(master.uri("/metrics/snapshot"));
        String prefix = "allocator/mesos/quota/roles/eng/resources/cpus/";
        assertEquals(JsonTree.num(2), JsonTree.number(metrics, prefix + "guarantee"));
        assertEquals(JsonTree.num(3), JsonTree.number(metrics, prefix + "limit"));
        assertEquals(JsonTree.num(1), JsonTree.number(metrics, prefix + "consumed"));
    }

    /** Waits until {@code framework} holds offers for {@code agents} agents; returns the cpus they hold. */
    private static double offeredCpus(SchedulerSession framework, int agents) throws Exception {
        int offered = 0;
        double cpus = 0;
        while (offered < agents) {
            for (Offer offer : framework.next(Event.Type.OFFERS).getOffers().getOffersList()) {
                offered++;
                cpus += offer.getResourcesList().stream().filter(resource -> resource.getName().equals("cpus"))
                        .mapToDouble(resource -> resource.getScalar().getValue()).sum();
            }
        }
        return cpus;
    }

    private static Value.Scalar scalar(double value) {
        return Value.Scalar.newBuilder().setValue(value).build();
    }

    private static Resource cpus(double value) {
        return Resource.newBuilder().setName("cpus").setType(Value.Type.SCALAR).setScalar(scalar(value)).build();
    }

    @SuppressWarnings("deprecation") // the single role, as most frameworks still send it
    private static FrameworkInfo inRole(String role) {
        return SchedulerSession.framework(role).toBuilder().setRole(role).build();
    }
}
