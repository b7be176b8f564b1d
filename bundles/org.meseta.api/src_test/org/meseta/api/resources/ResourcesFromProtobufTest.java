package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.DiskInfo;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.Protos.Volume;
import org.junit.jupiter.api.Test;

/** {@link Resources#of}: validation, format upgrade, and the resources Mesos never combines or splits. */
class ResourcesFromProtobufTest {

    private static Resource.Builder scalar(String name, double value) {
        return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value));
    }

    private static ReservationInfo reservation(ReservationInfo.Type type, String role) {
        return ReservationInfo.newBuilder().setType(type).setRole(role).build();
    }

    private static Resource volume(String id, double size) {
        return scalar("disk", size)
                .addReservations(reservation(ReservationInfo.Type.STATIC, "db"))
                .setDisk(DiskInfo.newBuilder()
                        .setPersistence(DiskInfo.Persistence.newBuilder().setId(id))
                        .setVolume(Volume.newBuilder().setContainerPath("data").setMode(Volume.Mode.RW)))
                .build();
    }

    private static Resource mountDisk(double size) {
        return scalar("disk", size).setDisk(DiskInfo.newBuilder().setSource(DiskInfo.Source.newBuilder()
                .setType(DiskInfo.Source.Type.MOUNT)
                .setMount(DiskInfo.Source.Mount.newBuilder().setRoot("/mnt/a")))).build();
    }

    @Test
    @SuppressWarnings("deprecation") // The deprecated fields are the input under test.
    void preRefinementResourcesAreUpgraded() throws ResourceParseException {
        Resource unreserved = scalar("cpus", 1).setRole("*").build();
        Resource reservedStatically = scalar("cpus", 2).setRole("web").build();
        Resource reservedDynamically = scalar("cpus", 3).setRole("web")
                .setReservation(ReservationInfo.newBuilder().setPrincipal("alice")).build();

        List<Resource> upgraded = Resources.of(List.of(unreserved, reservedStatically, reservedDynamically)).toList();

        assertEquals(scalar("cpus", 1).build(), upgraded.get(0));
        assertEquals(scalar("cpus", 2).addReservations(reservation(ReservationInfo.Type.STATIC, "web")).build(),
                upgraded.get(1));
        assertEquals(scalar("cpus", 3).addReservations(ReservationInfo.newBuilder()
                .setType(ReservationInfo.Type.DYNAMIC).setRole("web").setPrincipal("alice")).build(), upgraded.get(2));
    }

    @Test
    void refinedReservationsAreAccepted() throws ResourceParseException {
        Resource refined = scalar("cpus", 1)
                .addReservations(reservation(ReservationInfo.Type.STATIC, "eng"))
                .addReservations(reservation(ReservationInfo.Type.DYNAMIC, "eng/web"))
                .build();

        assertEquals(List.of(refined), Resources.of(List.of(refined)).toList());
    }

    @Test
    void scalarsAreStoredRoundedToThousandths() throws ResourceParseException {
        Resources resources = Resources.of(List.of(scalar("cpus", 0.3336).build()));

        assertEquals(List.of(scalar("cpus", 0.334).build()), resources.toList());
    }

    @Test
    void invalidResourcesAreRejectedWithTheirTextForm() {
        Resource refinedStatically = scalar("cpus", 1)
                .addReservations(reservation(ReservationInfo.Type.STATIC, "eng"))
                .addReservations(reservation(ReservationInfo.Type.STATIC, "eng/web"))
                .build();
        Resource notARefinement = scalar("cpus", 1)
                .addReservations(reservation(ReservationInfo.Type.STATIC, "eng"))
                .addReservations(reservation(ReservationInfo.Type.DYNAMIC, "ops"))
                .build();
        Resource sharedCpus = scalar("cpus", 1).setShared(Resource.SharedInfo.getDefaultInstance()).build();

        assertRejected("Invalid resource 'cpus(reservations: [(STATIC,eng),(STATIC,eng/web)]):1':"
                + " a refined reservation cannot be STATIC", refinedStatically);
        assertRejected("Invalid resource 'cpus(reservations: [(STATIC,eng),(DYNAMIC,ops)]):1':"
                + " role 'ops' is not a refinement of 'eng'", notARefinement);
        assertRejected("Invalid resource 'cpus<SHARED>:1': only 'disk' resources can be shared, not 'cpus'",
                sharedCpus);
        assertRejected("Invalid resource 'cpus:NaN': the scalar value must be a finite number",
                scalar("cpus", Double.NaN).build());
        assertRejected("Invalid resource ':1': the resource name must not be empty", scalar("", 1).build());
    }

    private static void assertRejected(String message, Resource resource) {
        ResourceParseException e = assertThrows(ResourceParseException.class, () -> Resources.of(List.of(resource)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void persistentVolumesAreNeverCombinedOrSplit() throws ResourceParseException {
        Resources volumes = Resources.of(List.of(volume("v1", 100), volume("v2", 100)));

        assertEquals(2, volumes.toList().size());
        assertEquals(200.0, volumes.scalar("disk"));
        assertEquals(volumes, volumes.minus(Resources.of(List.of(volume("v1", 50)))), "no partial removal");
        assertFalse(volumes.contains(Resources.of(List.of(volume("v1", 50)))));
        assertEquals(Resources.of(List.of(volume("v2", 100))), volumes.minus(Resources.of(List.of(volume("v1", 100)))));
    }

    @Test
    void mountDisksAreNeverCombinedOrSplit() throws ResourceParseException {
        Resources disks = Resources.of(List.of(mountDisk(100))).plus(Resources.of(List.of(mountDisk(100))));

        assertEquals(2, disks.toList().size());
        assertFalse(disks.contains(Resources.of(List.of(mountDisk(50)))));
        assertEquals(Resources.of(List.of(mountDisk(100))), disks.minus(Resources.of(List.of(mountDisk(100)))));
    }

    @Test
    void sharedVolumeAddedTwiceIsHeldTwiceAndRemovedOneCopyAtATime() throws ResourceParseException {
        Resource shared = volume("v1", 100).toBuilder().setShared(Resource.SharedInfo.getDefaultInstance()).build();
        Resources one = Resources.of(List.of(shared));
        Resources two = one.plus(one);

        assertTrue(two.contains(two));
        assertFalse(one.contains(two));
        assertEquals(one, two.minus(one));
        assertTrue(two.minus(one).minus(one).isEmpty());
    }

    @Test
    void revocableResourcesAreKeptApartFromRegularOnes() throws ResourceParseException {
        Resource revocable = scalar("cpus", 1).setRevocable(Resource.RevocableInfo.getDefaultInstance()).build();
        Resources resources = Resources.of(List.of(revocable, scalar("cpus", 2).build()));

        assertEquals(2, resources.toList().size());
        assertFalse(resources.contains(Resources.of(List.of(scalar("cpus", 3).build()))));
    }

    @Test
    void zeroResourcesAreDropped() throws ResourceParseException {
        assertTrue(Resources.of(List.of(scalar("cpus", 0).build())).isEmpty());
    }
}
