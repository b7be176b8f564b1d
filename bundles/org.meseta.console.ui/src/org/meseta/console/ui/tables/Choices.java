package org.meseta.console.ui.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.widgets.Combo;

/**
 * A filter combo whose first item means "any" and whose others stand for things by id (frameworks, agents), kept
 * in step with the cluster: the caller keeps the ids behind the items and hands them back. UI thread only.
 */
public final class Choices {

    private Choices() {
    }

    /**
     * Refills {@code combo} with {@code any} and {@code labels} (id to label, in order) when they changed, keeping
     * the chosen thing chosen; a thing that went is kept, under its id, so what was seen of it stays visible.
     *
     * @param ids the ids behind the items after the first, as the previous call returned them
     * @return the ids behind the items after the first now
     */
    public static List<String> refill(Combo combo, String any, List<String> ids, Map<String, String> labels) {
        List<String> next = new ArrayList<>(labels.keySet());
        List<String> items = new ArrayList<>(List.of(any));
        items.addAll(labels.values());
        if (next.equals(ids) && List.of(combo.getItems()).equals(items)) {
            return ids;
        }
        Optional<String> chosen = chosen(combo, ids);
        combo.setItems(items.toArray(String[]::new));
        int index = chosen.map(next::indexOf).orElse(-1);
        if (chosen.isPresent() && index < 0) {
            next.add(chosen.get());
            combo.add(chosen.get());
            index = next.size() - 1;
        }
        combo.select(index + 1);
        return next;
    }

    /** The id of the thing chosen in {@code combo}, whose items after the first stand for {@code ids}. */
    public static Optional<String> chosen(Combo combo, List<String> ids) {
        int index = combo.getSelectionIndex();
        return index > 0 && index - 1 < ids.size() ? Optional.of(ids.get(index - 1)) : Optional.empty();
    }
}
