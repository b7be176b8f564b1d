package org.meseta.master.internal.operator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonValueWriter;
import org.meseta.api.recordio.RecordIO;
import org.meseta.allocator.api.Quota;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.ResponseStream;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.allocation.QuotaConsumption;
import org.meseta.master.internal.offers.OutstandingOffer;
import org.meseta.master.internal.operator.RoleSummaries.RoleSummary;

/**
 * Meseta's offer stream, an extension of the operator API for consoles ({@code GET /api/v1/meseta/offers}, see
 * docs/api-compatibility.md): every offer as it is created, accepted, declined (with the refusal the allocator
 * applies), rescinded or timed out, and the allocator's view of each role. JSON records in RecordIO framing:
 * {@code SUBSCRIBED} with the outstanding offers and the roles, then the events in the master's order,
 * {@code ROLES} whenever the role view changed (checked every {@value #ROLES_MILLIS} ms while anyone listens) and
 * {@code HEARTBEAT} every 15 seconds. Subscribers are kept as {@link EventStreams} says, at most
 * {@code --max_operator_event_stream_subscribers}. Confined to the master's actor thread.
 */
public final class OfferStream {

    static final long ROLES_MILLIS = 1000;

    private final Actor actor;
    private final EventStreams streams;
    private final Supplier<ClusterView> view;
    private final Set<String> fairnessExcluded;
    private byte[] lastRoles = new byte[0];
    /** Whether the role view timer runs: from the first subscriber until a tick finds none left. */
    private boolean watchingRoles;
    private Actor.Timer rolesTimer = () -> {};

    /**
     * @param view a snapshot of the master taken now, on this thread
     * @param fairnessExcluded {@code --fair_sharing_excluded_resource_names}, left out of the roles' shares
     */
    public OfferStream(Actor actor, int max, Supplier<ClusterView> view, Set<String> fairnessExcluded) {
        this.actor = actor;
        this.streams = new EventStreams(actor, "offer stream", max, OperatorSubscribers.HEARTBEAT_INTERVAL,
                mediaType -> record(generator -> type(generator, "HEARTBEAT")));
        this.view = view;
        this.fairnessExcluded = Set.copyOf(fairnessExcluded);
    }

    /** Adds a subscriber and sends it SUBSCRIBED with the offers outstanding now and the role view. */
    public void subscribe(ResponseStream stream) {
        ClusterView now = view.get();
        byte[] roles = roles(now);
        streams.add(stream, V1Protocol.JSON, record(generator -> {
            type(generator, "SUBSCRIBED");
            generator.writeObjectFieldStart("subscribed");
            Map<String, String> hostnames = new HashMap<>();
            now.agents().forEach(agent -> hostnames.put(agent.info().getId().getValue(), agent.info().getHostname()));
            generator.writeArrayFieldStart("offers");
            for (ClusterView.FrameworkView framework : now.frameworks()) {
                for (OutstandingOffer offer : framework.offers()) {
                    JsonCodec.write(generator, offer(offer, hostnames.getOrDefault(offer.agentId().getValue(),
                            "")));
                }
            }
            generator.writeEndArray();
            generator.writeFieldName("roles");
            generator.writeRawValue(new String(roles, StandardCharsets.UTF_8));
            generator.writeNumberField("heartbeat_interval_seconds", OperatorSubscribers.HEARTBEAT_SECONDS);
            generator.writeEndObject();
        }));
        if (!watchingRoles) {
            watchingRoles = true;
            lastRoles = roles;
            scheduleRoles();
        }
    }

    /** Made to a framework, on the agent of {@code hostname}. */
    public void created(OutstandingOffer offer, String hostname) {
        if (streams.any()) {
            publish("OFFER_CREATED", generator -> {
                generator.writeFieldName("offer");
                JsonCodec.write(generator, offer(offer, hostname));
            });
        }
    }

    /** Used by an ACCEPT (whether or not its operations could then be carried out). */
    public void accepted(OutstandingOffer offer) {
        ended("OFFER_ACCEPTED", offer, Optional.empty());
    }

    /** Declined, its resources refused to the framework for {@code refusal} (none: offered again at once). */
    public void declined(OutstandingOffer offer, Optional<Duration> refusal) {
        ended("OFFER_DECLINED", offer, Optional.of(refusal.orElse(Duration.ZERO)));
    }

    /** Withdrawn by the master (its agent or framework went away, or its resources are needed elsewhere). */
    public void rescinded(OutstandingOffer offer) {
        ended("OFFER_RESCINDED", offer, Optional.empty());
    }

    /** Rescinded after {@code --offer_timeout}. */
    public void timedOut(OutstandingOffer offer) {
        ended("OFFER_TIMED_OUT", offer, Optional.empty());
    }

