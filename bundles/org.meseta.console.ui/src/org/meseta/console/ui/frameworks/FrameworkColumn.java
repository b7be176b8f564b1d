package org.meseta.console.ui.frameworks;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import org.meseta.console.ui.tables.LiveTable;

/**
 * The columns of the frameworks table, left to right: title, initial width in pixels and cell text. A whole
 * framework id fits; together (1270 pixels) they are a little wider than the console window's default width.
 */
enum FrameworkColumn {
    NAME("Name", 130, (row, now) -> row.framework().name()),
    ID("Framework ID", 315, (row, now) -> row.framework().id()),
    ROLES("Roles", 55, (row, now) -> String.join(", ", row.framework().roles())),
    PRINCIPAL("Principal", 70, (row, now) -> row.framework().principal()),
    CAPABILITIES("Capabilities", 180, (row, now) -> row.capabilitiesText()),
    STATE("State", 140, FrameworkRow::connection),
    TASKS("Tasks", 90, (row, now) -> row.tasksText()),
    ALLOCATED("Allocated", 200, (row, now) -> row.allocatedText()),
    SHARE("Dominant share", 90, (row, now) -> row.dominantShareText());

    final String title;
    final int width;
    private final BiFunction<FrameworkRow, Instant, String> text;

    FrameworkColumn(String title, int width, BiFunction<FrameworkRow, Instant, String> text) {
        this.title = title;
        this.width = width;
        this.text = text;
    }

    /** The cell of {@code row} as of {@code now} (the failover countdown). */
    String text(FrameworkRow row, Instant now) {
        return text.apply(row, now);
    }

    /** Every column, their texts as of the time {@code clock} tells when drawn. */
    static List<LiveTable.Column<FrameworkRow>> all(Clock clock) {
        return Arrays.stream(values()).map(column -> new LiveTable.Column<FrameworkRow>(column.title, column.width,
                row -> column.text(row, clock.instant()))).toList();
    }
}
