package io.knobwright.app.plan;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.TemplatePlanner;
import io.knobwright.model.template.TemplateAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans and drift on a real in-memory store with the demo fleet (a third of it has settings and a template). */
class PlanServiceTest {

    private final AppContext context = DemoWorkbench.context("plan-service");
    private final PlanService plans = context.plans();

    @AfterEach
    void close() {
        context.close();
    }

    private Instance postgresWithSettings() {
        return DemoWorkbench.postgres16WithSettings(context).getFirst();
    }

    @Test
    void driftCountsWhatAPlanAgainstTheWholeNewestSnapshotWouldChange() {
        Map<Long, TemplateAssignment> assigned = context.templates().assignments();
        TemplatePlanner planner = new TemplatePlanner(name -> Optional.of(context.templates().require(name)),
                new CatalogRepository(), new CatalogValueEquivalence());

        Map<Long, Integer> drift = plans.drift();

        assertThat(drift).hasSize(assigned.size());
        assertThat(drift.values()).anySatisfy(n -> assertThat(n).isPositive());
        assigned.forEach((id, a) -> assertThat(drift.get(id)).as(a.reference() + " on #" + id).isEqualTo(
                planner.plan(context.templates().require(a.reference()), context.fleet().find(id).orElseThrow(),
                        context.fleet().latestSnapshot(id).orElseThrow(), false, "", Instant.EPOCH).changes().size()));
    }

    @Test
    void offlinePlansCompareWithTheNewestSnapshotAndAreStoredTogether() {
        List<Long> ids = DemoWorkbench.postgres16WithSettings(context).stream().map(Instance::id).toList();

        PlanBatch batch = plans.createPlans("postgresql-oltp", ids, false, n -> { });

        assertThat(batch.failures()).isEmpty();
        assertThat(batch.plans()).extracting(ChangePlan::instanceId).containsExactlyElementsOf(ids);
        assertThat(batch.plans()).allSatisfy(p -> assertThat(p.baseline()).startsWith("snapshot of "));
        assertThat(plans.plans()).containsExactlyInAnyOrderElementsOf(batch.plans());
    }

    @Test
    void instancesThatGetNoPlanAreReportedWithTheReasonAndTheOthersAreStored() {
        Instance pg = postgresWithSettings();
        Instance maria = context.fleet().list().stream().filter(i -> i.engine() == Engine.MARIADB).findFirst().orElseThrow();
        List<Integer> progress = new ArrayList<>();

        PlanBatch batch = plans.createPlans("postgresql-oltp", List.of(987654L, pg.id(), maria.id()), false, progress::add);

        assertThat(batch.plans()).extracting(ChangePlan::instanceId).containsExactly(pg.id());
        assertThat(batch.failures()).extracting(PlanBatch.Failure::instanceName).containsExactly("#987654", maria.name());
        assertThat(batch.failures().getFirst().reason()).isEqualTo("no such instance");
        assertThat(batch.failures().getLast().reason()).contains("runs MariaDB");
        assertThat(progress).containsExactly(1, 2, 3);
        assertThat(plans.plan(batch.plans().getFirst().id())).contains(batch.plans().getFirst());
    }

    @Test
    void catalogsOfGivesEachKnownInstanceItsVersionsCatalog() {
        Instance pg = postgresWithSettings();

        Map<Long, ParameterCatalog> catalogs = plans.catalogsOf(List.of(pg.id(), 987654L));

        assertThat(catalogs).containsOnlyKeys(pg.id());
        assertThat(catalogs.get(pg.id()).engineVersion().major()).isEqualTo("16");
    }
}
