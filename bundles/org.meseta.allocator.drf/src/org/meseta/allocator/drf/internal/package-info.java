/**
 * Mesos's hierarchical DRF allocator and its two sorters, registered as OSGi services by name.
 *
 * <ul>
 * <li>{@link org.meseta.allocator.drf.internal.HierarchicalAllocator}: the state machine; an allocation pass walks
 * agents, then roles in the role sorter's order, then each role's frameworks in that role's sorter's order.</li>
 * <li>{@link org.meseta.allocator.drf.internal.Ledger} (what is allocated where),
 * {@link org.meseta.allocator.drf.internal.FreeResources} (what each agent has free, kept between passes),
 * {@link org.meseta.allocator.drf.internal.Sorters} (the two levels of sorting),
 * {@link org.meseta.allocator.drf.internal.FrameworkState} and its
 * {@link org.meseta.allocator.drf.internal.OfferFilters}: the allocator's bookkeeping.</li>
 * <li>{@link org.meseta.allocator.drf.internal.TreeSorter}: the role tree both sorters share;
 * {@link org.meseta.allocator.drf.internal.DrfSorter} orders siblings by weighted dominant share,
 * {@link org.meseta.allocator.drf.internal.RandomSorter} by a weighted random draw.</li>
 * </ul>
 * docs/internals.md ("Allocation") describes a pass with a diagram.
 */
package org.meseta.allocator.drf.internal;
