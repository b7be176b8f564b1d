package org.meseta.containerizer.api;

/**
 * What the agent gives an isolator it creates.
 *
 * @param launcher tells which processes make up a container
 */
public record IsolatorOptions(Launcher launcher) {}
