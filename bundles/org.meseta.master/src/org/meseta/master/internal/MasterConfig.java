package org.meseta.master.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import org.meseta.daemon.Endpoint;

/** The master's validated configuration. {@code flags} is every flag's effective value, for /flags. */
public record MasterConfig(
        Endpoint endpoint,
        Path workDir,
        Optional<String> cluster,
        Duration agentPingTimeout,
        int maxAgentPingTimeouts,
        SortedMap<String, String> flags) {}
