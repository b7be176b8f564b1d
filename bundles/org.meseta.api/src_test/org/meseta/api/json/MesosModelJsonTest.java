package org.meseta.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.meseta.testing.JsonTree.assertSameJson;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.URL;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

/**
 * Round trips of the core Mesos messages against JSON written by hand the way Mesos prints it:
 * the codec's output must match the document, and parsing the document must give back the message
 * (with the fields whose declared default was printed now explicitly set).
 */
class MesosModelJsonTest {

    static void assertRoundTrip(Message message, String mesosJson, Message parsedBack) throws JsonCodecException {
        assertSameJson(mesosJson, JsonCodec.encodeToString(message));
        assertEquals(parsedBack, JsonCodec.decode(mesosJson, parsedBack.newBuilderForType()).build());
    }

    static Resource scalar(String name, double value) {
        return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
    }

    @Test
    void offerRoundTripsWith64BitPortRangesAsNumbers() throws JsonCodecException {
        Offer offer = Offer.newBuilder()
                .setId(OfferID.newBuilder().setValue("5b0f-O17"))
                .setFrameworkId(FrameworkID.newBuilder().setValue("5b0f-0001"))
                .setAgentId(AgentID.newBuilder().setValue("5b0f-S3"))
                .setHostname("node3.example.com")
                .setUrl(URL.newBuilder().setScheme("http").setPath("/slave(1)")
                        .setAddress(Address.newBuilder().setHostname("node3.example.com").setIp("10.0.0.3")
                                .setPort(5051)))
                .addResources(scalar("cpus", 7.5))
                .addResources(Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
                        .setRanges(Value.Ranges.newBuilder()
                                .addRange(Value.Range.newBuilder().setBegin(31000).setEnd(32000))
                                .addRange(Value.Range.newBuilder().setBegin(4294967000L).setEnd(4294967296L))
                                .addRange(Value.Range.newBuilder().setBegin(-2).setEnd(-1))))
                .addResources(scalar("disk", 1024).toBuilder()
                        .addReservations(Resource.ReservationInfo.newBuilder()
                                .setType(Resource.ReservationInfo.Type.DYNAMIC).setRole("web").setPrincipal("ops")))
                .addAttributes(Attribute.newBuilder().setName("rack").setType(Value.Type.TEXT)
                        .setText(Value.Text.newBuilder().setValue("r7")))
                .build();
        // Resource.role has a deprecated default ("*") and must not be printed; uint64 range bounds
        // above 2^32 and at 2^64-1 stay numbers.
        String mesosJson = """
                {"id":{"value":"5b0f-O17"},"framework_id":{"value":"5b0f-0001"},"agent_id":{"value":"5b0f-S3"},
                 "hostname":"node3.example.com",
                 "url":{"scheme":"http","address":{"hostname":"node3.example.com","ip":"10.0.0.3","port":5051},
                        "path":"/slave(1)"},
                 "resources":[
                   {"name":"cpus","type":"SCALAR","scalar":{"value":7.5}},
                   {"name":"ports","type":"RANGES","ranges":{"range":[
                      {"begin":31000,"end":32000},
                      {"begin":4294967000,"end":4294967296},
                      {"begin":18446744073709551614,"end":18446744073709551615}]}},
                   {"name":"disk","type":"SCALAR","scalar":{"value":1024},
                    "reservations":[{"type":"DYNAMIC","role":"web","principal":"ops"}]}],
                 "attributes":[{"name":"rack","type":"TEXT","text":{"value":"r7"}}]}""";
        assertRoundTrip(offer, mesosJson, offer);
    }

