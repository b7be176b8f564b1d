package org.meseta.console.ui.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.history.OfferHistory;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.RoleView;
import org.meseta.console.ui.testing.HoldingFramework;
import org.meseta.console.ui.testing.RealCluster;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;
import org.meseta.console.ui.testing.ViewHarness;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Http;

/**
 * The Offers part on a real display against a real master with two real agents: a {@code meseta-execute}
 * framework in role {@code prod} (which has quota) accepts the offer its task fits in and declines the other with a
 * refusal; a framework that holds its offers keeps them outstanding until an agent leaves and the master rescinds
 * its offer. The view shows all of it as it happens, and the role view's quota and consumption. The last picture is
 * the documentation's screenshot of the view.
 */
@Timeout(120)
class OffersPartAgainstRealMasterTest {

    private static final String WEB = "console test web-1";

    @TempDir
    Path workDir;

    private ViewHarness harness;
    private RealCluster cluster;
    private Display display;
    private ClusterClient client;
    private OffersPart part;
    private HoldingFramework holder;

    @BeforeEach
    void openPart() throws Exception {
        harness = ViewHarness.open(workDir, 1140, 640);
        cluster = harness.cluster();
        display = harness.display();
        client = harness.client();
        part = new OffersPart(client, harness.ui());
        harness.view(part::dispose);
        part.createControls(harness.shell());
        harness.shell().open();
    }

    @AfterEach
    void closeEverything() throws Exception {
        if (holder != null) {
            holder.close();
        }
        harness.close();
    }

    @Test
    void offersAreSeenMadeAcceptedDeclinedAndRescindedAndTheRolesWithTheirQuota() throws Exception {
        cluster.startMaster();
        cluster.startAgent("node-a.test", "cpus:4;mem:4096;disk:8192", "");
        Daemon.Running nodeB = cluster.startAgent("node-b.test", "cpus:1;mem:512;disk:1024", "");
        // Forced: the agents may not have registered yet.
        HttpResponse<byte[]> quota = Http.post(cluster.master().uri("/api/v1"), "{\"type\":\"UPDATE_QUOTA\","
                + "\"update_quota\":{\"force\":true,\"quota_configs\":[{\"role\":\"prod\","
                + "\"guarantees\":{\"cpus\":{\"value\":1}},\"limits\":{\"cpus\":{\"value\":3}}}]}}",
                "Content-Type", Http.JSON);
        assertEquals(200, quota.statusCode(), () -> Http.text(quota));
        client.connect(cluster.master());
        waitUntil(() -> part.status().startsWith("Connected to " + cluster.master()), "connected");

        // The task fits node-a only: node-b's offer (at least) is declined with a refusal.
        cluster.launch("web-1", "sleep 600", "cpus:2;mem:1024", "--role=prod");
        waitUntil(() -> seen(WEB, OfferEvent.Kind.ACCEPTED) && seen(WEB, OfferEvent.Kind.DECLINED),
                "web-1's offers accepted and declined");
        OfferHistory.Entry declined = part.events().rows().stream().filter(entry -> entry.framework().equals(WEB)
                && entry.event().kind() == OfferEvent.Kind.DECLINED).findFirst().orElseThrow();
        assertTrue(OfferColumns.refusal(declined.event()).startsWith("refused for "),
                () -> OfferColumns.refusal(declined.event()));
        waitUntil(() -> prod().filter(role -> role.quota().consumed().getOrDefault("cpus", 0.0) == 2).isPresent(),
                "prod consuming the task's 2 cpus");
        List<String> prodCells = part.roles().cells(rowOf("prod"));
        assertEquals(List.of("prod", "1"), prodCells.subList(0, 2), "name and weight");
        assertTrue(prodCells.get(2).endsWith(" %"), () -> "share " + prodCells.get(2));
        assertEquals("1", prodCells.get(3), "one framework");
        assertEquals(List.of("1 cpus", "3 cpus", "2 cpus · 1 GB mem"), prodCells.subList(7, 10),
                "guarantee, limit, consumed");

        holder = HoldingFramework.subscribe(cluster.master(), "offer holder");
        waitUntil(() -> part.outstanding().rows().stream().filter(offer -> offer.hostname().equals("node-b.test"))
                .anyMatch(offer -> "offer holder".equals(client.cluster().frameworkName(offer.frameworkId()))),
                "the holder's offer of node-b outstanding");

        nodeB.close();
        waitUntil(() -> part.events().rows().stream().anyMatch(entry -> entry.event().kind()
                == OfferEvent.Kind.RESCINDED && entry.hostname().equals("node-b.test")), "node-b's offer rescinded");
        waitUntil(() -> part.outstanding().rows().stream().noneMatch(offer -> offer.hostname().equals(
                "node-b.test")), "node-b's offer gone");

        waitUntil(() -> part.roles().rows().stream().anyMatch(role -> role.name().equals("*")),
                "the holder's role in the role view");
        File png = new File(TestOutput.directory(), "screenshots/offers-real-master.png");
        Ui.screenshot(harness.shell(), png);
        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
        Optional<File> docs = TestOutput.docsImages();
        if (docs.isPresent()) {
            Files.copy(png.toPath(), docs.get().toPath().resolve("console-offers.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private boolean seen(String framework, OfferEvent.Kind kind) {
        return part.events().rows().stream().anyMatch(entry -> entry.framework().equals(framework)
                && entry.event().kind() == kind);
    }

    private Optional<RoleView> prod() {
        return part.roles().rows().stream().filter(role -> role.name().equals("prod")).findFirst();
    }

    private int rowOf(String role) {
        List<String> names = part.roles().rows().stream().map(RoleView::name).toList();
        return names.indexOf(role);
    }

    private void waitUntil(BooleanSupplier condition, String expectation) {
        Ui.waitUntil(display, Duration.ofSeconds(30), condition, expectation,
                () -> "status '" + part.status() + "', " + part.summary() + ", events " + part.events().rows()
                        .stream().map(entry -> entry.event().kind() + " " + entry.framework() + "@"
                                + entry.hostname()).toList() + ", roles " + part.roles().rows());
    }
}
