package io.knobwright.app.ui.plan;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.PlannedChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanChangeRowTest {

    private static PlanChangeRow row(String parameter, ApplyMode mode) {
        return PlanChangeRow.of(new PlannedChange(parameter, "off", "on", null, mode, "audit v1", ""), null);
    }

    @Test
    void aChangeThatReachesOnlyNewSessionsSaysSoForConnectionPools() {
        PlanChangeRow logConnections = row("log_connections", ApplyMode.NEW_SESSIONS);

        assertThat(logConnections.applyText()).isEqualTo("new sessions");
        assertThat(logConnections.restartNeeded()).isFalse();
        assertThat(logConnections.whenItTakesEffect()).hasValueSatisfying(text -> assertThat(text)
                .startsWith("Reaches only sessions opened after the change").contains("connection pool"));
    }

    @Test
    void aRestartIsSpelledOutAndAnOnlineChangeNeedsNoWord() {
        assertThat(row("shared_buffers", ApplyMode.RESTART).whenItTakesEffect())
                .contains("Takes effect after a server restart.");
        assertThat(row("work_mem", ApplyMode.ONLINE).whenItTakesEffect()).isEmpty();
        assertThat(row("block_size", ApplyMode.READ_ONLY).applyText()).isEqualTo("read-only");
    }
}
