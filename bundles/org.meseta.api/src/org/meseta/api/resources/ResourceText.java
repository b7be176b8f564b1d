package org.meseta.api.resources;

import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.DiskInfo;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.apache.mesos.v1.Protos.Value;

/**
 * The Mesos text form of a single resource as Mesos prints it in logs and error messages, e.g.
 * {@code cpus:2}, {@code ports:[31000-32000]}, {@code cpus(reservations: [(STATIC,web)]):1},
 * {@code disk(reservations: [(DYNAMIC,db,alice)])[PATH:/mnt,vol1]:100}. Works on resources that failed
 * validation too, so it can name them in error messages.
 */
final class ResourceText {
    private ResourceText() {
    }

    @SuppressWarnings("deprecation") // Unvalidated input may still use the deprecated 'role' field.
    static String format(Resource resource) {
        StringBuilder text = new StringBuilder(resource.getName());
        if (resource.hasAllocationInfo()) {
            text.append("(allocated: ").append(resource.getAllocationInfo().getRole()).append(')');
        }
        if (resource.getReservationsCount() > 0) {
            text.append(resource.getReservationsList().stream()
                    .map(reservation -> "(" + reservation(reservation) + ")")
                    .collect(Collectors.joining(",", "(reservations: [", "])")));
        } else if (resource.hasRole() && !resource.getRole().equals(Roles.DEFAULT_ROLE)) {
            // The pre-refinement format, which only unvalidated input still carries.
            text.append('(').append(resource.getRole()).append(')');
        }
        if (resource.hasDisk()) {
            text.append('[').append(disk(resource.getDisk())).append(']');
        }
        if (resource.hasRevocable()) {
            text.append("{REV}");
        }
        if (resource.hasShared()) {
            text.append("<SHARED>");
        }
        return text.append(':').append(value(resource)).toString();
    }

    private static String value(Resource resource) {
        // Invalid input may lack the value its type calls for.
        return switch (resource.getType()) {
            case SCALAR -> resource.hasScalar() ? scalar(resource.getScalar()) : "?";
            case RANGES -> resource.hasRanges() ? ranges(resource.getRanges()) : "?";
            case SET -> resource.hasSet() ? "{" + String.join(", ", resource.getSet().getItemList()) + "}" : "?";
            case TEXT -> "?";
        };
    }

    private static String scalar(Value.Scalar scalar) {
        double value = scalar.getValue();
        return Double.isFinite(value) && Math.abs(value) * Scalars.SCALE <= Scalars.MAX_MILLIS
                ? Scalars.format(Scalars.toMillis(value))
                : Double.toString(value);
    }

    /** Prints ranges as given, so that an invalid (inverted, overlapping) list shows what was sent. */
    static String ranges(Value.Ranges ranges) {
        return ranges.getRangeList().stream()
                .map(range -> Long.toUnsignedString(range.getBegin()) + "-" + Long.toUnsignedString(range.getEnd()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String reservation(ReservationInfo reservation) {
        StringBuilder text = new StringBuilder(reservation.getType().name()).append(',').append(reservation.getRole());
        if (reservation.hasPrincipal()) {
            text.append(',').append(reservation.getPrincipal());
        }
        if (reservation.hasLabels()) {
            text.append(',').append(labels(reservation.getLabels()));
        }
        return text.toString();
    }

    private static String labels(Labels labels) {
        return labels.getLabelsList().stream()
                .map(label -> label.hasValue() ? label.getKey() + ": " + label.getValue() : label.getKey())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String disk(DiskInfo disk) {
        StringBuilder text = new StringBuilder();
        if (disk.hasSource()) {
            text.append(source(disk.getSource()));
        }
        if (disk.hasPersistence()) {
            if (disk.hasSource()) {
                text.append(',');
            }
            text.append(disk.getPersistence().getId());
        }
        if (disk.hasVolume()) {
            text.append(':');
            if (disk.getVolume().hasHostPath()) {
                text.append(disk.getVolume().getHostPath()).append(':');
            }
            text.append(disk.getVolume().getContainerPath());
            if (disk.getVolume().hasMode()) {
                text.append(':').append(disk.getVolume().getMode().name().toLowerCase(Locale.ROOT));
            }
        }
        return text.toString();
    }

    private static String source(DiskInfo.Source source) {
        String type = source.getType().name();
        if (source.hasId() || source.hasProfile()) {
            return type + "(" + source.getVendor() + "," + source.getId() + "," + source.getProfile() + ")";
        }
        if (source.hasMount() && source.getMount().hasRoot()) {
            return type + ":" + source.getMount().getRoot();
        }
        if (source.hasPath() && source.getPath().hasRoot()) {
            return type + ":" + source.getPath().getRoot();
        }
        return type;
    }
}
