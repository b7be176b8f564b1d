package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Role;
import org.apache.mesos.v1.Protos.WeightInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.flags.FlagException;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Role weights: {@code --weights}, {@code GET_WEIGHTS} / {@code UPDATE_WEIGHTS} in both encodings, the legacy
 * {@code /weights} and {@code /roles}, and their effect on offers, over real HTTP.
 */
class WeightsTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

    private void start(String... flags) throws Exception {
        master = TestMaster.start(workDir, flags);
        operator = new OperatorClient(master);
    }

    private static WeightInfo weight(String role, double weight) {
        return WeightInfo.newBuilder().setRole(role).setWeight(weight).build();
    }

    private static Call update(WeightInfo... infos) {
        return Call.newBuilder().setType(Call.Type.UPDATE_WEIGHTS)
                .setUpdateWeights(Call.UpdateWeights.newBuilder().addAllWeightInfos(List.of(infos))).build();
    }

    private List<WeightInfo> weights() throws Exception {
        return operator.both(OperatorClient.call(Call.Type.GET_WEIGHTS)).getGetWeights().getWeightInfosList();
    }

    private HttpResponse<byte[]> updateJson(String body) throws Exception {
        return Http.post(master.uri("/api/v1"), body, "Content-Type", Http.JSON);
    }

    private HttpResponse<byte[]> put(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(master.uri(path)).timeout(Duration.ofSeconds(5))
                .PUT(BodyPublishers.ofString(body)).header("Content-Type", Http.JSON).build(),
                BodyHandlers.ofByteArray());
    }

    @Test
    void withoutWeightsGetWeightsIsEmpty() throws Exception {
        start();

        assertEquals(List.of(), weights());
        assertEquals("[]", Http.text(Http.get(master.uri("/weights"))));
    }

    @Test
    void weightsFlagIsAppliedAtStart() throws Exception {
        start("--weights=eng=2.5,ops=3");

        assertEquals(List.of(weight("eng", 2.5), weight("ops", 3)), weights());
        assertEquals("eng=2.5,ops=3", JsonTree.string(JsonTree.object(master.state(), "flags"), "weights"));
    }

    @Test
    void updateWeightsInJsonAndProtobufSetsTheNamedRolesAndKeepsTheOthers() throws Exception {
        start("--weights=eng=2");

        var json = updateJson(JsonCodec.encodeToString(update(weight("ops", 3))));
        assertEquals(200, json.statusCode(), () -> Http.text(json));
        assertEquals(List.of(weight("eng", 2), weight("ops", 3)), weights());

        var protobuf = operator.raw(update(weight("eng", 0.5), weight("a/b", 4)));
        assertEquals(200, protobuf.statusCode(), () -> Http.text(protobuf));
        assertEquals(List.of(weight("a/b", 4), weight("eng", 0.5), weight("ops", 3)), weights());
    }

    @Test
    void badWeightsAreRefusedWith400AndChangeNothing() throws Exception {
        start("--weights=eng=2");

        Map<String, String> bad = new TreeMap<>(Map.of(
                "zero", "{\"role\":\"ops\",\"weight\":0}",
                "negative", "{\"role\":\"ops\",\"weight\":-1.5}",
                "invalid role", "{\"role\":\"/ops\",\"weight\":2}",
                "dot role", "{\"role\":\"..\",\"weight\":2}"));
        for (var entry : bad.entrySet()) {
            // A valid entry first: nothing of a refused request is applied.
            String infos = "[{\"role\":\"eng\",\"weight\":7}," + entry.getValue() + "]";
            var call = updateJson("{\"type\":\"UPDATE_WEIGHTS\",\"update_weights\":{\"weight_infos\":" + infos + "}}");
            assertEquals(400, call.statusCode(), entry.getKey() + ": " + Http.text(call));
            var legacy = put("/weights", infos);
            assertEquals(400, legacy.statusCode(), entry.getKey() + ": " + Http.text(legacy));
        }
        var nonNumeric = updateJson(
                "{\"type\":\"UPDATE_WEIGHTS\",\"update_weights\":{\"weight_infos\":[{\"role\":\"ops\",\"weight\":\"x\"}]}}");
        assertEquals(400, nonNumeric.statusCode(), () -> Http.text(nonNumeric));
        var legacyNonNumeric = put("/master/weights", "[{\"role\":\"ops\",\"weight\":\"heavy\"}]");
        assertEquals(400, legacyNonNumeric.statusCode(), () -> Http.text(legacyNonNumeric));
        var notAnArray = put("/weights", "{\"role\":\"ops\",\"weight\":2}");
        assertEquals(400, notAnArray.statusCode(), () -> Http.text(notAnArray));

        assertEquals(List.of(weight("eng", 2)), weights());
    }

    @Test
    void messagesNameTheProblem() throws Exception {
        start();

        var zero = operator.raw(update(weight("ops", 0)));
        assertEquals(400, zero.statusCode());
        assertTrue(Http.text(zero).contains("weights must be positive"), Http.text(zero));
        assertTrue(Http.text(zero).contains("'ops'"), Http.text(zero));

        var role = operator.raw(update(weight("a//b", 1)));
        assertEquals(400, role.statusCode());
        assertTrue(Http.text(role).startsWith("Invalid role 'a//b'"), Http.text(role));
    }

    @Test
    void legacyWeightsEndpointGetsAndPuts() throws Exception {
        start("--weights=eng=2");

        var put = put("/master/weights", "[{\"role\":\"ops\",\"weight\":3.5},{\"weight\":1.5,\"role\":\"eng\"}]");
        assertEquals(200, put.statusCode(), () -> Http.text(put));

        for (String path : List.of("/weights", "/master/weights")) {
            JsonTree.assertSameJson("[{\"role\":\"eng\",\"weight\":1.5},{\"role\":\"ops\",\"weight\":3.5}]",
                    Http.text(Http.get(master.uri(path))));
        }
        assertEquals(List.of(weight("eng", 1.5), weight("ops", 3.5)), weights());
    }

    @Test
    void rolesReportTheirWeight() throws Exception {
        start("--weights=eng=2");
        master.framework(Http.JSON, inRole("web")).subscribed();

        List<Role> roles = operator.both(OperatorClient.call(Call.Type.GET_ROLES)).getGetRoles().getRolesList();
        assertEquals(Map.of("eng", 2.0, "web", 1.0), weightsOf(roles));

        operator.raw(update(weight("web", 4)));
        roles = operator.both(OperatorClient.call(Call.Type.GET_ROLES)).getGetRoles().getRolesList();
        assertEquals(Map.of("eng", 2.0, "web", 4.0), weightsOf(roles));

        for (String path : List.of("/roles", "/master/roles")) {
            List<Map<String, Object>> listed = JsonTree.objects(Http.getJson(master.uri(path)), "roles");
            assertEquals("eng", JsonTree.string(listed.get(0), "name"), path);
            assertEquals(JsonTree.num(2.0), JsonTree.number(listed.get(0), "weight"), path);
            assertEquals("web", JsonTree.string(listed.get(1), "name"), path);
            assertEquals(JsonTree.num(4.0), JsonTree.number(listed.get(1), "weight"), path);
            assertEquals(1, JsonTree.array(listed.get(1), "frameworks").size(), path);
        }
    }

    private static Map<String, Double> weightsOf(List<Role> roles) {
        Map<String, Double> weights = new TreeMap<>();
        roles.forEach(role -> weights.put(role.getName(), role.getWeight()));
        return weights;
    }

    @Test
    void badWeightsFlagsAreRefusedInOneLine() {
        for (String flag : List.of("--weights=eng=0", "--weights=eng=-1", "--weights=eng=x", "--weights=/eng=2",
                "--weights=eng", "--weights=eng=2,,ops=1")) {
            FlagException error = assertThrows(FlagException.class, () -> TestMaster.start(workDir, flag), flag);
            assertTrue(error.getMessage().startsWith("Invalid value '"), error.getMessage());
            assertEquals(1, error.getMessage().lines().count(), error.getMessage());
        }
    }

    /**
     * Four equal agents, two frameworks that decline nothing and hold what they are offered: by weighted DRF the
     * role of weight 3 is offered three of them and the role of weight 1 one, whichever order the offers go out in.
     */
    @Test
    void offersFollowTheWeights() throws Exception {
        start("--weights=light=1,heavy=3", "--agent_ping_timeout=10mins");
        SchedulerSession light = master.framework(Http.JSON, inRole("light"));
        light.subscribed();
        SchedulerSession heavy = master.framework(Http.JSON, inRole("heavy"));
        heavy.subscribed();
        for (int i = 0; i < 4; i++) {
            master.subscribe(LinkSession.subscription(null, 7000 + i, "cpus:1;mem:256")).registered();
        }

        assertEquals(1, offeredAgents(light, 1));
        assertEquals(3, offeredAgents(heavy, 3));
        assertTrue(light.poll(Duration.ofMillis(300)).filter(e -> e.getType() == Event.Type.OFFERS).isEmpty());
    }

    /** Waits until {@code framework} holds offers for {@code expected} agents; returns how many it got. */
    private static int offeredAgents(SchedulerSession framework, int expected) throws Exception {
        int agents = 0;
        while (agents < expected) {
            Event offers = framework.next(Event.Type.OFFERS);
            agents += offers.getOffers().getOffersCount();
        }
        return agents;
    }

    @SuppressWarnings("deprecation") // the single role, as most frameworks still send it
    private static FrameworkInfo inRole(String role) {
        return SchedulerSession.framework(role).toBuilder().setRole(role).build();
    }
}
