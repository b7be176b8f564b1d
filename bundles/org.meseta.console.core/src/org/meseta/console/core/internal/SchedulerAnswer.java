package org.meseta.console.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.Encoding;

/**
 * A master's answer to a framework's call on {@code /api/v1/scheduler}: 202 without a body when it took the call,
 * errors as plain text (Mesos's {@code 400 Bad Request} with the reason, {@code 403 Framework is not subscribed}).
 * The value is the answer's text, empty for 202. Stateless.
 */
enum SchedulerAnswer implements HttpCallClient.Answer<String> {
    INSTANCE;

    @Override
    public String value(byte[] body, Encoding encoding) {
        return text(body);
    }

    @Override
    public CallResult.Refused<String> refusal(int status, byte[] body) {
        return new CallResult.Refused<>(status, text(body), List.of());
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).strip();
    }
}
