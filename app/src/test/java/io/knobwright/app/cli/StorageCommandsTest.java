package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `storage import-series` and `storage forecast` as scripts use them. */
class StorageCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GB = 1L << 30;
    private final CliHarness cli = new CliHarness();

    @TempDir
    Path dir;

    @AfterEach
    void closeStore() {
        cli.close();
    }

    private String instance() {
        return cli.add(new io.knobwright.model.fleet.Instance(0, "pg-sizes", io.knobwright.model.engine.Engine.POSTGRESQL,
                "16", null, null, java.util.Map.of(), io.knobwright.model.fleet.Tier.PRODUCTION,
                io.knobwright.model.fleet.Criticality.HIGH, io.knobwright.model.fleet.WorkloadKind.OLTP,
                new io.knobwright.model.fleet.HardwareFacts(16, 64L << 30, io.knobwright.model.fleet.DiskType.NVME, 400 * GB),
                false)).name();
    }

    /** 120 days of 1 GB a day from 200 GB, half as epoch seconds and half as ISO-8601. */
    private Path history() throws Exception {
        List<String> lines = new ArrayList<>(List.of("timestamp,bytes"));
        Instant start = Instant.parse("2026-06-01T12:00:00Z");
        for (int d = 0; d < 120; d++) {
            Instant at = start.plusSeconds(86400L * d);
            long bytes = 200 * GB + d * GB + (d % 2) * (GB / 20);
            lines.add((d % 2 == 0 ? String.valueOf(at.getEpochSecond()) : at.toString()) + "," + bytes);
        }
        return Files.write(dir.resolve("sizes.csv"), lines);
    }

    @Test
    void anImportedHistoryIsForecastWithDailyPointsThresholdAndBacktest() throws Exception {
        String name = instance();
        CliHarness.Result imported = cli.run("storage", "import-series", "--instance", name, "--file", history().toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("120 points");

        CliHarness.Result forecast = cli.run("storage", "forecast", "--instance", name, "--days", "30", "--json");
        assertThat(forecast.exitCode()).as(forecast.err()).isZero();
        JsonNode json = JSON.readTree(forecast.out());
        assertThat(json.path("points")).hasSize(30);
        JsonNode first = json.path("points").get(0);
        assertThat(first.path("date").asText()).isEqualTo("2026-09-29");
        assertThat(first.path("lowBytes").asLong()).isLessThanOrEqualTo(first.path("expectedBytes").asLong());
        assertThat(first.path("highBytes").asLong()).isGreaterThanOrEqualTo(first.path("expectedBytes").asLong());
        assertThat(json.path("points").get(29).path("expectedBytes").asDouble()).isBetween(347.0 * GB, 351.0 * GB);
        // No --threshold: the disk size (400 GB) is, about 81 days after the last reading of 319 GB.
        assertThat(json.path("threshold").path("source").asText()).isEqualTo("disk size");
        assertThat(json.path("threshold").path("date").asText()).startsWith("2026-12");
        assertThat(json.path("backtest").path("horizonDays").asInt()).isEqualTo(30);
        assertThat(json.path("backtest").path("medianGrowthError").asDouble()).isLessThan(0.2);
        assertThat(json.path("model").asText()).isNotBlank();

        CliHarness.Result limited = cli.run("storage", "forecast", "--instance", name, "--threshold", "330GB", "--json");
        assertThat(JSON.readTree(limited.out()).path("threshold").path("source").asText()).isEqualTo("--threshold");
    }

    @Test
    void aMalformedFileIsRejectedByLineAndNothingIsStored() throws Exception {
        String name = instance();
        Path bad = Files.write(dir.resolve("bad.csv"), List.of("2026-06-01T00:00:00Z,100", "2026-06-02,abc", "June 3,300"));

        CliHarness.Result imported = cli.run("storage", "import-series", "--instance", name, "--file", bad.toString());

        assertThat(imported.exitCode()).isNotZero();
        assertThat(imported.err()).contains("line 2:").contains("line 3:").contains("nothing was imported");
        CliHarness.Result forecast = cli.run("storage", "forecast", "--instance", name, "--json");
        assertThat(forecast.exitCode()).isNotZero();
        assertThat(forecast.err()).contains("No size history for pg-sizes");
    }
}
