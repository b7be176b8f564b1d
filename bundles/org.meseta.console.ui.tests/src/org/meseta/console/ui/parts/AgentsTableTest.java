package org.meseta.console.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.ui.testing.Clusters;
import org.meseta.console.ui.testing.Ui;

/** The agents table's layout and order, on a real display. */
@Timeout(30)
class AgentsTableTest {

    /** An agent id as the master makes it: the master's own id (a UUID), "-S" and a serial number. */
    private static final String MESOS_AGENT_ID = "9b2c6f1e-6d4f-4f0e-9a57-3c1e2d4b5a69-S12";

    private Display display;
    private Shell shell;
    private AgentsTable table;

    @BeforeEach
    void createTable() {
        display = Display.getDefault();
        shell = new Shell(display);
        table = new AgentsTable(shell);
    }

    @AfterEach
    void dispose() {
        shell.dispose();
        Ui.flush(display);
    }

    @Test
    void everyTitleAndAWholeAgentIdFitTheirColumnsAtTheDefaultWidths() {
        table.show(List.of(agent(MESOS_AGENT_ID, "localhost")));

        Table widget = table.viewer().getTable();
        for (AgentColumn column : AgentColumn.values()) {
            TableColumn shown = widget.getColumn(column.ordinal());
            int defaultWidth = shown.getWidth();
            // What the toolkit itself needs for the title and the widest cell, padding included.
            shown.pack();
            int needed = shown.getWidth();
            assertTrue(needed <= defaultWidth, () -> column + " needs " + needed + " px, it has " + defaultWidth);
        }
    }

    @Test
    void agentsOfOneHostAreListedByTheirSerialNumber() {
        table.show(List.of(agent("M-S10", "localhost"), agent("M-S2", "localhost"), agent("M-S0", "localhost"),
                agent("M-S1", "localhost"), agent("M-S3", "a-host")));

        Table widget = table.viewer().getTable();
        List<String> ids = Arrays.stream(widget.getItems())
                .map(item -> item.getText(AgentColumn.AGENT_ID.ordinal())).toList();
        assertEquals(List.of("M-S3", "M-S0", "M-S1", "M-S2", "M-S10"), ids);
    }

    private static AgentView agent(String id, String hostname) {
        return Clusters.agent(id, hostname, "");
    }
}
