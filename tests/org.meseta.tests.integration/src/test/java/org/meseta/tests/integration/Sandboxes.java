package org.meseta.tests.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Reading task sandboxes through an agent's {@code /files} API, as the Mesos web UI does. */
final class Sandboxes {

    private Sandboxes() {}

    /** The whole of {@code file} in the sandbox {@code directory} on {@code agent}, via {@code /files/read}. */
    static String read(String agent, String directory, String file) {
        String path = URLEncoder.encode(directory + "/" + file, StandardCharsets.UTF_8);
        JsonNode read = Cluster.getJson(agent, "/files/read?path=" + path + "&offset=0&length=1048576")
                .orElseThrow(() -> new AssertionError("/files/read of " + directory + "/" + file + " failed"));
        return read.path("data").asText();
    }
}
