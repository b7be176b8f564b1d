package org.meseta.console.ui.parts;

import java.util.function.Function;

import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.Amounts;

/**
 * The columns of the agents table, left to right: title, initial width in pixels and cell text. The initial
 * widths show every title and a whole agent id ({@code <master id>-S<n>}, about 40 characters) in GTK's default
 * font, and together (1120 pixels) fit the console window's default width (1140 pixels).
 */
enum AgentColumn {
    HOSTNAME("Hostname", 130, AgentView::hostname),
    AGENT_ID("Agent ID", 310, AgentView::id),
    CPUS("CPUs (used / total)", 155, agent -> ResourceFormat.cpus(used(agent).cpus(), total(agent).cpus())),
    MEMORY("Memory (used / total)", 175,
            agent -> ResourceFormat.usedOfTotalMegabytes(used(agent).memMb(), total(agent).memMb())),
    DISK("Disk (used / total)", 150,
            agent -> ResourceFormat.usedOfTotalMegabytes(used(agent).diskMb(), total(agent).diskMb())),
    ATTRIBUTES("Attributes", 110, AgentView::attributesText),
    STATE("State", 90, agent -> agent.state().label());

    final String title;
    final int width;
    private final Function<AgentView, String> text;

    AgentColumn(String title, int width, Function<AgentView, String> text) {
        this.title = title;
        this.width = width;
        this.text = text;
    }

    String text(AgentView agent) {
        return text.apply(agent);
    }

    private static Amounts used(AgentView agent) {
        return agent.resources().used();
    }

    private static Amounts total(AgentView agent) {
        return agent.resources().total();
    }
}
