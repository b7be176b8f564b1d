package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.meseta.console.core.AgentRow;
import org.meseta.console.core.ClusterSnapshot;
import org.meseta.console.core.ResourceAmounts;
import org.meseta.console.core.internal.AgentsDecoder.MalformedAnswerException;
import org.meseta.testing.GetAgentsJson;

class AgentsDecoderTest {

    @Test
    void readsEveryColumnOfEachAgent() throws Exception {
        String json = GetAgentsJson.getAgents(
                GetAgentsJson.agent("M-S0", "node-a", true, new double[] {4, 8192, 20480}, new double[] {1.5, 1024, 0},
                        "rack:r1;zone:a"),
                GetAgentsJson.agent("M-S1", "node-b", false, new double[] {2, 1024, 0}, new double[] {0, 0, 0}, ""));

        ClusterSnapshot snapshot = AgentsDecoder.decode(bytes(json));

        assertEquals(List.of(
                new AgentRow("M-S0", "node-a", new ResourceAmounts(4, 8192, 20480), new ResourceAmounts(1.5, 1024, 0),
                        "rack:r1;zone:a", true),
                new AgentRow("M-S1", "node-b", new ResourceAmounts(2, 1024, 0), ResourceAmounts.NONE, "", false)),
                snapshot.agents());
    }

    @Test
    void addsUpResourcesSplitAcrossRolesAndFallsBackToAgentInfoWithoutTotals() throws Exception {
        String json = """
                {"type":"GET_AGENTS","get_agents":{"agents":[{
                  "agent_info":{"hostname":"h","id":{"value":"S9"},"resources":[
                    {"name":"cpus","type":"SCALAR","scalar":{"value":1.5},"role":"*"},
                    {"name":"cpus","type":"SCALAR","scalar":{"value":2.5},"role":"web",
                     "reservations":[{"type":"STATIC","role":"web"}]},
                    {"name":"mem","type":"SCALAR","scalar":{"value":100}}]},
                  "active":true,"deactivated":false,"version":"1.11.0"}]}}
                """;

        AgentRow row = AgentsDecoder.decode(bytes(json)).agents().get(0);

        assertEquals(new ResourceAmounts(4, 100, 0), row.total());
        assertEquals(ResourceAmounts.NONE, row.used());
    }

    @Test
    void writesAttributesOfEveryTypeInMesosTextForm() throws Exception {
        String json = """
                {"type":"GET_AGENTS","get_agents":{"agents":[{"agent_info":{"hostname":"h","id":{"value":"S1"},
                  "attributes":[
                    {"name":"rack","type":"TEXT","text":{"value":"r1"}},
                    {"name":"cores","type":"SCALAR","scalar":{"value":8}},
                    {"name":"slots","type":"RANGES","ranges":{"range":[{"begin":1,"end":4},{"begin":8,"end":9}]}},
                    {"name":"zones","type":"SET","set":{"item":["a","b"]}}]},
                  "active":true,"deactivated":false,"version":"1.11.0"}]}}
                """;

        assertEquals("rack:r1;cores:8;slots:[1-4,8-9];zones:{a,b}",
                AgentsDecoder.decode(bytes(json)).agents().get(0).attributes());
    }

    @Test
    void aClusterWithoutAgentsIsEmpty() throws Exception {
        assertEquals(ClusterSnapshot.EMPTY, AgentsDecoder.decode(bytes("{\"type\":\"GET_AGENTS\",\"get_agents\":{}}")));
    }

    @Test
    void refusesAnAnswerToAnotherCall() {
        MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
                () -> AgentsDecoder.decode(bytes("{\"type\":\"GET_HEALTH\",\"get_health\":{\"healthy\":true}}")));

        assertEquals("expected a GET_AGENTS response, got type GET_HEALTH", e.getMessage());
    }

    @Test
    void refusesTextThatIsNotJson() {
        MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
                () -> AgentsDecoder.decode(bytes("<html>Welcome to nginx</html>")));

        assertTrue(e.getMessage().startsWith("malformed GET_AGENTS response: "), e.getMessage());
    }

    @Test
    void refusesAnAgentWithoutItsRequiredFields() {
        MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> AgentsDecoder.decode(
                bytes("{\"type\":\"GET_AGENTS\",\"get_agents\":{\"agents\":[{\"active\":true,\"deactivated\":false,\"version\":\"1\"}]}}")));

        assertTrue(e.getMessage().contains("agent_info"), e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
