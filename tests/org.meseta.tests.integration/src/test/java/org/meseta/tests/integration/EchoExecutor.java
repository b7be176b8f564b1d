package org.meseta.tests.integration;

import com.google.protobuf.ByteString;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;
import org.meseta.tests.v1client.RecordIOReader;
import org.meseta.tests.v1client.Wire;

/**
 * A custom executor, run by the agent as its own process ({@link #command()}), speaking the v1 executor API from
 * Mesos's environment variables: it reports each launched task TASK_RUNNING, answers each framework message with
 * {@code echo:<data>}, and on KILL reports TASK_KILLED and exits.
 */
public final class EchoExecutor {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI uri;
    private final FrameworkID frameworkId;
    private final ExecutorID executorId;

    private EchoExecutor() {
        uri = URI.create("http://" + System.getenv("MESOS_AGENT_ENDPOINT") + "/api/v1/executor");
        frameworkId = FrameworkID.newBuilder().setValue(System.getenv("MESOS_FRAMEWORK_ID")).build();
        executorId = ExecutorID.newBuilder().setValue(System.getenv("MESOS_EXECUTOR_ID")).build();
    }

    /** The shell command that runs this executor with the test JVM's classpath. */
    static String command() {
        return "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -Xmx32m -cp '"
                + System.getProperty("java.class.path") + "' " + EchoExecutor.class.getName();
    }

    public static void main(String[] args) throws Exception {
        new EchoExecutor().run();
    }

    private void run() throws Exception {
        HttpResponse<InputStream> stream = HTTP.send(request(Call.newBuilder().setType(Call.Type.SUBSCRIBE)
                .setSubscribe(Call.Subscribe.getDefaultInstance())), HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("SUBSCRIBE answered " + stream.statusCode());
        }
        RecordIOReader reader = new RecordIOReader(stream.body());
        AgentID agent = null;
        for (Optional<byte[]> record = reader.next(); record.isPresent(); record = reader.next()) {
            Event event = Wire.PROTOBUF.decode(record.get(), Event.newBuilder());
            switch (event.getType()) {
                case SUBSCRIBED -> agent = event.getSubscribed().getAgentInfo().getId();
                case LAUNCH -> update(agent, event.getLaunch().getTask().getTaskId(), TaskState.TASK_RUNNING);
                case MESSAGE -> post(Call.newBuilder().setType(Call.Type.MESSAGE).setMessage(Call.Message.newBuilder()
                        .setData(ByteString.copyFromUtf8("echo:" + event.getMessage().getData().toStringUtf8()))));
                case KILL -> {
                    update(agent, event.getKill().getTaskId(), TaskState.TASK_KILLED);
                    return;
                }
                case SHUTDOWN -> {
                    return;
                }
                default -> { }
            }
        }
    }

    private void update(AgentID agent, TaskID task, TaskState state) throws Exception {
        UUID uuid = UUID.randomUUID();
        ByteString bytes = ByteString.copyFrom(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
        post(Call.newBuilder().setType(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder().setStatus(
                TaskStatus.newBuilder().setTaskId(task).setState(state).setSource(TaskStatus.Source.SOURCE_EXECUTOR)
                        .setAgentId(agent).setExecutorId(executorId).setUuid(bytes))));
    }

    private void post(Call.Builder call) throws Exception {
        int status = HTTP.send(request(call), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 202) {
            throw new IllegalStateException(call.getType() + " answered " + status);
        }
    }

    private HttpRequest request(Call.Builder call) {
        byte[] body = Wire.PROTOBUF.encode(call.setFrameworkId(frameworkId).setExecutorId(executorId).build());
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", Wire.PROTOBUF.mediaType()).header("Accept", Wire.PROTOBUF.mediaType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
