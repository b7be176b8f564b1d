/**
 * Mesos resources and attributes as values.
 *
 * <p>{@link org.meseta.api.resources.Resources} is an immutable collection of
 * {@code org.apache.mesos.v1.Protos.Resource} with Mesos's arithmetic: resources of the same identity combine,
 * scalars are fixed-point with three decimals ({@link org.meseta.api.resources.Scalars}), ranges coalesce and
 * split ({@link org.meseta.api.resources.RangeSet}), sets unite. Resources are kept in the post-refinement
 * reservation format; converting to the pre-refinement format for old frameworks is the caller's business.
 *
 * <p>Input comes from three places, all validated with one-line messages that name the bad token:
 * <ul>
 * <li>the agent's {@code --resources}: text ({@code cpus:2;mem:1024;ports:[31000-32000];gpus(ml):1}) or a JSON
 * array ({@link org.meseta.api.resources.Resources#parse});</li>
 * <li>protobufs from frameworks and operators ({@link org.meseta.api.resources.Resources#of});</li>
 * <li>the agent's {@code --attributes} ({@link org.meseta.api.resources.Attributes#parse}).</li>
 * </ul>
 * Output: protobufs, the Mesos text form ({@code toString()}, {@link org.meseta.api.resources.Attributes#toText}),
 * the "resources object" / "attributes object" of the legacy JSON endpoints ({@code writeLegacyJson}) and an
 * agent's resource fields there ({@link org.meseta.api.resources.LegacyResourceFields}).
 *
 * <p>Everything here is immutable or stateless and safe to use from any thread.
 */
package org.meseta.api.resources;
