package org.meseta.console.ui.testing;

import java.util.Locale;

/** Hand-written {@code GET_AGENTS} answers in Mesos JSON. */
public final class AgentsJson {

    private AgentsJson() {
    }

    /** A {@code GET_AGENTS} response listing {@code agents} (from {@link #agent}). */
    public static String getAgents(String... agents) {
        return "{\"type\":\"GET_AGENTS\",\"get_agents\":{\"agents\":[" + String.join(",", agents) + "]}}";
    }

    /**
     * One agent with cpus/mem/disk totals and allocations and a TEXT attribute list given as
     * {@code "rack:r1;zone:a"}.
     */
    public static String agent(String id, String hostname, boolean active, double[] total, double[] used,
            String attributes) {
        StringBuilder attributeJson = new StringBuilder();
        for (String attribute : attributes.isEmpty() ? new String[0] : attributes.split(";")) {
            String[] nameValue = attribute.split(":", 2);
            attributeJson.append(attributeJson.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"name\":\"%s\",\"type\":\"TEXT\",\"text\":{\"value\":\"%s\"}}", nameValue[0], nameValue[1]));
        }
        return String.format(Locale.ROOT, "{\"agent_info\":{\"hostname\":\"%s\",\"id\":{\"value\":\"%s\"},"
                + "\"port\":5051,\"attributes\":[%s]},\"active\":%s,\"deactivated\":false,\"version\":\"1.11.0\","
                + "\"pid\":\"slave(1)@127.0.0.1:5051\",\"total_resources\":%s,\"allocated_resources\":%s}",
                hostname, id, attributeJson, active, resources(total), resources(used));
    }

    private static String resources(double[] cpusMemDisk) {
        return String.format(Locale.ROOT, "[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":%s}},"
                + "{\"name\":\"mem\",\"type\":\"SCALAR\",\"scalar\":{\"value\":%s}},"
                + "{\"name\":\"disk\",\"type\":\"SCALAR\",\"scalar\":{\"value\":%s}}]",
                cpusMemDisk[0], cpusMemDisk[1], cpusMemDisk[2]);
    }
}
