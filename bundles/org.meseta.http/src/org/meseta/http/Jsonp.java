package org.meseta.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * {@code ?jsonp=<callback>} support for the legacy JSON endpoints (the Mesos web UI loads everything this way).
 *
 * <p>A JSON body becomes {@code /**}{@code /callback(json);} with {@code Content-Type: text/javascript}. Only
 * plain JavaScript identifiers and dotted names (such as {@code angular.callbacks._0}) are accepted as
 * callbacks; anything else is rejected with 400 so the endpoint cannot be turned into a script-injection
 * vector. The leading empty comment defeats content-sniffing attacks that start the body with the callback
 * name. Pure functions, thread-safe.
 */
public final class Jsonp {

    /** The query parameter that carries the callback name. */
    public static final String PARAMETER = "jsonp";

    private static final int MAX_CALLBACK_LENGTH = 256;
    private static final Pattern CALLBACK =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final byte[] PREFIX = "/**/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ESCAPED_LS = "\\u2028".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ESCAPED_PS = "\\u2029".getBytes(StandardCharsets.US_ASCII);

    private Jsonp() {
    }

    /**
     * Decorates a JSON endpoint: a request with a valid {@code jsonp} parameter gets its JSON response wrapped;
     * one with an invalid callback gets 400 without the endpoint being called; others pass through unchanged.
     */
    public static HttpHandler wrap(HttpHandler jsonEndpoint) {
        return request -> {
            Optional<HttpResponse> rejection = validate(request);
            if (rejection.isPresent()) {
                return CompletableFuture.completedFuture(rejection.get());
            }
            return jsonEndpoint.handle(request).thenApply(response -> apply(request, response));
        };
    }

    /**
     * Applies the request's {@code jsonp} parameter to a response: only a {@link HttpResponse.FullResponse}
     * with an {@code application/json} body is wrapped (errors and other types pass unchanged); an invalid
     * callback yields 400.
     */
    public static HttpResponse apply(HttpRequest request, HttpResponse response) {
        Optional<String> callback = request.queryParameter(PARAMETER);
        if (callback.isEmpty()) {
            return response;
        }
        if (!isValidCallback(callback.get())) {
            return invalidCallback();
        }
        if (response instanceof HttpResponse.FullResponse full
                && MediaTypes.isType(full.contentType(), MediaTypes.APPLICATION_JSON)) {
            return new HttpResponse.FullResponse(full.status(), MediaTypes.TEXT_JAVASCRIPT,
                    wrapBody(callback.get(), full.body()), full.headers().with("X-Content-Type-Options", "nosniff"));
        }
        return response;
    }

    /** Whether {@code callback} is a JavaScript identifier or a dotted chain of identifiers (at most 256 chars). */
    public static boolean isValidCallback(String callback) {
        return callback.length() <= MAX_CALLBACK_LENGTH && CALLBACK.matcher(callback).matches();
    }

    private static Optional<HttpResponse> validate(HttpRequest request) {
        return request.queryParameter(PARAMETER)
                .filter(callback -> !isValidCallback(callback))
                .map(callback -> invalidCallback());
    }

    private static HttpResponse invalidCallback() {
        return HttpResponse.text(400,
                "Invalid 'jsonp' callback: expected a JavaScript identifier or dotted name such as 'JSON_CALLBACK'");
    }

    private static byte[] wrapBody(String callback, byte[] json) {
        ByteArrayOutputStream script = new ByteArrayOutputStream(json.length + callback.length() + 8);
        script.writeBytes(PREFIX);
        script.writeBytes(callback.getBytes(StandardCharsets.US_ASCII));
        script.write('(');
        writeEscapingLineSeparators(script, json);
        script.write(')');
        script.write(';');
        return script.toByteArray();
    }

    /**
     * JSON may carry U+2028/U+2029 raw inside strings, but older JavaScript engines end a string literal there;
     * escaping them keeps the script valid and the decoded value unchanged.
     */
    private static void writeEscapingLineSeparators(ByteArrayOutputStream out, byte[] json) {
        for (int i = 0; i < json.length; i++) {
            boolean separator = i + 2 < json.length && json[i] == (byte) 0xE2 && json[i + 1] == (byte) 0x80
                    && (json[i + 2] == (byte) 0xA8 || json[i + 2] == (byte) 0xA9);
            if (separator) {
                out.writeBytes(json[i + 2] == (byte) 0xA8 ? ESCAPED_LS : ESCAPED_PS);
                i += 2;
            } else {
                out.write(json[i]);
            }
        }
    }
}
