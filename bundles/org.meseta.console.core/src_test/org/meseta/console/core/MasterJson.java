package org.meseta.console.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Hand-written master answers in Mesos JSON, the shape {@code POST /api/v1 {"type":"GET_AGENTS"}}
 * returns.
 */
public final class MasterJson {

    private MasterJson() {
    }

    /** A whole {@code GET_AGENTS} response listing {@code agents} (from {@link #agent}). */
    public static String getAgents(String... agents) {
        return "{\"type\":\"GET_AGENTS\",\"get_agents\":{\"agents\":["
                + Arrays.stream(agents).collect(Collectors.joining(",")) + "]}}";
    }

    /**
     * One {@code GetAgents.Agent}: total resources as given, {@code used} as allocated resources
     * (same order: cpus, mem, disk), attributes as TEXT values ({@code "rack", "r1", ...}).
     */
    public static String agent(String id, String hostname, boolean active, double[] total, double[] used,
            String... attributeNamesAndValues) {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i + 1 < attributeNamesAndValues.length; i += 2) {
            attributes.append(attributes.isEmpty() ? "" : ",")
                    .append("{\"name\":\"").append(attributeNamesAndValues[i])
                    .append("\",\"type\":\"TEXT\",\"text\":{\"value\":\"").append(attributeNamesAndValues[i + 1])
                    .append("\"}}");
        }
        return "{\"agent_info\":{\"hostname\":\"" + hostname + "\",\"id\":{\"value\":\"" + id + "\"},"
                + "\"port\":5051,\"resources\":" + resources(total) + ",\"attributes\":[" + attributes + "]},"
                + "\"active\":" + active + ",\"deactivated\":false,\"version\":\"1.11.0\","
                + "\"pid\":\"slave(1)@127.0.0.1:5051\",\"registered_time\":{\"nanoseconds\":1700000000000000000},"
                + "\"total_resources\":" + resources(total) + ",\"allocated_resources\":" + resources(used) + "}";
    }

    /** Resources cpus, mem, disk (scalars, role "*") plus a ports range the console must ignore. */
    public static String resources(double[] cpusMemDisk) {
        return "[" + scalar("cpus", cpusMemDisk[0]) + "," + scalar("mem", cpusMemDisk[1]) + ","
                + scalar("disk", cpusMemDisk[2]) + ","
                + "{\"name\":\"ports\",\"type\":\"RANGES\",\"ranges\":{\"range\":[{\"begin\":31000,\"end\":32000}]},"
                + "\"role\":\"*\"}]";
    }

    private static String scalar(String name, double value) {
        return "{\"name\":\"" + name + "\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + value + "},\"role\":\"*\"}";
    }
}
