package org.meseta.agent.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import org.meseta.daemon.Endpoint;

/** The agent's validated configuration. {@code flags} is every flag's effective value, for /flags. */
public record AgentConfig(
        MasterAddress master,
        Endpoint endpoint,
        Path workDir,
        Optional<String> resources,
        Optional<String> attributes,
        Duration registrationBackoffFactor,
        SortedMap<String, String> flags) {}
