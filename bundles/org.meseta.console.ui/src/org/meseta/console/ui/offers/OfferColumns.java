package org.meseta.console.ui.offers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.history.OfferHistory;
import org.meseta.console.core.model.ClusterState;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.OfferView;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.ui.tables.Column;

/** The columns of the Offers view's three tables and how their cells read. */
final class OfferColumns {

    private OfferColumns() {
    }

    /**
     * The outstanding offers, their frameworks named as in {@code state} and the time they were made as in
     * {@code history}.
     */
    static List<Column<OfferView>> outstanding(Supplier<ClusterState> state, OfferHistory history,
            DateTimeFormatter time) {
        return List.of(
                new Column<>("Offer", 70, offer -> shortId(offer.id())),
                new Column<>("Framework", 170, offer -> state.get().frameworkName(offer.frameworkId())),
                new Column<>("Agent", 150, OfferView::hostname),
                new Column<>("Role", 90, OfferView::role),
                new Column<>("Resources", 420, offer -> ResourceFormat.amounts(offer.resources())),
                new Column<>("Made", 120, offer -> history.madeAt(offer.id()).map(time::format)
                        .orElse("before connecting")));
    }

    /** What happened to offers, newest first. */
    static List<Column<OfferHistory.Entry>> events(DateTimeFormatter time) {
        return List.of(
                new Column<>("Time", 70, entry -> time.format(entry.time())),
                new Column<>("Event", 90, entry -> label(entry.event().kind())),
                new Column<>("Offer", 70, entry -> shortId(entry.event().offerId())),
                new Column<>("Framework", 170, OfferHistory.Entry::framework),
                new Column<>("Agent", 150, OfferHistory.Entry::hostname),
                new Column<>("Role", 90, entry -> entry.event().role()),
                new Column<>("Resources", 300, entry -> ResourceFormat.amounts(entry.event().resources())),
                new Column<>("Refusal", 150, entry -> refusal(entry.event())));
    }

    /** The allocator's view of each role. */
    static List<Column<RoleView>> roles() {
        return List.of(
                new Column<>("Role", 90, RoleView::name),
                new Column<>("Weight", 60, role -> ResourceFormat.number(role.weight())),
                new Column<>("Share", 70, role -> percent(role.share())),
                new Column<>("Frameworks", 90, role -> String.valueOf(role.frameworks().size())),
                new Column<>("Allocated", 160, role -> ResourceFormat.amounts(role.allocated())),
                new Column<>("Offered", 160, role -> ResourceFormat.amounts(role.offered())),
                new Column<>("Reserved", 120, role -> ResourceFormat.amounts(role.reserved())),
                new Column<>("Quota guarantee", 130, role -> ResourceFormat.quantities(role.quota().guarantees())),
                new Column<>("Quota limit", 110, role -> ResourceFormat.quantities(role.quota().limits())),
                new Column<>("Consumed", 140, role -> ResourceFormat.quantities(role.quota().consumed())));
    }

    /** {@code O12} for a Mesos offer id {@code <master id>-O12}; other ids as they are. */
    static String shortId(String id) {
        int dash = id.lastIndexOf('-');
        return dash >= 0 && id.length() > dash + 1 && id.charAt(dash + 1) == 'O' ? id.substring(dash + 1) : id;
    }

    /** {@code created}, {@code accepted}, {@code declined}, {@code rescinded}, {@code timed out}. */
    static String label(OfferEvent.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** For a decline, how long the allocator keeps the resources from the framework. */
    static String refusal(OfferEvent event) {
        if (event.kind() != OfferEvent.Kind.DECLINED || event.refuseSeconds().isEmpty()) {
            return "";
        }
        double seconds = event.refuseSeconds().getAsDouble();
        return seconds <= 0 ? "offered again at once" : "refused for " + ResourceFormat.number(seconds) + " s";
    }

    /** {@code 12.5 %}. */
    static String percent(double fraction) {
        return ResourceFormat.number(fraction * 100) + " %";
    }

    /** Times of day ({@code 10:42:13}) in {@code zone}. */
    static DateTimeFormatter time(ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }
}
