package org.meseta.agent.internal.containerizer;

/**
 * Why a change of the isolation settings was refused.
 *
 * @param field the settings field at fault, e.g. {@code pids_limit}, or {@code body} when the request is not a JSON
 *     object
 * @param message one line saying what is wrong
 */
public record SettingsError(String field, String message) {}
