package org.meseta.master.internal.core;

/** Why the master refuses an operator call: the HTTP status and the text body Mesos answers with. */
public record Refusal(int status, String reason) {}
