/** Read-only tables of the console's views: {@link org.meseta.console.ui.tables.RowTable} and its columns. */
package org.meseta.console.ui.tables;
