package org.meseta.http.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoded path and query of an HTTP request target (RFC 9112 §3.2), and the inverse encoding.
 *
 * <p>Decoding is strict where leniency would be ambiguous: a {@code %} must be followed by two hex digits
 * and the decoded bytes must be valid UTF-8 (Mesos crashed on exactly such input, CVE-2017-7687).
 * Failures are reported as {@link MalformedTargetException} with a message fit for a 400 response.
 *
 * @param path  the percent-decoded path, always starting with {@code /}
 * @param query decoded parameters in order of first appearance; {@code +} means space
 */
public record RequestTarget(String path, Map<String, List<String>> query) {

    /** A request target that cannot be decoded; the message is safe to send to the client. */
    public static final class MalformedTargetException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedTargetException(String message) {
            super(message);
        }
    }

    // RFC 3986 pchar minus "%" plus "/": the characters a path may carry unescaped.
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";
    private static final String QUERY_SAFE = "-._~!$'()*,;:@/?";
    private static final String HEX_DIGITS = "0123456789ABCDEF";

    /**
     * Decodes an origin-form ({@code /a/b?x=1}) or absolute-form ({@code http://host/a/b?x=1}) target.
     *
     * @throws MalformedTargetException for an empty path, a path not starting with {@code /}, bad
     *         percent-encoding or invalid UTF-8
     */
    public static RequestTarget parse(String target) {
        String rest = stripSchemeAndAuthority(target);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int question = rest.indexOf('?');
        String rawPath = question >= 0 ? rest.substring(0, question) : rest;
        String rawQuery = question >= 0 ? rest.substring(question + 1) : "";
        if (rawPath.isEmpty()) {
            throw new MalformedTargetException("Empty request path");
        }
        if (rawPath.charAt(0) != '/') {
            throw new MalformedTargetException("Request path must start with '/'");
        }
        String path = decode(rawPath, false, "Malformed URL path");
        if (path.indexOf('\0') >= 0) {
            throw new MalformedTargetException("Malformed URL path");
        }
        return new RequestTarget(path, decodeQuery(rawQuery));
    }

    /** Encodes a decoded path and query back into an origin-form target that {@link #parse} maps back to them. */
    public static String encode(String path, Map<String, List<String>> query) {
        StringBuilder target = new StringBuilder(path.length() + 16);
        appendEncoded(target, path, PATH_SAFE);
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                target.append(separator);
                appendEncoded(target, parameter.getKey(), QUERY_SAFE);
                target.append('=');
                appendEncoded(target, value, QUERY_SAFE);
                separator = '&';
            }
        }
        return target.toString();
    }

    private static String stripSchemeAndAuthority(String target) {
        int schemeEnd = target.regionMatches(true, 0, "http://", 0, 7) ? 7
                : target.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
        if (schemeEnd < 0) {
            return target;
        }
        int pathStart = target.indexOf('/', schemeEnd);
        int queryStart = target.indexOf('?', schemeEnd);
        if (pathStart < 0 || queryStart >= 0 && queryStart < pathStart) {
            return queryStart < 0 ? "/" : "/" + target.substring(queryStart);
        }
        return target.substring(pathStart);
    }

    private static Map<String, List<String>> decodeQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals >= 0 ? pair.substring(0, equals) : pair, true, "Malformed query string");
            String value = equals >= 0 ? decode(pair.substring(equals + 1), true, "Malformed query string") : "";
            parameters.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String raw, boolean plusIsSpace, String error) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? hexValue(raw.charAt(i + 1)) : -1;
                int low = high >= 0 ? hexValue(raw.charAt(i + 2)) : -1;
                if (low < 0) {
                    throw new MalformedTargetException(error);
                }
                bytes.write(high << 4 | low);
                i += 3;
                continue;
            }
            if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // A literal non-ASCII character: keep it by re-encoding as UTF-8.
                int end = Character.isSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            i++;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedTargetException(error);
        }
    }

    /** ASCII hex only: {@link Character#digit} would also accept non-ASCII digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static void appendEncoded(StringBuilder target, String decoded, String safe) {
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || safe.indexOf(c) >= 0) {
                target.append((char) c);
            } else {
                target.append('%').append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0xf));
            }
        }
    }
}
