package io.knobwright.model.store;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateAndPlanStoreTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("templates-" + System.nanoTime(), false);

    @AfterEach
    void close() {
        store.close();
    }

    private static Template template(String name, String workMem) {
        return new Template(name, Engine.POSTGRESQL, List.of("16", "17"), "postgresql-oltp", List.of(
                TemplateEntry.literal("work_mem", workMem, "sorts in memory"),
                TemplateEntry.expression("shared_buffers", "25% of RAM", "").asLocked(),
                new TemplateEntry("jit", new EntryValue.ResetToDefault(), false, "")), false, "payments OLTP");
    }

    @Test
    void versionsAreAppendedAndReadBackExactly() {
        store.templates().save(template("payments", "16MB"), "lin", "first cut");
        TemplateVersion v2 = store.templates().save(template("payments", "32MB"), "sam", "bigger sorts");
        assertThat(v2.version()).isEqualTo(2);
        TemplateVersion back = store.templates().version("payments", 1).orElseThrow();
        assertThat(back.template()).isEqualTo(template("payments", "16MB"));
        assertThat(back.author()).isEqualTo("lin");
        assertThat(back.comment()).isEqualTo("first cut");
        assertThat(store.templates().latest("payments").orElseThrow().version()).isEqualTo(2);
        assertThat(store.templates().history("payments")).extracting(TemplateVersion::version).containsExactly(2, 1);
        assertThat(store.templates().latestVersions()).hasSize(1);
    }

    @Test
    void aTemplateKeepsItsEngine() {
        store.templates().save(template("t", "16MB"), "lin", "");
        Template mysql = new Template("t", Engine.MYSQL, List.of(), null, List.of(), false, "");
        assertThatThrownBy(() -> store.templates().save(mysql, "lin", "")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("keeps its engine");
        assertThat(store.templates().history("t")).hasSize(1);
    }

    @Test
    void hostileNamesAndTextsAreStoredAsData() {
        Template t = new Template("x'); DROP TABLE template;--", Engine.POSTGRESQL, List.of(), null,
                List.of(TemplateEntry.literal("application_name", "'; DELETE FROM plan_change; -- ü 日本", "")), false, "");
        store.templates().save(t, "rob\"ert", "comment with 'quotes'");
        assertThat(store.templates().latest(t.name()).orElseThrow().template()).isEqualTo(t);
    }

    @Test
    void assignmentsFollowTheInstanceAndCanBePinned() {
        Instance i = store.instances().save(new Instance(0, "pg-1", Engine.POSTGRESQL, "16", null, null, null, null, null, null, null, false));
        store.templateAssignments().assign(new TemplateAssignment(i.id(), "payments", null));
        store.templateAssignments().assign(new TemplateAssignment(i.id(), "payments", 3));
        assertThat(store.templateAssignments().find(i.id()).orElseThrow().reference()).isEqualTo("payments@3");
        assertThat(store.templateAssignments().findAll()).hasSize(1);
        store.instances().delete(i.id());
        assertThat(store.templateAssignments().find(i.id())).isEmpty();
        assertThatThrownBy(() -> store.templateAssignments().assign(new TemplateAssignment(999, "payments", null)))
                .hasMessageContaining("No instance with id 999");
    }

    @Test
    void plansAreStoredWithTheirChangesAndListedNewestFirst() {
        ChangePlan older = plan(1, "pg-1", Instant.parse("2026-11-24T10:00:00Z"), 3);
        ChangePlan newer = plan(2, "pg-2", Instant.parse("2026-11-25T10:00:00Z"), 2);
        List<ChangePlan> saved = store.plans().saveAll(List.of(older, newer));
        assertThat(saved).allSatisfy(p -> assertThat(p.id()).isPositive());
        assertThat(store.plans().findAll()).extracting(ChangePlan::instanceName).containsExactly("pg-2", "pg-1");
        ChangePlan back = store.plans().find(saved.getFirst().id()).orElseThrow();
        assertThat(back).isEqualTo(older.withId(back.id()));
        assertThat(store.plans().findByInstance(2)).hasSize(1);
    }

    @Test
    void aFailingPlanLeavesNoneOfTheBatchStored() {
        ChangePlan good = plan(1, "pg-1", Instant.now(), 2);
        ChangePlan bad = new ChangePlan(0, 2, "pg-2", "t", 1, Instant.now(), "lin", PlanState.DRAFT, "live",
                List.of(new PlannedChange("x".repeat(300), null, "1", null, ApplyMode.ONLINE, "", "")));
        assertThatThrownBy(() -> store.plans().saveAll(List.of(good, bad)));
        assertThat(store.plans().findAll()).isEmpty();
    }

    @Test
    void templatesSurviveReopeningAFileStore(@TempDir Path dir) {
        try (KnobwrightStore file = KnobwrightStore.open(dir)) {
            file.templates().save(template("payments", "16MB"), "lin", "");
        }
        try (KnobwrightStore file = KnobwrightStore.open(dir)) {
            assertThat(file.templates().latest("payments")).isPresent();
        }
    }

    private static ChangePlan plan(long instanceId, String name, Instant at, int changes) {
        List<PlannedChange> list = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            list.add(new PlannedChange("param_" + i, i == 0 ? null : "1", "2", "kB", ApplyMode.RESTART, "t v1: RAM/4", ""));
        }
        return new ChangePlan(0, instanceId, name, "payments", 2, at, "lin", PlanState.DRAFT, "snapshot of " + at, list);
    }
}
