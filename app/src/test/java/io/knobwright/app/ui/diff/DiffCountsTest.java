package io.knobwright.app.ui.diff;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.diff.ChangeKind;
import io.knobwright.model.diff.DiffRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCountsTest {

    private static DiffRow row(String name, ChangeKind kind, ApplyMode mode) {
        return new DiffRow(name, kind == ChangeKind.ADDED ? null : "a", kind == ChangeKind.REMOVED ? null : "b",
                kind, "Resource Usage / Memory", mode);
    }

    @Test
    void leavesOutKindsThatDoNotOccurAndSaysWhenNoRestartIsNeeded() {
        DiffCounts counts = DiffCounts.of(List.of(
                row("work_mem", ChangeKind.CHANGED, ApplyMode.ONLINE),
                row("temp_buffers", ChangeKind.CHANGED, ApplyMode.ONLINE),
                row("shared_buffers", ChangeKind.SAME, ApplyMode.RESTART)));

        assertThat(counts.text()).isEqualTo("2 changed · no restart needed");
    }

    @Test
    void aSingleRestartReadsInTheSingular() {
        DiffCounts counts = DiffCounts.of(List.of(
                row("shared_buffers", ChangeKind.CHANGED, ApplyMode.RESTART),
                row("work_mem", ChangeKind.REMOVED, ApplyMode.ONLINE),
                row("pg_stat_statements.max", ChangeKind.ADDED, null)));

        assertThat(counts.text()).isEqualTo("1 changed · 1 added · 1 removed · 1 needs a restart");
    }

    @Test
    void aRestartParameterWithEquivalentValuesNeedsNoRestart() {
        DiffCounts counts = DiffCounts.of(List.of(row("max_connections", ChangeKind.SAME, ApplyMode.RESTART)));

        assertThat(counts.restartNeeded()).isZero();
        assertThat(counts.text()).isEqualTo("No differences · 1 parameter compared");
    }
}