    /** Ends every subscriber's stream, as a master that stops does. */
    public void closeAll() {
        rolesTimer.cancel();
        watchingRoles = false;
        streams.closeAll();
    }

    private void ended(String type, OutstandingOffer offer, Optional<Duration> refusal) {
        if (!streams.any()) {
            return;
        }
        publish(type, generator -> {
            generator.writeFieldName("offer_id");
            JsonCodec.write(generator, offer.id());
            generator.writeFieldName("framework_id");
            JsonCodec.write(generator, offer.frameworkId());
            generator.writeFieldName("agent_id");
            JsonCodec.write(generator, offer.agentId());
            generator.writeStringField("role", offer.role());
            if (refusal.isPresent()) {
                generator.writeObjectFieldStart("filters");
                generator.writeNumberField("refuse_seconds", refusal.get().toNanos() / 1e9);
                generator.writeEndObject();
            }
        });
    }

    private void publish(String type, JsonValueWriter fields) {
        byte[] record = record(generator -> {
            type(generator, type);
            generator.writeObjectFieldStart(type.toLowerCase(Locale.ROOT));
            fields.write(generator);
            generator.writeEndObject();
        });
        streams.publish(mediaType -> record);
    }

    private void scheduleRoles() {
        rolesTimer = actor.schedule(Duration.ofMillis(ROLES_MILLIS), () -> {
            if (!streams.any()) {
                watchingRoles = false;
                return;
            }
            byte[] roles = roles(view.get());
            if (!Arrays.equals(roles, lastRoles)) {
                lastRoles = roles;
                publish("ROLES", generator -> {
                    generator.writeFieldName("roles");
                    generator.writeRawValue(new String(roles, StandardCharsets.UTF_8));
                });
            }
            scheduleRoles();
        });
    }

    /**
     * The role view: an array of Mesos's {@code Role} fields plus allocated, offered, reserved, share and quota (as
     * {@code /roles} has it: guarantee, limit and consumed by resource name).
     */
    private byte[] roles(ClusterView view) {
        List<RoleSummary> roles = RoleSummaries.of(view);
        Resources total = RoleSummaries.clusterTotal(view);
        return JsonCodec.document(generator -> {
            generator.writeStartArray();
            for (RoleSummary role : roles) {
                generator.writeStartObject();
                generator.writeStringField("name", role.name());
                generator.writeNumberField("weight", role.weight());
                generator.writeNumberField("share", RoleSummaries.share(role.name(), roles, total,
                        fairnessExcluded));
                generator.writeArrayFieldStart("frameworks");
                for (String id : role.frameworks()) {
                    generator.writeStartObject();
                    generator.writeStringField("value", id);
                    generator.writeEndObject();
                }
                generator.writeEndArray();
                resources(generator, "allocated", role.allocated().toList());
                resources(generator, "offered", role.offered().toList());
                resources(generator, "reserved", role.reserved().toList());
                quota(generator, view.quotas().getOrDefault(role.name(), Quota.NONE),
                        QuotaConsumption.of(view, role.name()));
                generator.writeEndObject();
            }
            generator.writeEndArray();
        });
    }

    private static void quota(JsonGenerator generator, Quota quota, Map<String, Double> consumed) throws IOException {
        generator.writeObjectFieldStart("quota");
        quantities(generator, "guarantee", quota.guarantees());
        quantities(generator, "limit", quota.limits());
        quantities(generator, "consumed", consumed);
        generator.writeEndObject();
    }

    private static void quantities(JsonGenerator generator, String field, Map<String, Double> quantities)
            throws IOException {
        generator.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> quantity : quantities.entrySet()) {
            generator.writeNumberField(quantity.getKey(), quantity.getValue());
        }
        generator.writeEndObject();
    }

    private static void resources(JsonGenerator generator, String field, Collection<Resource> resources)
            throws IOException {
        generator.writeArrayFieldStart(field);
        for (Resource resource : resources) {
            JsonCodec.write(generator, resource);
        }
        generator.writeEndArray();
    }

    /** The offer as Mesos's {@code Offer} message, with what a console shows: ids, host, role and resources. */
    private static Offer offer(OutstandingOffer offer, String hostname) {
        Offer.Builder built = Offer.newBuilder().setId(offer.id()).setFrameworkId(offer.frameworkId())
                .setAgentId(offer.agentId()).setHostname(hostname).addAllResources(offer.resources().toList());
        built.getAllocationInfoBuilder().setRole(offer.role());
        return built.build();
    }

    private static void type(JsonGenerator generator, String type) throws IOException {
        generator.writeStringField("type", type);
    }

    private static byte[] record(JsonValueWriter fields) {
        return RecordIO.frame(JsonCodec.document(generator -> {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        }));
    }
}
