package io.knobwright.model.diff;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationDiffTest {

    private final ParameterCatalog pg16 = new CatalogRepository().require(Engine.POSTGRESQL, "16");
    private final ConfigurationDiff diff = new ConfigurationDiff(new CatalogValueEquivalence());

    private DiffRow row(List<DiffRow> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void equivalentSpellingsAreNotDifferences() {
        List<DiffRow> rows = diff.compare(
                Map.of("shared_buffers", "1GB", "work_mem", "4MB", "jit", "true", "wal_level", "REPLICA"),
                Map.of("shared_buffers", "131072", "work_mem", "4096", "jit", "on", "wal_level", "replica"), pg16);
        assertThat(rows).allSatisfy(r -> assertThat(r.change()).as(r.name()).isEqualTo(ChangeKind.SAME));
    }

    @Test
    void spellingsTheServerTakesAlikeAreNotDifferences() {
        List<DiffRow> rows = diff.compare(
                Map.of("DateStyle", "iso, mdy", "unix_socket_permissions", "0700", "search_path", "$user, public"),
                Map.of("datestyle", "ISO, MDY", "unix_socket_permissions", "448", "search_path", "\"$user\", public"), pg16);
        assertThat(rows).allSatisfy(r -> assertThat(r.change()).as(r.name()).isEqualTo(ChangeKind.SAME));
        assertThat(row(rows, "unix_socket_permissions").right()).isEqualTo("0700");
    }

    @Test
    void addedRemovedAndChangedAreTold() {
        List<DiffRow> rows = diff.compare(
                Map.of("shared_buffers", "1GB", "work_mem", "4MB"),
                Map.of("shared_buffers", "2GB", "max_connections", "300"), pg16);
        assertThat(row(rows, "shared_buffers").change()).isEqualTo(ChangeKind.CHANGED);
        assertThat(row(rows, "shared_buffers").restartNeeded()).isTrue();
        assertThat(row(rows, "work_mem").change()).isEqualTo(ChangeKind.REMOVED);
        assertThat(row(rows, "work_mem").applyMode()).isEqualTo(ApplyMode.ONLINE);
        assertThat(row(rows, "max_connections").change()).isEqualTo(ChangeKind.ADDED);
    }

    @Test
    void valuesAreShownInTheMostReadableUnitOnBothSides() {
        List<DiffRow> rows = diff.compare(Map.of("work_mem", "32MB", "shared_buffers", "131072"),
                Map.of("work_mem", "65536", "shared_buffers", "1024MB"), pg16);
        assertThat(row(rows, "work_mem").left()).isEqualTo("32MB");
        assertThat(row(rows, "work_mem").right()).isEqualTo("64MB");
        assertThat(row(rows, "shared_buffers").left()).isEqualTo("1GB");
        assertThat(row(rows, "shared_buffers").right()).isEqualTo("1GB");
    }

    @Test
    void rowsAreGroupedByCategoryThenName() {
        List<DiffRow> rows = diff.compare(
                Map.of("work_mem", "4MB", "shared_buffers", "1GB", "log_min_duration_statement", "1s", "random_page_cost", "4"),
                Map.of(), pg16);
        assertThat(rows).isSortedAccordingTo(java.util.Comparator.comparing(DiffRow::category).thenComparing(DiffRow::name));
        assertThat(row(rows, "shared_buffers").category()).isEqualTo(row(rows, "work_mem").category());
    }

    @Test
    void parametersUnknownToTheCatalogAreComparedAsText() {
        List<DiffRow> rows = diff.compare(Map.of("pg_stat_statements.max", "5000", "My.Custom", "A"),
                Map.of("pg_stat_statements.max", "5000", "my.custom", "b"), pg16);
        assertThat(row(rows, "pg_stat_statements.max").change()).isEqualTo(ChangeKind.SAME);
        assertThat(row(rows, "My.Custom").change()).isEqualTo(ChangeKind.CHANGED);
        assertThat(row(rows, "My.Custom").category()).isEqualTo("Unknown to the catalog");
    }

    @Test
    void aServerValueTheModelCannotReadStillCompares() {
        List<DiffRow> rows = diff.compare(Map.of("work_mem", "garbage"), Map.of("work_mem", "garbage"), pg16);
        assertThat(rows.getFirst().change()).isEqualTo(ChangeKind.SAME);
    }
}
