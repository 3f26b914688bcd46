package io.knobwright.app.ui.operations;

import io.knobwright.app.testing.ManualClock;

import io.knobwright.app.override.OverrideResult;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.override.OverrideState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickOverrideViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final CatalogRepository CATALOGS = new CatalogRepository();

    private final ScriptedDesk desk = new ScriptedDesk();
    private final List<String> reported = new ArrayList<>();
    private final Instance instance = withConnection(Fixtures.instance(1, "pg-prod-3", Engine.POSTGRESQL, "16",
            Tier.PRODUCTION, Criticality.CRITICAL, WorkloadKind.OLTP, Map.of()));

    static Instance withConnection(Instance i) {
        return new Instance(i.id(), i.name(), i.engine(), i.version(), i.fullVersion(),
                new ConnectionSpec("jdbc:postgresql://db.example:5432/postgres", "kw", CredentialRef.NONE), i.tags(), i.tier(),
                i.criticality(), i.workload(), i.hardware(), false);
    }

    private QuickOverrideViewModel form() {
        return new QuickOverrideViewModel(instance, (id, version) -> CATALOGS.find(version), desk, Fixtures.inline(),
                new ManualClock(NOW), ZoneOffset.UTC, (text, error) -> reported.add(text));
    }

    @Test
    void parametersCompleteFromTheInstancesCatalogLeavingOutThoseThatNeedARestart() {
        QuickOverrideViewModel vm = form();
        vm.parameterProperty().set("work_m");
        assertThat(vm.suggestions()).first().isEqualTo("work_mem");

        vm.parameterProperty().set("shared_buff");
        assertThat(vm.suggestions()).as("shared_buffers takes a restart: an override cannot act now").isEmpty();

        vm.parameterProperty().set("timeout");
        assertThat(vm.suggestions()).as("names containing what was typed").contains("statement_timeout");

        vm.choose("work_mem");
        assertThat(vm.suggestions()).isEmpty();
        assertThat(vm.parameterHelpProperty().get()).isNotBlank();
    }

    @Test
    void applyWaitsUntilEveryFieldIsGivenAndSaysWhatIsMissing() {
        QuickOverrideViewModel vm = form();
        assertThat(vm.problemProperty().get()).isEqualTo("Name the parameter to override.");
        vm.parameterProperty().set("shared_buffers");
        assertThat(vm.problemProperty().get()).contains("not a parameter of PostgreSQL 16 that changes without a restart");
        vm.parameterProperty().set("work_mem");
        assertThat(vm.problemProperty().get()).isEqualTo("Give the value to set.");
        vm.valueProperty().set("256MB");
        vm.durationProperty().set("soon");
        assertThat(vm.problemProperty().get()).contains("'soon' is not a duration");
        vm.durationProperty().set("1h30m");
        assertThat(vm.problemProperty().get()).startsWith("Give a reason");
        assertThat(vm.canApply().get()).isFalse();
        vm.reasonProperty().set("INC-7 queries spilling to disk");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.canApply().get()).isTrue();
    }

    @Test
    void durationsAreReadAsAnOperatorTypesThem() {
        assertThat(OverrideDuration.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(OverrideDuration.parse("4h")).isEqualTo(Duration.ofHours(4));
        assertThat(OverrideDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(OverrideDuration.parse("90 min")).isEqualTo(Duration.ofMinutes(90));
        assertThat(OverrideDuration.parse("PT45M")).isEqualTo(Duration.ofMinutes(45));
        assertThatThrownBy(() -> OverrideDuration.parse("")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> OverrideDuration.parse("30")).hasMessageContaining("45m, 2h or 1h30m");
    }

    @Test
    void anAppliedOverrideIsReportedWithItsRestorationTime() {
        desk.applying = request -> new OverrideResult("b", NOW.plus(request.duration()), List.of(new OverrideResult.OnInstance(
                "pg-prod-3", List.of(ScriptedDesk.override(5, "pg-prod-3", "work_mem", "256MB", NOW, NOW.plus(request.duration()),
                OverrideState.ACTIVE, 0, null, "", 0)), null)));
        QuickOverrideViewModel vm = filled();
        vm.apply();

        assertThat(desk.calls).containsExactly("apply {work_mem=256MB} for PT30M because INC-7 queries spilling");
        assertThat(vm.appliedProperty().get()).isTrue();
        assertThat(reported).containsExactly("work_mem on pg-prod-3 is 256MB now; it restores by itself at 10:30:00 (in 30:00),"
                + " see Operations.");
        assertThat(vm.canApply().get()).as("applied once, not twice").isFalse();
    }

    @Test
    void aRefusalStaysInTheFormInWords() {
        desk.applying = request -> new OverrideResult("b", NOW, List.of(new OverrideResult.OnInstance("pg-prod-3", List.of(),
                UserError.input("work_mem on pg-prod-3 is already overridden by erin; add --stack to put yours on top."))));
        QuickOverrideViewModel vm = filled();
        vm.apply();

        assertThat(vm.appliedProperty().get()).isFalse();
        assertThat(vm.outcomeProperty().get()).isEqualTo("work_mem on pg-prod-3 is already overridden by erin; add --stack"
                + " to put yours on top.");
        assertThat(reported).isEmpty();
        assertThat(vm.canApply().get()).as("the operator may change something and try again").isTrue();
    }

    private QuickOverrideViewModel filled() {
        QuickOverrideViewModel vm = form();
        vm.parameterProperty().set("work_mem");
        vm.valueProperty().set("256MB");
        vm.durationProperty().set("30m");
        vm.reasonProperty().set("INC-7 queries spilling");
        return vm;
    }
}
