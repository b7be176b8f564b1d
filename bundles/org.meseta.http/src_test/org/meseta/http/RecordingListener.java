package org.meseta.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a {@link StreamListener} is told, as strings, for assertions in order. */
final class RecordingListener implements StreamListener {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    volatile HttpHeaders headers;
    volatile Throwable failure;

    @Override
    public void onResponse(int status, HttpHeaders responseHeaders) {
        headers = responseHeaders;
        events.add("status " + status);
    }

    @Override
    public void onChunk(byte[] chunk) {
        events.add("chunk " + new String(chunk, StandardCharsets.UTF_8));
    }

    @Override
    public void onEnd() {
        events.add("end");
    }

    @Override
    public void onFailure(Throwable cause) {
        failure = cause;
        events.add("failure " + cause.getClass().getSimpleName());
    }

    /** The next event, or {@code "nothing"} if none arrives within 5 s. */
    String next() throws InterruptedException {
        String event = events.poll(ServerTestSupport.WAIT_SECONDS, TimeUnit.SECONDS);
        return event == null ? "nothing" : event;
    }

    /** Whether no further event arrives within {@code millis}. */
    boolean quietFor(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS) == null;
    }
}
