package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanExportPdfCommandTest {

    private static final long GB = 1L << 30;
    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    private long first;
    private long second;

    @BeforeEach
    void twoDraftPlans() throws Exception {
        Instance pg = cli.add(new Instance(0, "pg-orders-1", Engine.POSTGRESQL, "16", "16.4", null, Map.of("team", "orders"),
                null, null, null, new HardwareFacts(16, 64 * GB, DiskType.NVME, 1024 * GB), false));
        cli.snapshots().save(new SettingsSnapshot(pg.id(), Instant.parse("2026-11-25T08:00:00Z"), "16.4", List.of(
                new LiveSetting("shared_buffers", "16384", "8kB", "default", false),
                new LiveSetting("work_mem", "4096", "kB", "default", false))));
        first = createPlan();
        second = createPlan();
    }

    @AfterEach
    void close() {
        cli.close();
    }

    private long createPlan() throws Exception {
        CliHarness.Result r = cli.run("plan", "create", "--template", "postgresql-oltp", "--instance", "pg-orders-1", "--offline",
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get("id").asLong();
    }

    @Test
    void exportPdfWritesOnePlanAndRefusesToReplaceItWithoutForce() throws IOException {
        Path out = dir.resolve("plan.pdf");

        CliHarness.Result r = cli.run("plan", "export-pdf", String.valueOf(first), "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Wrote " + out + ": plan " + first + " on ").contains(" pages");
        String text = text(out);
        assertThat(text).contains("Change plan " + first + ": pg-orders-1", "State draft", "Page 1 of ");
        assertThat(text).containsPattern("shared_buffers +128MB +16GB +restart +yes");

        CliHarness.Result again = cli.run("plan", "export-pdf", String.valueOf(second), "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(again.err()).contains(out + " already exists; nothing was written. Run again with --force to replace it.");
        assertThat(text(out)).contains("Change plan " + first + ":");

        assertThat(cli.run("plan", "export-pdf", String.valueOf(second), "--out", out.toString(), "--force").exitCode()).isZero();
        assertThat(text(out)).contains("Change plan " + second + ":");
    }

    @Test
    void exportPdfAllInAStateWritesOneReportListingThePlans() throws IOException {
        Path out = dir.resolve("drafts.pdf");

        CliHarness.Result r = cli.run("plan", "export-pdf", "--all", "--state", "draft", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(": 2 plans on ");
        String text = text(out);
        assertThat(text).contains("Change plans for review: 2 plans", "Change plan " + first + ":", "Change plan " + second + ":");
        assertThat(text.indexOf("Change plan " + first + ":")).isLessThan(text.indexOf("Change plan " + second + ":"));
    }

    @Test
    void exportPdfSaysWhatIsWrongWithItsArguments() {
        Path out = dir.resolve("x.pdf");

        CliHarness.Result none = cli.run("plan", "export-pdf", "--out", out.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("Name a plan ID, or --all for every plan.");

        CliHarness.Result both = cli.run("plan", "export-pdf", String.valueOf(first), "--all", "--out", out.toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);

        CliHarness.Result noneSubmitted = cli.run("plan", "export-pdf", "--all", "--state", "SUBMITTED", "--out", out.toString());
        assertThat(noneSubmitted.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(noneSubmitted.err()).contains("No plans are submitted; nothing was written.");

        CliHarness.Result badState = cli.run("plan", "export-pdf", "--all", "--state", "pending", "--out", out.toString());
        assertThat(badState.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(badState.err()).contains("State 'pending' is not a plan state; use one of draft, submitted,");

        CliHarness.Result unknown = cli.run("plan", "export-pdf", "999", "--out", out.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(unknown.err()).contains("No plan 999");
        assertThat(out).doesNotExist();
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }
}
