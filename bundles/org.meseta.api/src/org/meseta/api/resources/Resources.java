package org.meseta.api.resources;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * A collection of Mesos resources as an immutable value with exact arithmetic, following Mesos's
 * {@code Resources} semantics.
 *
 * <ul>
 * <li>Every resource is valid and in the post-refinement reservation format ({@code reservations}, never the
 * deprecated {@code role}/{@code reservation} fields).</li>
 * <li>Resources with the same identity (name, type, reservations, allocation info, disk, revocable, shared,
 * provider id) are combined into one: scalars add (fixed-point, three decimals, see {@link Scalars}), ranges
 * coalesce, sets unite. Empty values (zero scalars, no ranges, no items) are dropped.</li>
 * <li>Persistent volumes, MOUNT/BLOCK disks, RAW disks with an id and shared resources are never combined or split
 * (as in Mesos): they are added and removed whole.</li>
 * <li>{@link #minus} removes what is there and never produces negative values; callers that need the whole
 * amount check {@link #contains} first.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Equality is Mesos's: two collections are equal when each contains the other.
 */
public final class Resources implements Iterable<Resource> {
    private static final Resources EMPTY = new Resources(List.of());

    private final List<ResourceEntry> entries;

    private Resources(List<ResourceEntry> entries) {
        this.entries = entries;
    }

    private static Resources of(List<ResourceEntry> entries) {
        return entries.isEmpty() ? EMPTY : new Resources(Collections.unmodifiableList(entries));
    }

    /** @return the collection with no resources */
    public static Resources empty() {
        return EMPTY;
    }

    /**
     * Validates and combines resources, accepting either reservation format.
     *
     * @param resources resources as received from a framework, an agent or an operator
     * @return the combined resources, converted to the post-refinement format
     * @throws ResourceParseException naming the first invalid resource
     */
    public static Resources of(Iterable<Resource> resources) throws ResourceParseException {
        List<ResourceEntry> entries = new ArrayList<>();
        for (Resource resource : resources) {
            Optional<String> problem = ResourceValidator.problem(resource);
            if (problem.isPresent()) {
                throw new ResourceParseException(
                        "Invalid resource '" + ResourceText.format(resource) + "': " + problem.get());
            }
            ResourceEntry.add(entries, ResourceEntry.of(Reservations.upgrade(resource)));
        }
        return of(entries);
    }

    /**
     * As {@link #of(Iterable)}, for resources that were validated when they entered the system (a launched task's,
     * an agent's total): a failure is a bug, not bad input.
     *
     * @throws IllegalStateException if a resource is invalid after all
     */
    public static Resources ofValidated(Iterable<Resource> resources) {
        try {
            return of(resources);
        } catch (ResourceParseException e) {
            throw new IllegalStateException("Resources validated earlier are invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Parses resources as given on an agent's command line ({@code --resources}): the text form
     * {@code name(role):value;...} or, when the text starts with {@code [}, a JSON array of {@code Resource}
     * objects. Besides validating each resource this rejects what Mesos does not accept on a command line:
     * persistent volumes, revocable resources, dynamic reservations, and one name with two types. The same name
     * given twice adds up.
     *
     * @param text the resources text or JSON
     * @param defaultRole the role of resources given without one, normally {@code *}
     * @return the combined resources
     * @throws ResourceParseException naming the first bad token or resource
     */
    public static Resources parse(String text, String defaultRole) throws ResourceParseException {
        List<ResourceEntry> entries = new ArrayList<>();
        parseList(text, defaultRole).forEach(resource -> ResourceEntry.add(entries, ResourceEntry.of(resource)));
        return of(entries);
    }

    /**
     * As {@link #parse}, but each resource as given, before combining: {@code cpus:0} is kept (a combined
     * collection drops zero amounts) and {@code mem:1;mem:2} stays two resources. For callers that must know
     * what a command line mentions, e.g. an agent deciding which resources to detect.
     *
     * @param text the resources text or JSON
     * @param defaultRole the role of resources given without one, normally {@code *}
     * @return the valid resources in the post-refinement format, in the order given
     * @throws ResourceParseException naming the first bad token or resource
     */
    public static List<Resource> parseList(String text, String defaultRole) throws ResourceParseException {
        Optional<String> roleProblem = Roles.problem(defaultRole);
        if (roleProblem.isPresent()) {
            throw new ResourceParseException("Invalid default role '" + defaultRole + "': " + roleProblem.get());
        }
        List<Resource> resources = text.strip().startsWith("[")
                ? ResourceJsonParser.parse(text, defaultRole)
                : ResourceTextParser.parse(text, defaultRole);
        checkCommandLine(resources);
        return List.copyOf(resources);
    }

    private static void checkCommandLine(List<Resource> resources) throws ResourceParseException {
        Map<String, Value.Type> types = new HashMap<>();
        for (Resource resource : resources) {
            String reason = null;
            if (resource.hasDisk() && resource.getDisk().hasPersistence()) {
                reason = "persistent volumes cannot be given on the command line";
            } else if (resource.hasRevocable()) {
                reason = "revocable resources cannot be given on the command line";
            } else if (Reservations.isDynamicallyReserved(resource)) {
                reason = "dynamic reservations cannot be given on the command line";
            }
            if (reason != null) {
                throw new ResourceParseException("Invalid resource '" + ResourceText.format(resource) + "': " + reason);
            }
            Value.Type previous = types.putIfAbsent(resource.getName(), resource.getType());
            if (previous != null && previous != resource.getType()) {
                throw new ResourceParseException("Invalid resources: '" + resource.getName() + "' is given both as "
                        + ResourceValidator.describe(previous) + " and as "
                        + ResourceValidator.describe(resource.getType()));
            }
        }
    }

    /**
     * @param other more resources
     * @return the sum
     */
    public Resources plus(Resources other) {
        if (other.entries.isEmpty()) {
            return this;
        }
        List<ResourceEntry> sum = new ArrayList<>(entries);
        other.entries.forEach(entry -> ResourceEntry.add(sum, entry));
        return of(sum);
    }

    /**
     * Removes what is there: scalars stop at zero, ranges and sets lose what they have in common with
     * {@code other}, and resources that {@code other} has but this does not are ignored.
     *
     * @param other resources to take away
     * @return the difference
     */
    public Resources minus(Resources other) {
        if (other.entries.isEmpty() || entries.isEmpty()) {
            return this;
        }
        List<ResourceEntry> difference = new ArrayList<>(entries);
        other.entries.forEach(entry -> ResourceEntry.subtract(difference, entry));
        return of(difference);
    }

    /**
     * @param other resources
     * @return true if every resource of {@code other} is here in at least the same amount, with the same identity
     *     (reservations included)
     */
    public boolean contains(Resources other) {
        if (other == this) {
            return true;
        }
        List<ResourceEntry> remaining = new ArrayList<>(entries);
        for (ResourceEntry entry : other.entries) {
            if (!ResourceEntry.holds(remaining, entry)) {
                return false;
            }
            // Indivisible resources (persistent volumes, shared copies) must each be matched by a distinct entry.
            ResourceEntry.subtract(remaining, entry);
        }
        return true;
    }

    /** @return true if there are no resources */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * @param name a resource name, e.g. {@code cpus}
     * @return the total of the scalar resources of that name over all reservations; 0 if there are none
     */
    public double scalar(String name) {
        long millis = 0;
        for (ResourceEntry entry : entries) {
            if (entry.resource().getName().equals(name) && entry.value() instanceof ResourceValue.OfScalar scalar) {
                millis += scalar.millis();
            }
        }
        return Scalars.toDouble(millis);
    }

    /**
     * @param name a resource name, e.g. {@code ports}
     * @return the union of the ranges resources of that name over all reservations, coalesced; empty if none
     */
    public Optional<Value.Ranges> ranges(String name) {
        RangeSet union = null;
        for (ResourceEntry entry : entries) {
            if (entry.resource().getName().equals(name) && entry.value() instanceof ResourceValue.OfRanges ranges) {
                union = union == null ? ranges.ranges() : union.plus(ranges.ranges());
            }
        }
        return Optional.ofNullable(union).map(RangeSet::toProto);
    }

    /**
     * @param predicate a test on single resources
     * @return the resources that pass it; this collection if all do
     */
    public Resources filter(Predicate<Resource> predicate) {
        List<ResourceEntry> passed = null;
        for (int i = 0; i < entries.size(); i++) {
            boolean passes = predicate.test(entries.get(i).resource());
            if (!passes && passed == null) {
                passed = new ArrayList<>(entries.subList(0, i));
            } else if (passes && passed != null) {
                passed.add(entries.get(i));
            }
        }
        return passed == null ? this : of(passed);
    }

    /**
     * Marks every resource as allocated to {@code role} (Mesos's {@code Resources::allocate}), replacing any
     * allocation role it had.
     *
     * @param role a valid role
     * @return the same resources with {@code allocation_info} naming {@code role}
     */
    public Resources allocatedTo(String role) {
        Resource.AllocationInfo info = Resource.AllocationInfo.newBuilder().setRole(role).build();
        return withChange(resource -> resource.setAllocationInfo(info));
    }

    /**
     * Clears every resource's allocation role (Mesos's {@code Resources::unallocate}); resources that differed only
     * in it combine.
     *
     * @return the same resources without {@code allocation_info}; this collection if none has one
     */
    public Resources unallocated() {
        for (ResourceEntry entry : entries) {
            if (entry.resource().hasAllocationInfo()) {
                return withChange(Resource.Builder::clearAllocationInfo);
            }
        }
        return this;
    }

    // Changes what is not the value: the resources stay valid and keep their values, so nothing is validated again.
    private Resources withChange(UnaryOperator<Resource.Builder> change) {
        List<ResourceEntry> changed = new ArrayList<>(entries.size());
        for (ResourceEntry entry : entries) {
            ResourceEntry.add(changed, entry.withChange(change));
        }
        return of(changed);
    }

    /** @return the resources without reservations (those of the default role {@code *}) */
    public Resources unreserved() {
        return filter(resource -> resource.getReservationsCount() == 0);
    }

    /**
     * The reserved resources by the role they are reserved to, as Mesos's {@code reservations()}: a resource
     * counts for the role of its last (most refined) reservation, so {@code eng/web} refining {@code eng} is
     * listed under {@code eng/web}.
     *
     * @return an unmodifiable map from role to its reserved resources, roles in the order they first appear;
     *     empty if nothing is reserved
     */
    public Map<String, Resources> reservedByRole() {
        Map<String, List<ResourceEntry>> byRole = new LinkedHashMap<>();
        for (ResourceEntry entry : entries) {
            int count = entry.resource().getReservationsCount();
            if (count > 0) {
                String role = entry.resource().getReservations(count - 1).getRole();
                byRole.computeIfAbsent(role, key -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, Resources> reserved = new LinkedHashMap<>();
        byRole.forEach((role, roleEntries) -> reserved.put(role, of(roleEntries)));
        return Collections.unmodifiableMap(reserved);
    }

    /** @return the resources, one protobuf per combined resource, in the order they first appeared */
    public List<Resource> toList() {
        return entries.stream().map(ResourceEntry::resource).toList();
    }

    @Override
    public Iterator<Resource> iterator() {
        // Read through, with no list built: the allocator iterates resources on its hot paths.
        Iterator<ResourceEntry> each = entries.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public Resource next() {
                return each.next().resource();
            }
        };
    }

    /**
     * @return the Mesos text form as Mesos logs it, e.g. {@code cpus:2; mem:1024; ports:[31000-32000]}, with
     *     reservations as {@code cpus(reservations: [(STATIC,web)]):1}; {@code {}} when empty
     */
    @Override
    public String toString() {
        if (entries.isEmpty()) {
            return "{}";
        }
        return entries.stream().map(entry -> ResourceText.format(entry.resource())).collect(Collectors.joining("; "));
    }

    /**
     * Writes the "resources object" of Mesos's legacy endpoints ({@code /master/state} and friends), e.g.
     * {@code {"cpus":2.0,"gpus":0.0,"mem":1024.0,"disk":0.0,"ports":"[31000-32000]"}}: one field per name summed
     * over all reservations, {@code cpus}, {@code gpus}, {@code mem} and {@code disk} always present, scalars as
     * numbers, ranges and sets as text ({@code "[1-2, 5-10]"}, {@code "{a, b}"}), revocable resources under
     * {@code <name>_revocable}.
     *
     * @param generator where to write the object (as a value: the caller has written the field name if any)
     * @throws IOException from the generator
     */
    public void writeLegacyJson(JsonGenerator generator) throws IOException {
        LegacyJson.writeResources(generator, entries);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Resources that && contains(that) && that.contains(this);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (ResourceEntry entry : entries) {
            hash += entry.identity().hashCode() * 31 + entry.value().hashCode();
        }
        return hash;
    }
}
