/**
 * Mesos's {@code /files} endpoints, shared by the master (its log as {@code /master/log}) and the agent (sandboxes,
 * and its log as {@code /slave/log}).
 *
 * <p>A daemon keeps an {@link org.meseta.daemon.files.AttachedPaths} of virtual paths and hands the
 * {@link org.meseta.daemon.files.FilesEndpoints} a {@link org.meseta.daemon.files.FileAttachments}: how to look that
 * table up (on the actor thread that owns it, or directly when it never changes) and on which executor to touch the
 * file system. {@link org.meseta.daemon.files.ConfinedFiles} keeps every read inside its attachment.
 */
package org.meseta.daemon.files;
