/**
 * The contract between Meseta's headless processes and their launcher.
 *
 * <p>Each daemon role (master, agent, local, and the {@code execute} command) is a
 * {@link org.meseta.daemon.Daemon} registered as an OSGi service with the property
 * {@value org.meseta.daemon.Daemon#NAME_PROPERTY}. The launcher in this bundle reads the framework property of
 * the same name (set in the product's {@code config.ini}), parses the command line against the daemon's flags,
 * starts it, and stops the OSGi framework on SIGTERM so that Declarative Services deactivation runs. When a
 * command reports its exit status, the launcher stops the framework the same way and exits with that status.
 */
package org.meseta.daemon;
