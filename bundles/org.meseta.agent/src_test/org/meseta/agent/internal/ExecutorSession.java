package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.executor.Protos.Call;
import org.apache.mesos.v1.executor.Protos.Event;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.recordio.RecordIODecoder;
import org.meseta.api.recordio.RecordIOException;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.http.StreamListener;
import org.meseta.testing.Http;

/**
 * A tiny custom executor speaking the v1 executor API to the agent over loopback, in JSON or protobuf: it subscribes
 * (with the ids the agent gave its process in {@code MESOS_FRAMEWORK_ID} and {@code MESOS_EXECUTOR_ID}), collects the
 * events of its stream (checking that every chunk carries exactly one record) and makes calls. The process the agent
 * started for it is a shell script; this is its voice.
 */
final class ExecutorSession implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final URI uri;
    private final String mediaType;
    private final FrameworkID frameworkId;
    private final ExecutorID executorId;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final CompletableFuture<String> contentType = new CompletableFuture<>();
    private final CompletableFuture<Void> stream;

    private ExecutorSession(HttpClient client, URI uri, String mediaType, FrameworkID frameworkId,
            ExecutorID executorId, Call.Subscribe subscription) {
        this.uri = uri;
        this.mediaType = mediaType;
        this.frameworkId = frameworkId;
        this.executorId = executorId;
        RecordIODecoder decoder = new RecordIODecoder(4 * 1024 * 1024);
        Call subscribe = call(Call.Type.SUBSCRIBE).setSubscribe(subscription).build();
        this.stream = client.stream("POST", uri, HttpHeaders.of("Content-Type", mediaType, "Accept", mediaType),
                encode(subscribe), new StreamListener() {
                    @Override
                    public void onResponse(int code, HttpHeaders head) {
                        status.complete(code);
                        contentType.complete(head.first("Content-Type").orElse(""));
                    }

                    @Override
                    public void onChunk(byte[] chunk) {
                        try {
                            List<byte[]> records = decoder.decode(chunk);
                            if (records.size() != 1) {
                                problems.add("a chunk carried " + records.size() + " records");
                            }
                            for (byte[] record : records) {
                                events.add(decode(record));
                            }
                        } catch (RecordIOException | JsonCodecException | InvalidProtocolBufferException e) {
                            problems.add(e.getMessage());
                        }
                    }

                    @Override
                    public void onEnd() {
                        // The stream's end shows as the lack of further events.
                    }

                    @Override
                    public void onFailure(Throwable cause) {
                        problems.add("stream failed: " + cause);
                    }
                });
    }

    /** Subscribes at {@code /api/v1/executor} of the agent on {@code port}, speaking {@code mediaType}. */
    static ExecutorSession subscribe(HttpClient client, int port, String mediaType, String frameworkId,
            String executorId) {
        return resubscribe(client, port, mediaType, frameworkId, executorId, List.of());
    }

    /**
     * Subscribes again, as an executor does after losing its agent: with the updates it sent and has not seen
     * acknowledged.
     */
    static ExecutorSession resubscribe(HttpClient client, int port, String mediaType, String frameworkId,
            String executorId, List<TaskStatus> unacknowledged) {
        Call.Subscribe.Builder subscription = Call.Subscribe.newBuilder();
        unacknowledged.forEach(status -> subscription.addUnacknowledgedUpdates(Call.Update.newBuilder()
                .setStatus(status)));
        return new ExecutorSession(client, URI.create("http://127.0.0.1:" + port + "/api/v1/executor"), mediaType,
                FrameworkID.newBuilder().setValue(frameworkId).build(),
                ExecutorID.newBuilder().setValue(executorId).build(), subscription.build());
    }

    /** The status the agent answered the subscription with. */
    int status() throws Exception {
        return status.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the 200 and the SUBSCRIBED event, which it returns. */
    Event.Subscribed subscribed() throws Exception {
        assertEquals(200, status());
        assertEquals(mediaType, contentType.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        return next(Event.Type.SUBSCRIBED).getSubscribed();
    }

    /** The next event other than a heartbeat, which must be of {@code type}; fails if none arrives in time. */
    Event next(Event.Type type) throws InterruptedException {
        Event event;
        do {
            event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                return fail("No " + type + " event within " + WAIT.toMillis() + " ms; problems: " + problems);
            }
        } while (event.getType() == Event.Type.HEARTBEAT && type != Event.Type.HEARTBEAT);
        assertEquals(type, event.getType(), "event " + event);
        return event;
    }

    /** Sends a fresh update of {@code taskId} from this executor, which the agent must take (202); returns it. */
    TaskStatus update(TaskID taskId, TaskState state) throws Exception {
        TaskStatus status = TaskStatus.newBuilder().setTaskId(taskId).setState(state)
                .setSource(TaskStatus.Source.SOURCE_EXECUTOR).setExecutorId(executorId)
                .setUuid(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                    (byte) state.getNumber()}))
                .build();
        accepted(call(Call.Type.UPDATE).setUpdate(Call.Update.newBuilder().setStatus(status)));
        return status;
    }

    /** Sends {@code data} to the framework; the agent must take it (202). */
    void message(ByteString data) throws Exception {
        accepted(call(Call.Type.MESSAGE).setMessage(Call.Message.newBuilder().setData(data)));
    }

    /** Makes a call as this executor; returns the response. */
    java.net.http.HttpResponse<byte[]> post(Call.Builder call) throws Exception {
        return Http.post(uri, encode(call.build()), "Content-Type", mediaType);
    }

    Call.Builder call(Call.Type type) {
        return Call.newBuilder().setType(type).setFrameworkId(frameworkId).setExecutorId(executorId);
    }

    List<String> problems() {
        return problems;
    }

    private void accepted(Call.Builder call) throws Exception {
        var response = post(call);
        assertEquals(202, response.statusCode(), () -> Http.text(response));
    }

    private byte[] encode(Call call) {
        return mediaType.equals(Http.PROTOBUF) ? call.toByteArray() : JsonCodec.encode(call);
    }

    private Event decode(byte[] record) throws JsonCodecException, InvalidProtocolBufferException {
        return mediaType.equals(Http.PROTOBUF) ? Event.parseFrom(record)
                : JsonCodec.decode(record, Event.newBuilder()).build();
    }

    /** Drops the connection, as an executor that dies does. */
    @Override
    public void close() {
        stream.cancel(true);
    }
}
