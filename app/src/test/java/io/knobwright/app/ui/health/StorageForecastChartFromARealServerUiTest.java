package io.knobwright.app.ui.health;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.health.StorageForecastService;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.store.KnobwrightStore;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage forecast chart with real data: the local PostgreSQL 15 service is polled by the monitor while a table
 * grows in a database of this test's own (created and dropped here), and 150 days of earlier history (a weekly
 * rhythm and a bulk load) are imported from a CSV ending where the real measurements begin.
 */
@ExtendWith(ApplicationExtension.class)
class StorageForecastChartFromARealServerUiTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database = "kw_forecast_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Stage stage;
    private KnobwrightStore store;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 960, 620));
        stage.show();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (store != null) {
            store.close();
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void theChartShowsHistoryForecastBandAndThresholdOfARealServer() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        store = KnobwrightStore.inMemory("forecast-real-" + UUID.randomUUID(), false);
        AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "dba");
        Instance instance = context.fleet().register(new Registration("orders-pg15", SERVER + database, "postgres", null,
                null, Tier.PRODUCTION, null, null, Map.of()));

        // Measured: the server's database sizes, polled while a table grows.
        context.monitor().pollNow(List.of(instance));
        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE events (id bigint, payload text)");
            for (int round = 0; round < 2; round++) {
                st.execute("INSERT INTO events SELECT g, repeat(md5(g::text), 8) FROM generate_series(1, 40000) g");
                st.execute("CHECKPOINT");
                context.monitor().pollNow(List.of(instance));
            }
        }
        StorageForecastService forecasts = context.storageForecasts();
        SizeSeries measured = forecasts.history(instance, "total");
        assertThat(measured.points()).as("the collector measured the database size").hasSizeGreaterThanOrEqualTo(3);
        long now = measured.points().getFirst().bytes();

        // Imported: 150 days before the first measurement, growing 0.4% of today's size a weekday (0.06% on weekends), a bulk load 40 days ago.
        Path csv = Files.createTempFile("sizes", ".csv");
        Instant first = measured.points().getFirst().at();
        double perWeekday = now * 0.004;
        List<String> lines = new ArrayList<>(List.of("timestamp,bytes"));
        SplittableRandom random = new SplittableRandom(7);
        double size = now;
        for (int back = 1; back <= 150; back++) {
            Instant at = first.minus(Duration.ofDays(back)).truncatedTo(ChronoUnit.HOURS);
            int weekday = at.atOffset(java.time.ZoneOffset.UTC).getDayOfWeek().getValue();
            size -= (weekday >= 6 ? 0.15 : 1.0) * perWeekday * (1 + 0.8 * (random.nextDouble() - 0.5));
            if (back == 40) {
                size -= now * 0.12;
            }
            // A reading wobbles with autovacuum and bloat: +-0.6% of the size.
            double reading = size * (1 + 0.012 * (random.nextDouble() - 0.5));
            lines.add(at + "," + Math.round(Math.max(reading, 1)));
        }
        List<String> oldestFirst = new ArrayList<>(lines.subList(1, lines.size()).reversed());
        oldestFirst.addFirst(lines.getFirst());
        Files.write(csv, oldestFirst);
        assertThat(forecasts.importSeries(instance, "total", csv)).isEqualTo(150);

        // About 40 days of the history's growth above the last measured size (the server's other databases come and go).
        long threshold = measured.points().getLast().bytes() + Math.round(now * 0.12);
        StorageForecastService.Result result = forecasts.forecast(instance, "total", 60, OptionalLong.of(threshold));
        assertThat(result.forecast().backtest()).as("150 days are enough for a backtest").isPresent();
        assertThat(result.forecast().changePoints()).as("the bulk load is a step").isNotEmpty();
        assertThat(result.forecast().threshold().orElseThrow().expected()).isNotNull();

        StorageForecastChart chart = WaitForAsyncUtils.asyncFx(() -> {
            StorageForecastChart c = new StorageForecastChart();
            new Theme().style(stage.getScene().getRoot(), StorageForecastChart.STYLESHEET);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(c);
            c.show("orders-pg15 · total size (PostgreSQL 15, measured + imported)", result.history(), result.forecast(), 120);
            return c;
        }).get(10, TimeUnit.SECONDS);
        Path png = Snapshots.writeAt(stage.getScene(), 1000, 640, "storage-forecast-real-pg15.png");

        assertThat(png).exists();
        WaitForAsyncUtils.asyncFx(() -> {
            NumberAxis y = (NumberAxis) chart.lookup(".chart").lookup(".axis");
            assertThat(chart.lookupAll(".axis-label")).extracting(n -> ((Label) n).getText())
                    .anySatisfy(text -> assertThat(text).matches("size \\((MB|GB)\\)"))
                    .contains("date (UTC)");
            assertThat(chart.lookupAll(".label")).extracting(n -> ((Label) n).getText())
                    .anySatisfy(text -> assertThat(text).startsWith("Backtest on this series' own history"))
                    .anySatisfy(text -> assertThat(text).startsWith("Threshold").contains("reached on"));
            assertThat(chart.lookup(".forecast-band")).isNotNull();
            return y;
        }).get(10, TimeUnit.SECONDS);
    }
}
