package org.meseta.console.ui.roles;

import java.util.function.Function;

/** The columns of the roles table, left to right: title, initial width in pixels and cell text. */
enum RoleColumn {
    ROLE("Role", 110, RoleRow::name),
    WEIGHT("Weight", 60, RoleRow::weightText),
    SHARE("Weighted share", 110, RoleRow::shareText),
    GUARANTEES("Quota guarantees", 170, RoleRow::guaranteesText),
    LIMITS("Quota limits", 150, RoleRow::limitsText),
    ALLOCATED("Allocated", 220, RoleRow::allocatedText),
    RESERVED("Reserved", 170, RoleRow::reservedText),
    FRAMEWORKS("Frameworks", 90, RoleRow::frameworksText);

    final String title;
    final int width;
    private final Function<RoleRow, String> text;

    RoleColumn(String title, int width, Function<RoleRow, String> text) {
        this.title = title;
        this.width = width;
        this.text = text;
    }

    String text(RoleRow row) {
        return text.apply(row);
    }
}
