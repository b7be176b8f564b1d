package org.meseta.console.ui.parts;

import java.util.function.Function;

import org.meseta.console.core.AgentRow;
import org.meseta.console.core.ResourceFormat;

/**
 * The columns of the agents table, left to right: title, initial width in pixels and cell text. The initial
 * widths show every title and a whole agent id ({@code <master id>-S<n>}, about 40 characters) in GTK's default
 * font, and together (1120 pixels) fit the console window's default width (1140 pixels).
 */
enum AgentColumn {
    HOSTNAME("Hostname", 130, AgentRow::hostname),
    AGENT_ID("Agent ID", 310, AgentRow::id),
    CPUS("CPUs (used / total)", 155, agent -> ResourceFormat.cpus(agent.used().cpus(), agent.total().cpus())),
    MEMORY("Memory (used / total)", 175,
            agent -> ResourceFormat.usedOfTotalMegabytes(agent.used().memMb(), agent.total().memMb())),
    DISK("Disk (used / total)", 150,
            agent -> ResourceFormat.usedOfTotalMegabytes(agent.used().diskMb(), agent.total().diskMb())),
    ATTRIBUTES("Attributes", 140, AgentRow::attributes),
    ACTIVE("Active", 60, agent -> agent.active() ? "yes" : "no");

    final String title;
    final int width;
    private final Function<AgentRow, String> text;

    AgentColumn(String title, int width, Function<AgentRow, String> text) {
        this.title = title;
        this.width = width;
        this.text = text;
    }

    String text(AgentRow agent) {
        return text.apply(agent);
    }
}
