package org.meseta.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.meseta.api.recordio.RecordIODecoder;
import org.meseta.api.recordio.RecordIOException;
import org.meseta.http.HttpClientException;
import org.meseta.http.HttpHeaders;
import org.meseta.http.MediaTypes;
import org.meseta.http.StreamListener;

/**
 * Reads the response to SUBSCRIBE: a redirect, an error, or (200 with a {@code Mesos-Stream-Id}) a RecordIO stream
 * of events in the content type asked for. Turns it into {@link StreamSignal}s for the session; after the first
 * signal that ends the stream nothing more is signalled.
 *
 * <p>Called on the connection's event loop, in order, as {@link StreamListener} requires; decoding is cheap and
 * stays there, and {@code signals} must hand the signals to the session's thread without blocking.
 */
final class EventStream implements StreamListener {

    /** Largest event accepted; an OFFERS event of a large cluster is a few megabytes. */
    private static final int MAX_EVENT_BYTES = 64 * 1024 * 1024;
    /** How much of an error response is kept for the message. */
    private static final int MAX_ERROR_BYTES = 2048;

    private enum Mode { HEAD, EVENTS, ERROR_BODY, DONE }

    private final ContentType contentType;
    private final Consumer<StreamSignal> signals;
    private final RecordIODecoder decoder = new RecordIODecoder(MAX_EVENT_BYTES);
    private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
    private Mode mode = Mode.HEAD;
    private int status;

    EventStream(ContentType contentType, Consumer<StreamSignal> signals) {
        this.contentType = contentType;
        this.signals = signals;
    }

    @Override
    public void onResponse(int status, HttpHeaders headers) {
        this.status = status;
        Optional<String> location = headers.first("Location");
        if (status >= 200 && status < 300) {
            open(headers);
        } else if (status >= 300 && status < 400 && location.isPresent()) {
            end(new StreamSignal.Redirected(location.get()));
        } else {
            mode = Mode.ERROR_BODY;
        }
    }

    @Override
    public void onChunk(byte[] chunk) {
        switch (mode) {
            case EVENTS -> decode(chunk);
            case ERROR_BODY -> errorBody.write(chunk, 0, Math.min(chunk.length, MAX_ERROR_BYTES - errorBody.size()));
            case HEAD, DONE -> { }
        }
    }

    @Override
    public void onEnd() {
        switch (mode) {
            case EVENTS -> end(decoder.hasPartialRecord()
                    ? new StreamSignal.Broken("the stream ended in the middle of an event")
                    : new StreamSignal.Ended());
            case ERROR_BODY -> end(new StreamSignal.Refused(status, oneLine(errorBody.toString(StandardCharsets.UTF_8))));
            case HEAD, DONE -> { }
        }
    }

    @Override
    public void onFailure(Throwable cause) {
        if (mode == Mode.DONE) {
            return;
        }
        boolean unreachable = cause instanceof HttpClientException failure
                && failure.reason() == HttpClientException.Reason.CONNECT_FAILED;
        end(unreachable ? new StreamSignal.Unreachable(rootMessage(cause))
                : new StreamSignal.Broken(String.valueOf(cause.getMessage())));
    }

    private void open(HttpHeaders headers) {
        Optional<String> streamId = headers.first("Mesos-Stream-Id").filter(id -> !id.isBlank());
        Optional<String> type = headers.first("Content-Type");
        if (streamId.isEmpty()) {
            end(new StreamSignal.Broken("the master sent no Mesos-Stream-Id header"));
        } else if (type.isPresent() && !MediaTypes.isType(type.get(), contentType.mediaType())) {
            end(new StreamSignal.Broken("the master sent events as " + type.get() + ", not as the "
                    + contentType.mediaType() + " asked for"));
        } else {
            mode = Mode.EVENTS;
            signals.accept(new StreamSignal.Opened(streamId.get()));
        }
    }

    private void decode(byte[] chunk) {
        try {
            for (byte[] record : decoder.decode(chunk)) {
                signals.accept(new StreamSignal.Received(contentType.decodeEvent(record)));
            }
        } catch (RecordIOException | IOException e) {
            end(new StreamSignal.Broken(e.getMessage()));
        }
    }

    private void end(StreamSignal signal) {
        mode = Mode.DONE;
        signals.accept(signal);
    }

    /** What the innermost cause says, e.g. {@code Connection refused: /127.0.0.1:5050}, without the request. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** A master's error text as one line of reasonable length: it ends up in the one error line the user sees. */
    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
