package org.meseta.console.ui.tables;

import java.util.function.Function;

/**
 * One column of a {@link RowTable}.
 *
 * @param title the header
 * @param width the initial width in pixels
 * @param text the cell text of a row
 * @param <T> the rows' type
 */
public record Column<T>(String title, int width, Function<? super T, String> text) {
}
