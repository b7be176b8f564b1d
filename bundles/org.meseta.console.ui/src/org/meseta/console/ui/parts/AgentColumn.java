package org.meseta.console.ui.parts;

import java.util.function.Function;

import org.meseta.console.core.AgentRow;
import org.meseta.console.core.ResourceFormat;

/** The columns of the agents table, left to right: title, initial width and cell text. */
enum AgentColumn {
    HOSTNAME("Hostname", 170, AgentRow::hostname),
    AGENT_ID("Agent ID", 230, AgentRow::id),
    CPUS("CPUs (used / total)", 150, agent -> ResourceFormat.cpus(agent.used().cpus(), agent.total().cpus())),
    MEMORY("Memory (used / total)", 170,
            agent -> ResourceFormat.usedOfTotalMegabytes(agent.used().memMb(), agent.total().memMb())),
    DISK("Disk (used / total)", 170,
            agent -> ResourceFormat.usedOfTotalMegabytes(agent.used().diskMb(), agent.total().diskMb())),
    ATTRIBUTES("Attributes", 170, AgentRow::attributes),
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
