/**
 * The containerizer SPI: how the agent isolates, measures and limits the containers its executors run in.
 *
 * <p>The agent creates one {@link org.meseta.containerizer.api.Isolator} per name in its {@code --isolation} flag
 * through the {@link org.meseta.containerizer.api.IsolatorFactory} service of that name, and drives each container
 * through them (off its actor thread):
 * <pre>
 *   agent start          recover(containers it recovered)
 *   executor run starts  prepare(config), launchInfo(config) --&gt; launcher starts the first process (through the
 *                        wrappers the launch infos name) --&gt; isolate(id, pid) --&gt; watch(id)
 *   /monitor/statistics  usage(id), merged over isolators, plus timestamp and limits
 *   limitation           watch(id) completes --&gt; agent kills the container, tasks TASK_FAILED with its reason
 *   process tree ended   cleanup(id)
 *   agent stops          close()
 * </pre>
 * docs/isolation.md describes the isolators Meseta ships; docs/plugin-guide.md shows how a plugin adds one.
 */
package org.meseta.containerizer.api;
