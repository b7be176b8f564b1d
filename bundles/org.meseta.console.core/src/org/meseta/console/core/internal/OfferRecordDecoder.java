package org.meseta.console.core.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalDouble;

import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.RoleQuota;
import org.meseta.console.core.model.RoleView;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the JSON records of Meseta's offer stream. Each record is an object with a {@code type} and a payload
 * field named after it in lower case; the payload's name alone says what the record is, so the order of the two
 * does not matter. Unknown fields are skipped, as Mesos clients skip them. Stateless.
 */
final class OfferRecordDecoder {

    private OfferRecordDecoder() {
    }

    /** @throws MalformedRecordException naming what is wrong, for the user */
    static OfferRecord decode(byte[] json) throws MalformedRecordException {
        try (JsonParser parser = JsonCodec.factory().createParser(json)) {
            try {
                return read(parser);
            } catch (IOException e) {
                throw malformed(JsonCodec.malformed(e, parser));
            }
        } catch (IOException closingAnArrayParser) {
            // Creating or closing a parser over a byte array does no I/O.
            throw malformed(closingAnArrayParser);
        }
    }

    private static OfferRecord read(JsonParser parser) throws IOException, MalformedRecordException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "an offer stream record");
        String type = null;
        OfferRecord record = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                type = parser.getText();
            } else if (value == JsonToken.START_OBJECT && record == null) {
                record = payload(field, parser);
            } else {
                parser.skipChildren();
            }
        }
        if (record != null) {
            return record;
        }
        if ("HEARTBEAT".equals(type)) {
            return new OfferRecord.Heartbeat();
        }
        throw new MalformedRecordException("offer stream record of unknown type " + type);
    }

    /** The record the payload {@code field} makes, or null (payload skipped) if the field is not one. */
    private static OfferRecord payload(String field, JsonParser parser) throws IOException, MalformedRecordException {
        switch (field) {
            case "subscribed" -> {
                List<Offer> offers = new ArrayList<>();
                List<RoleView> roles = new ArrayList<>();
                forEachField(parser, name -> {
                    switch (name) {
                        case "offers" -> forEachElement(parser, () -> offers.add(offer(parser)));
                        case "roles" -> roles.addAll(roles(parser));
                        default -> parser.skipChildren();
                    }
                });
                return new OfferRecord.Subscribed(offers, roles);
            }
            case "offer_created" -> {
                Offer[] offer = new Offer[1];
                forEachField(parser, name -> {
                    if (name.equals("offer")) {
                        offer[0] = offer(parser);
                    } else {
                        parser.skipChildren();
                    }
                });
                if (offer[0] == null) {
                    throw new MalformedRecordException("OFFER_CREATED without an offer");
                }
                return new OfferRecord.Created(offer[0]);
            }
            case "offer_accepted", "offer_declined", "offer_rescinded", "offer_timed_out" -> {
                return ended(OfferEvent.Kind.valueOf(field.substring("offer_".length()).toUpperCase(Locale.ROOT)),
                        parser);
            }
            case "roles" -> {
                List<RoleView> roles = new ArrayList<>();
                forEachField(parser, name -> {
                    if (name.equals("roles")) {
                        roles.addAll(roles(parser));
                    } else {
                        parser.skipChildren();
                    }
                });
                return new OfferRecord.Roles(roles);
            }
            default -> {
                parser.skipChildren();
                return null;
            }
        }
    }

    private static OfferRecord ended(OfferEvent.Kind kind, JsonParser parser)
            throws IOException, MalformedRecordException {
        String[] ids = new String[3];
        String[] role = {""};
        double[] refuse = {Double.NaN};
        forEachField(parser, name -> {
            switch (name) {
                case "offer_id" -> ids[0] = idValue(parser);
                case "framework_id" -> ids[1] = idValue(parser);
                case "agent_id" -> ids[2] = idValue(parser);
                case "role" -> role[0] = parser.getValueAsString("");
                case "filters" -> forEachField(parser, filter -> {
                    if (filter.equals("refuse_seconds")) {
                        refuse[0] = parser.getValueAsDouble();
                    } else {
                        parser.skipChildren();
                    }
                });
                default -> parser.skipChildren();
            }
        });
        if (ids[0] == null) {
            throw new MalformedRecordException("OFFER_" + kind + " without an offer_id");
        }
        return new OfferRecord.Ended(kind, ids[0], orEmpty(ids[1]), orEmpty(ids[2]), role[0],
                Double.isNaN(refuse[0]) ? OptionalDouble.empty() : OptionalDouble.of(refuse[0]));
    }

    private static List<RoleView> roles(JsonParser parser) throws IOException, MalformedRecordException {
        List<RoleView> roles = new ArrayList<>();
        forEachElement(parser, () -> roles.add(role(parser)));
        return roles;
    }

    private static RoleView role(JsonParser parser) throws IOException, MalformedRecordException {
        String[] name = {""};
        double[] numbers = {1, 0};
        List<String> frameworks = new ArrayList<>();
        Amounts[] amounts = {Amounts.NONE, Amounts.NONE, Amounts.NONE};
        RoleQuota[] quota = {RoleQuota.NONE};
        forEachField(parser, field -> {
            switch (field) {
                case "name" -> name[0] = parser.getValueAsString("");
                case "weight" -> numbers[0] = parser.getValueAsDouble();
                case "share" -> numbers[1] = parser.getValueAsDouble();
                case "frameworks" -> forEachElement(parser, () -> frameworks.add(idValue(parser)));
                case "allocated" -> amounts[0] = resources(parser);
                case "offered" -> amounts[1] = resources(parser);
                case "reserved" -> amounts[2] = resources(parser);
                case "quota" -> quota[0] = quota(parser);
                default -> parser.skipChildren();
            }
        });
        return new RoleView(name[0], numbers[0], numbers[1], frameworks, amounts[0], amounts[1], amounts[2],
                quota[0]);
    }

    /** {@code {"guarantee": {"cpus": 1}, "limit": {…}, "consumed": {…}}}, as Mesos's {@code /roles} has it. */
    private static RoleQuota quota(JsonParser parser) throws IOException, MalformedRecordException {
        List<Map<String, Double>> amounts = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        forEachField(parser, field -> {
            int index = List.of("guarantee", "limit", "consumed").indexOf(field);
            if (index < 0) {
                parser.skipChildren();
                return;
            }
            forEachField(parser, name -> amounts.get(index).put(name, parser.getValueAsDouble()));
        });
        return new RoleQuota(amounts.get(0), amounts.get(1), amounts.get(2));
    }

    private static Amounts resources(JsonParser parser) throws IOException, MalformedRecordException {
        List<Resource> resources = new ArrayList<>();
        forEachElement(parser, () -> resources.add(resource(parser)));
        return Amounts.of(resources);
    }

    /** The {@code value} of an id object such as {@code {"value":"F1"}}. */
    private static String idValue(JsonParser parser) throws IOException, MalformedRecordException {
        String[] value = {""};
        forEachField(parser, field -> {
            if (field.equals("value")) {
                value[0] = parser.getValueAsString("");
            } else {
                parser.skipChildren();
            }
        });
        return value[0];
    }

    private static Offer offer(JsonParser parser) throws MalformedRecordException {
        try {
            return JsonCodec.read(parser, Offer.newBuilder()).buildPartial();
        } catch (JsonCodecException e) {
            throw malformed(e);
        }
    }

    private static Resource resource(JsonParser parser) throws MalformedRecordException {
        try {
            return JsonCodec.read(parser, Resource.newBuilder()).buildPartial();
        } catch (JsonCodecException e) {
            throw malformed(e);
        }
    }

    private static MalformedRecordException malformed(Exception e) {
        return new MalformedRecordException("malformed offer stream record: " + e.getMessage());
    }

    /** A field handler; the parser is on the field's value and must be left on its last token. */
    @FunctionalInterface
    private interface FieldReader {
        void read(String name) throws IOException, MalformedRecordException;
    }

    /** An array element handler; the parser is on the element and must be left on its last token. */
    @FunctionalInterface
    private interface ElementReader {
        void read() throws IOException, MalformedRecordException;
    }

    /** Calls {@code reader} for each field of the object the parser is on. */
    private static void forEachField(JsonParser parser, FieldReader reader)
            throws IOException, MalformedRecordException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, "an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            reader.read(name);
        }
    }

    /** Calls {@code reader} for each element of the array the parser is on. */
    private static void forEachElement(JsonParser parser, ElementReader reader)
            throws IOException, MalformedRecordException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, "an array");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            reader.read();
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws MalformedRecordException {
        if (actual != expected) {
            throw new MalformedRecordException("malformed offer stream record: expected " + what + ", got " + actual);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
