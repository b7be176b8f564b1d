/**
 * The master's registry: what a master must not forget across restarts and failovers (admitted, unreachable and
 * gone agents, deactivated and draining agents, weights, quota), kept by a {@link org.meseta.registry.Registrar} in
 * a file ({@link org.meseta.registry.FileRegistryStore}) or in ZooKeeper with writes fenced by the writer's
 * leadership ({@link org.meseta.registry.ZkRegistryStore}).
 */
package org.meseta.registry;
