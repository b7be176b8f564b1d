/**
 * {@code meseta-execute}: a framework that runs one task through the Mesos v1 scheduler API, like
 * {@code mesos-execute}.
 *
 * <pre>
 *   ExecuteDaemon ──start──► Execution ──► SchedulerSession (actor "execute")
 *                                            │  POST /api/v1/scheduler SUBSCRIBE ──► 200 RecordIO stream
 *                                            │      EventStream: chunks ──► StreamSignal ──► actor
 *                                            │  ExecuteScheduler.handle(event) ──► SchedulerEffects
 *                                            │      send(call) ──► CallSender: one call at a time, Mesos-Stream-Id
 *                                            │      print(line) ──► stdout
 *                                            └─ finish(outcome) ──► calls answered ──► exit status
 * </pre>
 *
 * <p>{@link org.meseta.cli.internal.ExecuteScheduler} is the framework's logic and does no I/O;
 * {@link org.meseta.cli.internal.ResourcePicker} takes the task's resources out of an offer in the form the
 * master sent them.
 */
package org.meseta.cli.internal;
