package org.meseta.console.core.model;

/**
 * What identifies a task: task ids are unique only within their framework.
 *
 * @param frameworkId the framework that launched the task
 * @param taskId the id the framework gave it
 */
public record TaskKey(String frameworkId, String taskId) {
}
