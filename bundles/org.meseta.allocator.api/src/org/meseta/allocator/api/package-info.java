/**
 * The allocator SPI: how the master asks a policy which framework is offered which resources.
 *
 * <p>The master creates one {@link org.meseta.allocator.api.Allocator} through the
 * {@link org.meseta.allocator.api.AllocatorFactory} service its {@code --allocator} flag names, and feeds it on
 * one thread:
 * <pre>
 *   master thread                      allocator thread
 *   agent added, framework subscribed  --&gt; addAgent / addFramework ----+
 *   DECLINE, unused part of ACCEPT,    --&gt; recoverResources            |  marks a pass due
 *   task ended, offer rescinded                                       |
 *   SUPPRESS / REVIVE                  --&gt; suppressOffers / reviveOffers
 *   --weights, UPDATE_WEIGHTS          --&gt; updateWeights
 *   UPDATE_QUOTA, /quota               --&gt; updateQuota
 *   /metrics/snapshot                  --&gt; quotaConsumption
 *                                          allocate()  (after events, and every --allocation_interval)
 *   offers sent to frameworks          &lt;-- List&lt;Allocation&gt;
 * </pre>
 * Policies order clients with a {@link org.meseta.allocator.api.Sorter} made by the
 * {@link org.meseta.allocator.api.SorterFactory} services that {@code --role_sorter} and {@code --framework_sorter}
 * name. docs/plugin-guide.md shows a plugin that adds a policy.
 */
package org.meseta.allocator.api;
