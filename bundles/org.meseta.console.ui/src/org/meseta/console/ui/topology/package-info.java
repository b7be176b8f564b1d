/**
 * The Topology view: every agent as a tile on one custom-drawn canvas.
 *
 * <pre>
 *  ClusterClient ──(client thread)──► UiClusterFeed ──(UI thread, merged)──► TopologyPart.clusterChanged
 *                                                                                  │
 *                          TopologyCanvas.show: filter + order (TopologyFilter, AgentOrder)
 *                          same tiles? redraw the changed ones : repaint the visible area
 *                                                                                  │
 *                          paint: TileLayout says which tiles the damage covers ─► TilePainter
 * </pre>
 */
package org.meseta.console.ui.topology;
