package org.meseta.api.resources;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Value;

/**
 * Agent attributes ({@code --attributes}): {@code name:value} pairs separated by {@code ;} (or newlines), e.g.
 * {@code rack:r1;zone:a;level:3;slots:[1-4]}. As in Mesos, a value that is a number is a SCALAR, a
 * {@code [a-b,...]} list is RANGES, anything else is TEXT (whitespace removed); sets are not allowed. Only the
 * first {@code :} separates name and value, so {@code host:a:b} is the TEXT {@code a:b}. A name may repeat, as
 * Mesos allows.
 *
 * <p>Stateless and thread-safe.
 */
public final class Attributes {
    private Attributes() {
    }

    /**
     * @param text the attributes text; empty text gives no attributes
     * @return the attributes in the order given
     * @throws ResourceParseException naming the first bad pair
     */
    public static List<Attribute> parse(String text) throws ResourceParseException {
        List<Attribute> attributes = new ArrayList<>();
        for (String token : text.split("[;\n]")) {
            String pair = token.strip();
            if (!pair.isEmpty()) {
                attributes.add(parsePair(pair));
            }
        }
        return List.copyOf(attributes);
    }

    private static Attribute parsePair(String pair) throws ResourceParseException {
        int colon = pair.indexOf(':');
        if (colon < 0) {
            throw invalid(pair, "expected name:value, e.g. rack:r1, but there is no ':'");
        }
        String name = pair.substring(0, colon).strip();
        if (name.isEmpty()) {
            throw invalid(pair, "the attribute name is missing");
        }
        Value value;
        try {
            value = ValueText.parse(pair.substring(colon + 1));
        } catch (InvalidValueException e) {
            throw invalid(pair, e.getMessage());
        }
        Attribute.Builder attribute = Attribute.newBuilder().setName(name).setType(value.getType());
        switch (value.getType()) {
            case SCALAR -> attribute.setScalar(value.getScalar());
            case RANGES -> attribute.setRanges(value.getRanges());
            case TEXT -> attribute.setText(value.getText());
            case SET -> throw invalid(pair, "sets are not allowed for attributes; use text, a number or ranges");
        }
        return attribute.build();
    }

    /**
     * The text form of attributes, as {@code --attributes} takes it: {@code rack:r1;cores:8;slots:[1-4,8-9]}.
     * Scalars are written in full without trailing zeros ({@code 8}, {@code 0.125}), ranges and sets without
     * spaces ({@code [1-4,8-9]}, {@code {a,b}}), text as is. For attributes from {@link #parse} this is the
     * inverse: parsing the result gives the same attributes. (Sets cannot come from {@link #parse} but may come
     * from other sources, such as another master's answer; they are written in the same compact style.)
     *
     * @param attributes the attributes, in the order to write them
     * @return the text; empty when there are no attributes
     */
    public static String toText(List<Attribute> attributes) {
        return attributes.stream().map(attribute -> attribute.getName() + ":" + valueText(attribute))
                .collect(Collectors.joining(";"));
    }

    private static String valueText(Attribute attribute) {
        return switch (attribute.getType()) {
            case SCALAR -> scalarText(attribute.getScalar().getValue());
            case RANGES -> attribute.getRanges().getRangeList().stream()
                    .map(range -> Long.toUnsignedString(range.getBegin()) + "-"
                            + Long.toUnsignedString(range.getEnd()))
                    .collect(Collectors.joining(",", "[", "]"));
            case SET -> "{" + String.join(",", attribute.getSet().getItemList()) + "}";
            case TEXT -> attribute.getText().getValue();
        };
    }

    private static String scalarText(double value) {
        // Not rounded to Mesos's three decimals: attributes are not resources, and the text must parse back.
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    private static ResourceParseException invalid(String pair, String reason) {
        return new ResourceParseException("Invalid attribute '" + pair + "': " + reason);
    }

    /**
     * Writes the "attributes object" of Mesos's legacy endpoints, e.g.
     * {@code {"rack":"r1","level":3.0,"slots":"[1-4]"}}: scalars as numbers, ranges as text, text as is.
     *
     * @param generator where to write the object (as a value: the caller has written the field name if any)
     * @param attributes the attributes
     * @throws IOException from the generator
     */
    public static void writeLegacyJson(JsonGenerator generator, List<Attribute> attributes) throws IOException {
        LegacyJson.writeAttributes(generator, attributes);
    }
}
