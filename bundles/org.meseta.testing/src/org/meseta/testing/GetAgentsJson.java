package org.meseta.testing;

import java.util.Locale;

/**
 * Hand-written answers to the operator call {@code GET_AGENTS} in Mesos JSON, as {@code POST /api/v1} returns
 * them, for {@link FakeMaster}. Agents carry cpus, mem and disk as scalars of role {@code "*"} plus a ports range
 * that clients showing only those three must ignore.
 */
public final class GetAgentsJson {

    private GetAgentsJson() {
    }

    /** A whole {@code GET_AGENTS} response listing {@code agents} (each from {@link #agent}). */
    public static String getAgents(String... agents) {
        return "{\"type\":\"GET_AGENTS\",\"get_agents\":{\"agents\":[" + String.join(",", agents) + "]}}";
    }

    /**
     * One {@code GetAgents.Agent}.
     *
     * @param total the total resources: cpus, mem (MB), disk (MB)
     * @param used the allocated resources, in the same order
     * @param attributes TEXT attributes in Mesos's text form, e.g. {@code "rack:r1;zone:a"}, or {@code ""}
     */
    public static String agent(String id, String hostname, boolean active, double[] total, double[] used,
            String attributes) {
        return "{\"agent_info\":{\"hostname\":\"" + hostname + "\",\"id\":{\"value\":\"" + id + "\"},"
                + "\"port\":5051,\"resources\":" + resources(total) + ",\"attributes\":[" + attributes(attributes)
                + "]},\"active\":" + active + ",\"deactivated\":false,\"version\":\"1.11.0\","
                + "\"pid\":\"slave(1)@127.0.0.1:5051\",\"registered_time\":{\"nanoseconds\":1700000000000000000},"
                + "\"total_resources\":" + resources(total) + ",\"allocated_resources\":" + resources(used) + "}";
    }

    private static String attributes(String text) {
        StringBuilder json = new StringBuilder();
        for (String attribute : text.isEmpty() ? new String[0] : text.split(";")) {
            String[] nameValue = attribute.split(":", 2);
            json.append(json.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"name\":\"%s\",\"type\":\"TEXT\",\"text\":{\"value\":\"%s\"}}", nameValue[0], nameValue[1]));
        }
        return json.toString();
    }

    private static String resources(double[] cpusMemDisk) {
        return "[" + scalar("cpus", cpusMemDisk[0]) + "," + scalar("mem", cpusMemDisk[1]) + ","
                + scalar("disk", cpusMemDisk[2]) + ","
                + "{\"name\":\"ports\",\"type\":\"RANGES\",\"ranges\":{\"range\":[{\"begin\":31000,\"end\":32000}]},"
                + "\"role\":\"*\"}]";
    }

    private static String scalar(String name, double value) {
        return "{\"name\":\"" + name + "\",\"type\":\"SCALAR\",\"scalar\":{\"value\":" + value + "},\"role\":\"*\"}";
    }
}
