package org.meseta.console.ui.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.FrameworkView;
import org.meseta.console.ui.feed.AgentOrder;

/**
 * A filter combo whose first item means "any" and whose others stand for things by id (frameworks, agents), kept
 * in step with the cluster ({@link #refill}): the thing chosen stays chosen, and one that went stays listed under
 * its id, so that what was seen of it stays visible. UI thread only.
 */
public final class ChoiceFilter {

    private final Combo combo;
    private final String any;
    /** The ids behind the items after the first. */
    private List<String> ids = List.of();

    /**
     * A read-only combo in {@code parent} (a grid) offering only {@code any} until refilled.
     *
     * @param width the combo's width hint in pixels
     * @param changed called when the user chooses an item
     */
    public ChoiceFilter(Composite parent, String any, int width, Runnable changed) {
        this.any = any;
        combo = new Combo(parent, SWT.READ_ONLY);
        combo.setItems(any);
        combo.select(0);
        combo.addListener(SWT.Selection, event -> changed.run());
        GridDataFactory.fillDefaults().hint(width, SWT.DEFAULT).applyTo(combo);
    }

    /** The frameworks of {@code cluster} to choose from, id to name, by name then id. */
    public static Map<String, String> frameworks(ClusterState cluster) {
        Map<String, String> frameworks = new LinkedHashMap<>();
        cluster.frameworks().values().stream().sorted(Comparator.comparing(FrameworkView::name)
                .thenComparing(FrameworkView::id)).forEach(view -> frameworks.put(view.id(), view.name()));
        return frameworks;
    }

    /** The agents of {@code cluster} to choose from, id to hostname, in {@link AgentOrder#BY_HOST}. */
    public static Map<String, String> agents(ClusterState cluster) {
        Map<String, String> agents = new LinkedHashMap<>();
        cluster.agents().values().stream().sorted(AgentOrder.BY_HOST)
                .forEach(view -> agents.put(view.id(), view.hostname()));
        return agents;
    }

    /** Offers "any" and {@code labels} (id to label, in order) when they changed, keeping the choice. */
    public void refill(Map<String, String> labels) {
        List<String> next = new ArrayList<>(labels.keySet());
        List<String> items = new ArrayList<>(List.of(any));
        items.addAll(labels.values());
        if (next.equals(ids) && List.of(combo.getItems()).equals(items)) {
            return;
        }
        Optional<String> chosen = chosen();
        combo.setItems(items.toArray(String[]::new));
        int index = chosen.map(next::indexOf).orElse(-1);
        if (chosen.isPresent() && index < 0) {
            next.add(chosen.get());
            combo.add(chosen.get());
            index = next.size() - 1;
        }
        combo.select(index + 1);
        ids = next;
    }

    /** The id of the thing chosen; empty for "any". */
    public Optional<String> chosen() {
        int index = combo.getSelectionIndex();
        return index > 0 && index - 1 < ids.size() ? Optional.of(ids.get(index - 1)) : Optional.empty();
    }

    public Combo combo() {
        return combo;
    }

    /** The ids behind the items after the first, in order (for tests that pick one). */
    public List<String> ids() {
        return List.copyOf(ids);
    }
}
