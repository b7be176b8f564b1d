package org.meseta.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered list of HTTP header fields with case-insensitive name lookup.
 *
 * <p>Names must be RFC 9110 tokens and values must not contain CR, LF or NUL, so a header built here can
 * never split a response. Violations throw {@link IllegalArgumentException} when the header is added.
 * Instances are immutable and safe to share between threads.
 */
public final class HttpHeaders {

    private static final HttpHeaders EMPTY = new HttpHeaders(List.of());

    /** One header field; the name keeps the spelling it was added with. */
    public record Field(String name, String value) {
        public Field {
            validateName(name);
            validateValue(name, value);
        }
    }

    private final List<Field> fields;

    private HttpHeaders(List<Field> fields) {
        this.fields = fields;
    }

    /** The empty header list. */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Headers from alternating names and values: {@code of("Accept", "application/json", "Mesos-Stream-Id", id)}.
     *
     * @throws IllegalArgumentException if the number of arguments is odd or a name or value is invalid
     */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("HttpHeaders.of needs name/value pairs, got "
                    + namesAndValues.length + " arguments");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of the named header, if present. */
    public Optional<String> first(String name) {
        for (Field field : fields) {
            if (field.name.equalsIgnoreCase(name)) {
                return Optional.of(field.value);
            }
        }
        return Optional.empty();
    }

    /** All values of the named header in the order they were added (empty if absent). */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (Field field : fields) {
            if (field.name.equalsIgnoreCase(name)) {
                values.add(field.value);
            }
        }
        return Collections.unmodifiableList(values);
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** The distinct header names, lower-cased, in order of first appearance. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Field field : fields) {
            names.add(field.name.toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(names);
    }

    /** Every field in order, duplicates included. */
    public List<Field> fields() {
        return fields;
    }

    public void forEach(BiConsumer<String, String> action) {
        for (Field field : fields) {
            action.accept(field.name, field.value);
        }
    }

    public int size() {
        return fields.size();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** A copy with one more field appended (existing fields of that name are kept). */
    public HttpHeaders with(String name, String value) {
        return toBuilder().add(name, value).build();
    }

    /** A copy in which the named header has exactly the given value. */
    public HttpHeaders withReplaced(String name, String value) {
        return toBuilder().set(name, value).build();
    }

    /** A copy without any field of the given name. */
    public HttpHeaders without(String name) {
        return toBuilder().remove(name).build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.fields.addAll(fields);
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpHeaders headers && fields.equals(headers.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** Credentials are masked so that headers can be logged. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (Field field : fields) {
            if (text.length() > 1) {
                text.append(", ");
            }
            boolean secret = field.name.equalsIgnoreCase("Authorization")
                    || field.name.equalsIgnoreCase("Proxy-Authorization")
                    || field.name.equalsIgnoreCase("Cookie");
            text.append(field.name).append(": ").append(secret ? "***" : field.value);
        }
        return text.append('}').toString();
    }

    private static void validateName(String name) {
        Objects.requireNonNull(name, "header name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                throw new IllegalArgumentException("Invalid character in header name '" + name + "'");
            }
        }
    }

    private static void validateValue(String name, String value) {
        Objects.requireNonNull(value, () -> "value of header " + name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException("Header " + name + " contains CR, LF or NUL");
            }
        }
    }

    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Collects fields for an {@link HttpHeaders}; not thread-safe. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        private Builder() {
        }

        /** Appends a field. */
        public Builder add(String name, String value) {
            fields.add(new Field(name, value));
            return this;
        }

        /** Replaces every field of that name with one field holding {@code value}. */
        public Builder set(String name, String value) {
            Field field = new Field(name, value);
            remove(name);
            fields.add(field);
            return this;
        }

        public Builder remove(String name) {
            fields.removeIf(field -> field.name.equalsIgnoreCase(name));
            return this;
        }

        public HttpHeaders build() {
            return fields.isEmpty() ? EMPTY : new HttpHeaders(List.copyOf(fields));
        }
    }
}
