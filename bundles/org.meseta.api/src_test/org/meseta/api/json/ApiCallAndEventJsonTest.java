package org.meseta.api.json;

import static org.meseta.api.json.MesosModelJsonTest.assertRoundTrip;
import static org.meseta.api.json.MesosModelJsonTest.scalar;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;

/** Whole scheduler and operator API messages, as they travel in request bodies and RecordIO streams. */
class ApiCallAndEventJsonTest {

    @Test
    void schedulerSubscribeCallRoundTrips() throws JsonCodecException {
        Call subscribe = Call.newBuilder().setType(Call.Type.SUBSCRIBE)
                .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(FrameworkInfo.newBuilder()
                        .setUser("root").setName("spark").addRoles("*").setFailoverTimeout(3600000)
                        .addCapabilities(FrameworkInfo.Capability.newBuilder()
                                .setType(FrameworkInfo.Capability.Type.MULTI_ROLE))))
                .build();
        String mesosJson = """
                {"type":"SUBSCRIBE","subscribe":{"framework_info":{"user":"root","name":"spark",
                 "failover_timeout":3600000.0,"checkpoint":false,"roles":["*"],
                 "capabilities":[{"type":"MULTI_ROLE"}]}}}""";
        Call parsedBack = subscribe.toBuilder()
                .setSubscribe(subscribe.getSubscribe().toBuilder().setFrameworkInfo(
                        subscribe.getSubscribe().getFrameworkInfo().toBuilder().setCheckpoint(false)))
                .build();
        assertRoundTrip(subscribe, mesosJson, parsedBack);
    }

    @Test
    void subscribedEventRoundTripsWithMasterInfo() throws JsonCodecException {
        Event subscribed = Event.newBuilder().setType(Event.Type.SUBSCRIBED)
                .setSubscribed(Event.Subscribed.newBuilder()
                        .setFrameworkId(FrameworkID.newBuilder().setValue("5b0f-0001"))
                        .setHeartbeatIntervalSeconds(15)
                        .setMasterInfo(MasterInfo.newBuilder().setId("5b0f").setIp(16777343).setPort(5050)
                                .setPid("master@127.0.0.1:5050").setHostname("localhost").setVersion("1.11.0")
                                .setAddress(Address.newBuilder().setHostname("localhost").setIp("127.0.0.1")
                                        .setPort(5050))))
                .build();
        String mesosJson = """
                {"type":"SUBSCRIBED","subscribed":{"framework_id":{"value":"5b0f-0001"},
                 "heartbeat_interval_seconds":15.0,
                 "master_info":{"id":"5b0f","ip":16777343,"port":5050,"pid":"master@127.0.0.1:5050",
                   "hostname":"localhost","version":"1.11.0",
                   "address":{"hostname":"localhost","ip":"127.0.0.1","port":5050}}}}""";
        assertRoundTrip(subscribed, mesosJson, subscribed);
    }

    @Test
    void offersEventRoundTrips() throws JsonCodecException {
        Event offers = Event.newBuilder().setType(Event.Type.OFFERS)
                .setOffers(Event.Offers.newBuilder()
                        .addOffers(Offer.newBuilder().setId(OfferID.newBuilder().setValue("5b0f-O1"))
                                .setFrameworkId(FrameworkID.newBuilder().setValue("5b0f-0001"))
                                .setAgentId(AgentID.newBuilder().setValue("5b0f-S0"))
                                .setHostname("agent0")
                                .addResources(scalar("cpus", 2))
                                .addResources(scalar("mem", 1024)))
                        .addOffers(Offer.newBuilder().setId(OfferID.newBuilder().setValue("5b0f-O2"))
                                .setFrameworkId(FrameworkID.newBuilder().setValue("5b0f-0001"))
                                .setAgentId(AgentID.newBuilder().setValue("5b0f-S1"))
                                .setHostname("agent1")))
                .build();
        String mesosJson = """
                {"type":"OFFERS","offers":{"offers":[
                  {"id":{"value":"5b0f-O1"},"framework_id":{"value":"5b0f-0001"},"agent_id":{"value":"5b0f-S0"},
                   "hostname":"agent0","resources":[
                     {"name":"cpus","type":"SCALAR","scalar":{"value":2}},
                     {"name":"mem","type":"SCALAR","scalar":{"value":1024}}]},
                  {"id":{"value":"5b0f-O2"},"framework_id":{"value":"5b0f-0001"},"agent_id":{"value":"5b0f-S1"},
                   "hostname":"agent1"}]}}""";
        assertRoundTrip(offers, mesosJson, offers);
    }

    @Test
    void operatorGetAgentsResponseRoundTripsWithAgentPortDefaultAndNanosecondTimes() throws JsonCodecException {
        Response.GetAgents.Agent agent = Response.GetAgents.Agent.newBuilder()
                .setAgentInfo(AgentInfo.newBuilder().setHostname("agent0")
                        .setId(AgentID.newBuilder().setValue("5b0f-S0")).addResources(scalar("cpus", 8)))
                .setActive(true)
                .setVersion("1.11.0")
                .setPid("slave(1)@10.0.0.5:5051")
                .setRegisteredTime(TimeInfo.newBuilder().setNanoseconds(1700000000123456789L))
                .addTotalResources(scalar("cpus", 8))
                .build();
        Response response = Response.newBuilder().setType(Response.Type.GET_AGENTS)
                .setGetAgents(Response.GetAgents.newBuilder().addAgents(agent))
                .build();
        // AgentInfo.port declares [default = 5051]; the nanosecond timestamp exceeds 2^53 and stays a number.
        String mesosJson = """
                {"type":"GET_AGENTS","get_agents":{"agents":[{
                  "agent_info":{"hostname":"agent0","port":5051,
                    "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":8}}],"id":{"value":"5b0f-S0"}},
                  "active":true,"version":"1.11.0","pid":"slave(1)@10.0.0.5:5051",
                  "registered_time":{"nanoseconds":1700000000123456789},
                  "total_resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":8}}]}]}}""";
        Response parsedBack = response.toBuilder().setGetAgents(Response.GetAgents.newBuilder()
                .addAgents(agent.toBuilder().setAgentInfo(agent.getAgentInfo().toBuilder().setPort(5051))))
                .build();
        assertRoundTrip(response, mesosJson, parsedBack);
    }
}
