/**
 * ZooKeeper for Meseta's masters and their clients, through Apache Curator, in Mesos's own znode layout.
 *
 * <pre>
 *   --zk=zk://[user:pass@]host:port[,host:port]/mesos      ZkUrl.parse, ZkClients.newClient
 *
 *   /mesos                                  the group (persistent)
 *     json.info_0000000007  (ephemeral)     master A's MasterInfo as JSON   &lt;-- smallest sequence: the leader
 *     json.info_0000000009  (ephemeral)     master B's MasterInfo as JSON
 *
 *   MasterContender (each master)           creates its node; Elected when its node is the smallest;
 *                                           Lost on SUSPENDED / LOST / node deleted, then the master exits
 *   MasterDetector (agents, tools, console) reads the smallest node's MasterInfo on every change
 * </pre>
 * Writes a leader makes should be fenced by its own node ({@link org.meseta.zk.MasterContender.Elected#znode()}):
 * a transaction that checks the node and writes fails once its session is gone.
 */
package org.meseta.zk;