    @Test
    void taskInfoRoundTripsWithDefaultsBase64DataAndMap() throws JsonCodecException {
        TaskInfo task = TaskInfo.newBuilder()
                .setName("web-1")
                .setTaskId(TaskID.newBuilder().setValue("web-1.7f3a"))
                .setAgentId(AgentID.newBuilder().setValue("5b0f-S3"))
                .addResources(scalar("cpus", 0.5))
                .setCommand(CommandInfo.newBuilder().setValue("./serve --port $PORT")
                        .addUris(CommandInfo.URI.newBuilder().setValue("http://example.com/app.tgz")))
                .setData(ByteString.copyFromUtf8("hello\0world"))
                .setLabels(Labels.newBuilder().addLabels(Label.newBuilder().setKey("tier").setValue("frontend")))
                .putLimits("cpus", Value.Scalar.newBuilder().setValue(1).build())
                .build();
        // CommandInfo.shell and CommandInfo.URI.extract are unset but declare [default = true].
        String mesosJson = """
                {"name":"web-1","task_id":{"value":"web-1.7f3a"},"agent_id":{"value":"5b0f-S3"},
                 "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.5}}],
                 "command":{"uris":[{"value":"http://example.com/app.tgz","extract":true}],
                            "shell":true,"value":"./serve --port $PORT"},
                 "data":"aGVsbG8Ad29ybGQ=",
                 "labels":{"labels":[{"key":"tier","value":"frontend"}]},
                 "limits":{"cpus":{"value":1.0}}}""";
        TaskInfo parsedBack = task.toBuilder()
                .setCommand(task.getCommand().toBuilder().setShell(true)
                        .setUris(0, task.getCommand().getUris(0).toBuilder().setExtract(true)))
                .build();
        assertRoundTrip(task, mesosJson, parsedBack);
    }

    @Test
    void taskStatusRoundTripsWithPaddedBase64UuidAndEnumNames() throws JsonCodecException {
        byte[] uuid = {(byte) 251, (byte) 255, (byte) 191, 16, 32, 48, 64, 80, 96, 112, (byte) 128, (byte) 144,
                (byte) 160, (byte) 176, (byte) 192, (byte) 208};
        TaskStatus status = TaskStatus.newBuilder()
                .setTaskId(TaskID.newBuilder().setValue("web-1.7f3a"))
                .setState(TaskState.TASK_RUNNING)
                .setSource(TaskStatus.Source.SOURCE_EXECUTOR)
                .setReason(TaskStatus.Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED)
                .setAgentId(AgentID.newBuilder().setValue("5b0f-S3"))
                .setTimestamp(1700000000.25)
                .setUuid(ByteString.copyFrom(uuid))
                .setHealthy(true)
                .build();
        String mesosJson = """
                {"task_id":{"value":"web-1.7f3a"},"state":"TASK_RUNNING","source":"SOURCE_EXECUTOR",
                 "reason":"REASON_TASK_HEALTH_CHECK_STATUS_UPDATED","agent_id":{"value":"5b0f-S3"},
                 "timestamp":1700000000.25,"uuid":"+/+/ECAwQFBgcICQoLDA0A==","healthy":true}""";
        assertRoundTrip(status, mesosJson, status);
    }

    @Test
    void frameworkInfoRoundTripsWithRolesAndCapabilities() throws JsonCodecException {
        FrameworkInfo framework = FrameworkInfo.newBuilder()
                .setUser("root").setName("marathon")
                .setId(FrameworkID.newBuilder().setValue("5b0f-0001"))
                .setFailoverTimeout(604800).setCheckpoint(true)
                .addRoles("web").addRoles("batch")
                .setHostname("m1.example.com").setPrincipal("marathon")
                .addCapabilities(FrameworkInfo.Capability.newBuilder()
                        .setType(FrameworkInfo.Capability.Type.MULTI_ROLE))
                .addCapabilities(FrameworkInfo.Capability.newBuilder()
                        .setType(FrameworkInfo.Capability.Type.RESERVATION_REFINEMENT))
                .build();
        String mesosJson = """
                {"user":"root","name":"marathon","id":{"value":"5b0f-0001"},"failover_timeout":604800.0,
                 "checkpoint":true,"roles":["web","batch"],"hostname":"m1.example.com","principal":"marathon",
                 "capabilities":[{"type":"MULTI_ROLE"},{"type":"RESERVATION_REFINEMENT"}]}""";
        assertRoundTrip(framework, mesosJson, framework);
    }

    @Test
    void minimalFrameworkInfoPrintsNonDeprecatedDefaultsButNotEmptyRepeatedFields() throws JsonCodecException {
        FrameworkInfo framework = FrameworkInfo.newBuilder().setUser("u").setName("n").build();
        // failover_timeout and checkpoint declare defaults; role's default is deprecated; roles is empty.
        String mesosJson = """
                {"user":"u","name":"n","failover_timeout":0.0,"checkpoint":false}""";
        assertRoundTrip(framework, mesosJson, framework.toBuilder().setFailoverTimeout(0).setCheckpoint(false).build());
    }
}
