package org.meseta.console.core.model;

import java.util.ArrayList;
import java.util.List;

import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * How much of each {@link ResourceKind} a list of Mesos resources holds: scalars added up whatever their role or
 * reservation, ports counted. Immutable.
 *
 * @param cpus CPU shares
 * @param memMb memory in megabytes
 * @param diskMb disk in megabytes (persistent volumes included)
 * @param ports the number of ports in the {@code ports} ranges
 */
public record Amounts(double cpus, double memMb, double diskMb, long ports) {

    /** Nothing at all. */
    public static final Amounts NONE = new Amounts(0, 0, 0, 0);

    /** The amounts in {@code resources}; other resource names are ignored. */
    public static Amounts of(Iterable<Resource> resources) {
        double cpus = 0;
        double mem = 0;
        double disk = 0;
        long ports = 0;
        for (Resource resource : resources) {
            if (resource.getType() == Value.Type.SCALAR) {
                double value = resource.getScalar().getValue();
                switch (resource.getName()) {
                    case "cpus" -> cpus += value;
                    case "mem" -> mem += value;
                    case "disk" -> disk += value;
                    default -> { }
                }
            } else if (resource.getType() == Value.Type.RANGES && resource.getName().equals("ports")) {
                for (Value.Range range : resource.getRanges().getRangeList()) {
                    ports += Math.max(0, range.getEnd() - range.getBegin() + 1);
                }
            }
        }
        return new Amounts(cpus, mem, disk, ports);
    }

    /** The amounts of those of {@code resources} that are reserved to a role (statically or dynamically). */
    public static Amounts reservedOf(Iterable<Resource> resources) {
        List<Resource> reserved = new ArrayList<>();
        for (Resource resource : resources) {
            if (ResourceRoles.isReserved(resource)) {
                reserved.add(resource);
            }
        }
        return of(reserved);
    }

    /** The amount of one kind (ports as a count). */
    public double get(ResourceKind kind) {
        return switch (kind) {
            case CPUS -> cpus;
            case MEM -> memMb;
            case DISK -> diskMb;
            case PORTS -> ports;
        };
    }

    /** Both added up. */
    public Amounts plus(Amounts other) {
        return new Amounts(cpus + other.cpus, memMb + other.memMb, diskMb + other.diskMb, ports + other.ports);
    }

    /** This minus {@code other}, each kind at least zero. */
    public Amounts minusAtLeastZero(Amounts other) {
        return new Amounts(Math.max(0, cpus - other.cpus), Math.max(0, memMb - other.memMb),
                Math.max(0, diskMb - other.diskMb), Math.max(0, ports - other.ports));
    }
}
