package org.meseta.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.cli.internal.SchedulerEvents.parse;
import static org.meseta.cli.internal.SchedulerEvents.preRefinement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.AllocationInfo;
import org.junit.jupiter.api.Test;

/** Which resources a task takes from an offer, and that it takes them in the form the master sent. */
class ResourcePickerTest {

    @Test
    void aTaskTakesWhatItNeedsInThePreRefinementFormItWasOffered() {
        Optional<List<Resource>> picked = ResourcePicker.pick(parse("cpus:1;mem:128"),
                preRefinement("cpus:4;mem:1024;disk:1000;ports:[31000-32000]"));

        assertEquals(Optional.of(preRefinement("cpus:1;mem:128")), picked);
    }

    @Test
    void severalConsumersEachTakeFromWhatTheOnesBeforeLeft() {
        List<Resource> offered = preRefinement("cpus:1;mem:256;ports:[31000-31001]");

        Optional<List<List<Resource>>> picked = ResourcePicker.pickAll(List.of(
                parse("cpus:0.5;ports:[31000-31000]"), parse("cpus:0.5;mem:256")), offered);

        assertEquals(Optional.of(List.of(preRefinement("cpus:0.5;ports:[31000-31000]"),
                preRefinement("cpus:0.5;mem:256"))), picked);
        assertEquals(Optional.empty(), ResourcePicker.pickAll(List.of(parse("cpus:0.75"), parse("cpus:0.5")), offered),
                "each fits alone, not both");
    }

    @Test
    void theRefinedFormAndTheAllocationInfoAreKept() {
        AllocationInfo allocation = AllocationInfo.newBuilder().setRole("*").build();
        List<Resource> offered = allocated(parse("cpus:4;mem:1024").toList(), allocation);

        List<Resource> picked = ResourcePicker.pick(parse("cpus:0.5;mem:64"), offered).orElseThrow();

        assertEquals(allocated(parse("cpus:0.5;mem:64").toList(), allocation), picked);
    }

    @Test
    void reservedResourcesAreTakenBeforeUnreservedOnes() {
        List<Resource> offered = preRefinement("cpus:4;cpus(web):1;mem(web):64;mem:1024");

        List<Resource> picked = ResourcePicker.pick(parse("cpus:2;mem:128"), offered).orElseThrow();

        assertEquals(preRefinement("cpus(web):1;cpus:1;mem(web):64;mem:64"), picked);
    }

    @Test
    void specificPortsAndSetItemsMustAllBeOffered() {
        List<Resource> offered = preRefinement("cpus:1;mem:128;ports:[31000-31010];bugs:{a,b,c}");

        assertEquals(Optional.of(preRefinement("ports:[31005-31006];bugs:{b}")),
                ResourcePicker.pick(parse("ports:[31005-31006];bugs:{b}"), offered));
        assertEquals(Optional.empty(), ResourcePicker.pick(parse("ports:[31010-31011]"), offered));
        assertEquals(Optional.empty(), ResourcePicker.pick(parse("bugs:{d}"), offered));
    }

    @Test
    void anOfferShortOfAnyResourceDoesNotFit() {
        List<Resource> offered = preRefinement("cpus:4;mem:100");

        assertEquals(Optional.empty(), ResourcePicker.pick(parse("cpus:1;mem:128"), offered));
        assertEquals(Optional.empty(), ResourcePicker.pick(parse("gpus:1"), offered));
    }

    @Test
    void revocableResourcesAreNeverTaken() {
        List<Resource> offered = new ArrayList<>(preRefinement("mem:1024"));
        offered.add(preRefinement("cpus:8").get(0).toBuilder().setRevocable(Resource.RevocableInfo.getDefaultInstance())
                .build());

        assertEquals(Optional.empty(), ResourcePicker.pick(parse("cpus:1;mem:128"), offered));
    }

    @Test
    void aTaskWithoutResourcesFitsAnyOffer() {
        assertTrue(ResourcePicker.pick(parse(""), List.of()).orElseThrow().isEmpty());
    }

    private static List<Resource> allocated(List<Resource> resources, AllocationInfo allocation) {
        return resources.stream().map(resource -> resource.toBuilder().setAllocationInfo(allocation).build()).toList();
    }
}
