package org.meseta.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Media type constants and content negotiation as Mesos clients expect it. Pure functions, thread-safe.
 */
public final class MediaTypes {

    public static final String APPLICATION_JSON = "application/json";
    /** Sent exactly like this, without parameters: a Java client compares the response header for equality. */
    public static final String APPLICATION_PROTOBUF = "application/x-protobuf";
    public static final String APPLICATION_RECORDIO = "application/recordio";
    public static final String APPLICATION_OCTET_STREAM = "application/octet-stream";
    public static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
    public static final String TEXT_JAVASCRIPT = "text/javascript";
    public static final String TEXT_HTML_UTF8 = "text/html; charset=utf-8";

    /** One media range of an Accept header, e.g. {@code application/*;q=0.5}. */
    private record MediaRange(String type, String subtype, double quality) {

        /** How specifically this range matches: 2 exact, 1 {@code type/*}, 0 any type, -1 not at all. */
        int specificity(String mediaType) {
            int slash = mediaType.indexOf('/');
            String offeredType = mediaType.substring(0, slash);
            String offeredSubtype = mediaType.substring(slash + 1);
            if (type.equals("*")) {
                return subtype.equals("*") ? 0 : -1;
            }
            if (!type.equals(offeredType)) {
                return -1;
            }
            if (subtype.equals("*")) {
                return 1;
            }
            return subtype.equals(offeredSubtype) ? 2 : -1;
        }
    }

    private MediaTypes() {
    }

    /**
     * Picks the response type for an {@code Accept} header.
     *
     * <p>A missing or blank header, or {@code *}{@code /*}, yields the first offered type (offer JSON first).
     * Lists, duplicates ({@code application/json, application/json}), {@code type/*} and q-values are
     * understood; the most specific range decides each offer's quality, {@code q=0} excludes, and among equal
     * qualities the earlier offer wins. Malformed ranges are ignored; if nothing parseable remains the header
     * is treated as missing.
     *
     * @param offered bare media types (no parameters), in order of preference
     * @return the chosen type, or empty when the client accepts none of them (answer 406)
     * @throws IllegalArgumentException if an offered entry is not of the form {@code type/subtype}
     */
    public static Optional<String> negotiate(Optional<String> acceptHeader, List<String> offered) {
        for (String candidate : offered) {
            if (candidate.indexOf('/') <= 0) {
                throw new IllegalArgumentException("Not a media type: '" + candidate + "'");
            }
        }
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        List<MediaRange> ranges = acceptHeader.map(MediaTypes::parseAccept).orElse(List.of());
        if (ranges.isEmpty()) {
            return Optional.of(offered.get(0));
        }
        String best = null;
        double bestQuality = 0;
        for (String candidate : offered) {
            double quality = quality(ranges, candidate.toLowerCase(Locale.ROOT));
            if (quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The bare media type of a {@code Content-Type} header: parameters such as {@code ; charset=utf-8} dropped,
     * whitespace trimmed, lower-cased. Empty for a missing or blank header.
     */
    public static Optional<String> requestType(Optional<String> contentTypeHeader) {
        return contentTypeHeader.map(MediaTypes::bareType).filter(type -> !type.isEmpty());
    }

    /** Whether a full content type (possibly with parameters) denotes {@code mediaType}. */
    public static boolean isType(String contentType, String mediaType) {
        return contentType != null && bareType(contentType).equals(mediaType.toLowerCase(Locale.ROOT));
    }

    private static String bareType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static double quality(List<MediaRange> ranges, String mediaType) {
        int bestSpecificity = -1;
        double quality = 0;
        for (MediaRange range : ranges) {
            int specificity = range.specificity(mediaType);
            // Among equally specific ranges (duplicates) the most favourable one counts.
            if (specificity > bestSpecificity || specificity == bestSpecificity && range.quality > quality) {
                bestSpecificity = specificity;
                quality = range.quality;
            }
        }
        return bestSpecificity < 0 ? 0 : quality;
    }

    private static List<MediaRange> parseAccept(String header) {
        List<MediaRange> ranges = new ArrayList<>();
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = type.indexOf('/');
            if (slash <= 0 || slash == type.length() - 1 || type.indexOf('/', slash + 1) >= 0) {
                continue;
            }
            Double quality = 1.0;
            for (int i = 1; i < parts.length && quality != null; i++) {
                String parameter = parts[i].trim();
                if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                    quality = parseQuality(parameter.substring(2).trim());
                }
            }
            if (quality != null) {
                ranges.add(new MediaRange(type.substring(0, slash), type.substring(slash + 1), quality));
            }
        }
        return ranges;
    }

    private static Double parseQuality(String text) {
        try {
            double quality = Double.parseDouble(text);
            return quality >= 0 && quality <= 1 ? quality : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
