package io.knobwright.app.ui.recommend;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.HeldTaskRunner;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.simulator.recommend.RecommendationOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Recommendations screen's behaviour without a toolkit: the searches over hand-made answers, plans through the
 * real plan service into an in-memory store, so "created" and "nothing created" are read back from the store.
 */
class RecommendationsViewModelTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("recview-" + UUID.randomUUID(), false);
    private final AppContext context = new AppContext(store, () -> { }, new CatalogRepository(),
            new ConnectorRegistry(List.of()), name -> null);
    private final Instance orders = store.instances().save(Fixtures.instance(0, "pg-orders", Engine.POSTGRESQL, "16",
            Tier.PRODUCTION, Criticality.HIGH, WorkloadKind.OLTP, Map.of()));
    private final Instance quiet = store.instances().save(Fixtures.instance(0, "pg-quiet", Engine.POSTGRESQL, "15",
            Tier.STAGING, Criticality.MEDIUM, WorkloadKind.OLTP, Map.of()));
    private final Instance fresh = store.instances().save(Fixtures.instance(0, "pg-new", Engine.POSTGRESQL, "17",
            Tier.DEVELOPMENT, Criticality.LOW, WorkloadKind.OLAP, Map.of()));
    private final RecommendationSamples.FakeService service = new RecommendationSamples.FakeService();
    /** The view-model a service that presses Cancel reaches. */
    private final RecommendationsViewModel[] holder = new RecommendationsViewModel[1];

    @AfterEach
    void close() {
        context.close();
        store.close();
    }

    private RecommendationsDesk desk(RecommendationsDesk.PlanMaker plans) {
        return new RecommendationsDesk(() -> List.of(orders, quiet, fresh), service, plans, 1);
    }

    private RecommendationsDesk desk() {
        return desk(RecommendationsDesk.planMaker(context.plans(), context.fleet()));
    }

    private RecommendationsViewModel ordersAnswered() {
        RecommendationsViewModel vm = new RecommendationsViewModel(Fixtures.inline(), desk());
        vm.show(orders);
        vm.recommend();
        return vm;
    }

    private static RecommendationCard card(RecommendationsViewModel vm, String parameter) {
        return vm.cards().stream().filter(c -> c.parameter().equals(parameter)).findFirst().orElseThrow();
    }

    @Test
    void anInstancesAnswerShowsOneCardPerRecommendationWithTheOptionsItWasAskedWith() {
        RecommendationsViewModel vm = new RecommendationsViewModel(Fixtures.inline(), desk());
        vm.show(orders);
        vm.allowDurabilityTradeProperty().set(true);

        vm.recommend();

        assertThat(service.asked).containsExactly(new RecommendationOptions(false, true));
        assertThat(vm.cards()).extracting(RecommendationCard::parameter)
                .containsExactly("shared_buffers", "work_mem", "max_wal_size", "synchronous_commit");
        assertThat(vm.shownProperty().get().name()).isEqualTo("pg-orders");
        assertThat(vm.fleet()).hasSize(1);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.acceptedCountProperty().get()).isZero();
        assertThat(vm.canCreatePlan().get()).as("nothing accepted yet").isFalse();
    }

    @Test
    void acceptingASubsetMakesAStoredDraftPlanWithExactlyThoseChanges() {
        RecommendationsViewModel vm = ordersAnswered();

        card(vm, "max_wal_size").acceptedProperty().set(true);
        assertThat(vm.acceptedCountProperty().get()).isEqualTo(1);
        vm.createPlan();

        ChangePlan created = vm.createdProperty().get();
        assertThat(created).isNotNull();
        ChangePlan stored = context.plans().plan(created.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(PlanState.DRAFT);
        assertThat(stored.instanceName()).isEqualTo("pg-orders");
        assertThat(stored.template()).isEqualTo("recommendations");
        assertThat(stored.changes()).singleElement().satisfies(c -> {
            assertThat(c.parameter()).isEqualTo("max_wal_size");
            assertThat(c.from()).isEqualTo("1GB");
            assertThat(c.to()).isEqualTo("4GB");
            assertThat(c.applyMode()).isEqualTo(ApplyMode.RELOAD);
            assertThat(c.note()).startsWith("Most checkpoints are forced");
        });
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("Created draft plan #" + created.id())
                .contains("pg-orders").contains("1 change (max_wal_size)");
    }

    @Test
    void acceptingAChangeThatNeedsRoomAcceptsItsPartnerAndSaysWhy() {
        RecommendationsViewModel vm = ordersAnswered();

        card(vm, "shared_buffers").acceptedProperty().set(true);

        assertThat(card(vm, "work_mem").acceptedProperty().get()).as("the MAKES_ROOM partner").isTrue();
        assertThat(card(vm, "max_wal_size").acceptedProperty().get()).isFalse();
        assertThat(vm.acceptedCountProperty().get()).isEqualTo(2);
        assertThat(vm.partnerNoteProperty().get()).startsWith("work_mem was accepted too")
                .contains("not for shared_buffers alone");
        assertThat(card(vm, "work_mem").noteProperty().get()).contains("frees the memory");

        // the partner cannot be left out while the change it makes room for is accepted
        card(vm, "work_mem").acceptedProperty().set(false);
        assertThat(card(vm, "work_mem").acceptedProperty().get()).isTrue();
        assertThat(vm.partnerNoteProperty().get()).startsWith("work_mem stays accepted");

        vm.createPlan();
        assertThat(RecommendationSamples.toValues(context.plans().plan(vm.createdProperty().get().id()).orElseThrow()
                .changes())).containsExactly(Map.entry("shared_buffers", "4GB"), Map.entry("work_mem", "16MB"));
    }

    @Test
    void aSupportingChangeAloneStaysAloneAndNoneClearsEverything() {
        RecommendationsViewModel vm = ordersAnswered();

        card(vm, "work_mem").acceptedProperty().set(true);
        assertThat(vm.acceptedCountProperty().get()).isEqualTo(1);
        card(vm, "work_mem").acceptedProperty().set(false);
        assertThat(vm.acceptedCountProperty().get()).as("nothing else accepted: it may go").isZero();

        vm.acceptAll();
        assertThat(vm.acceptedCountProperty().get()).isEqualTo(3);
        vm.acceptNone();
        assertThat(vm.cards()).noneMatch(c -> c.acceptedProperty().get());
    }

    @Test
    void aFailedPlanSaysSoAndLeavesNothingInTheStore() {
        RecommendationsViewModel vm = new RecommendationsViewModel(Fixtures.inline(), desk((instance, set, chosen) -> {
            throw UserError.input("The store is read-only.");
        }));
        vm.show(orders);
        vm.recommend();
        vm.acceptAll();

        vm.createPlan();

        assertThat(vm.createdProperty().get()).isNull();
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("The store is read-only.").endsWith("No plan was created.");
        assertThat(context.plans().plans()).isEmpty();
        assertThat(vm.canCreatePlan().get()).as("the user may try again").isTrue();
    }

    @Test
    void anInstanceRemovedBeforeThePlanIsMadeGetsNoHalfPlan() {
        RecommendationsViewModel vm = ordersAnswered();
        vm.acceptAll();
        store.instances().delete(orders.id());

        vm.createPlan();

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("no longer in the fleet").endsWith("No plan was created.");
        assertThat(context.plans().plans()).isEmpty();
    }

    @Test
    void theFleetRunShowsProgressThenEveryInstanceWithItsChangesGainOrFailure() {
        HeldTaskRunner held = new HeldTaskRunner();
        RecommendationsViewModel vm = new RecommendationsViewModel(
                new BackgroundWork(held, Runnable::run, (action, details) -> { }, Fixtures.noWait()), desk());
        List<Double> fractions = new ArrayList<>();
        vm.progressProperty().subscribe(f -> fractions.add(f.doubleValue()));

        vm.recommendFleet();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.progressTextProperty().get()).isEqualTo("Reading the fleet…");
        assertThat(vm.canCreatePlan().get()).isFalse();
        held.completeAll();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(fractions).contains(0.0, 1.0 / 3, 2.0 / 3, 1.0);
        assertThat(vm.fleet()).extracting(FleetRow::name).containsExactly("pg-orders", "pg-quiet", "pg-new");
        assertThat(vm.fleet()).extracting(FleetRow::changes).containsExactly(3, 0, 0);
        assertThat(vm.fleet().get(0).gainText()).isEqualTo("+24% (80%: +13% to +35%)");
        assertThat(vm.fleet().get(1).gainText()).isEqualTo("no change");
        assertThat(vm.fleet().get(1).status()).startsWith("The workload is served from memory");
        assertThat(vm.fleet().get(2).failed()).isTrue();
        assertThat(vm.fleet().get(2).status()).startsWith("No workload measured for pg-new");
        assertThat(vm.messageProperty().get()).isEqualTo("2 of 3 instances answered; 1 could not be (the table says why).");
        assertThat(vm.shownProperty().get().name()).as("the first answer with changes shows").isEqualTo("pg-orders");

        vm.select(vm.fleet().get(2));
        assertThat(vm.cards()).isEmpty();
        vm.select(vm.fleet().get(1));
        assertThat(vm.cards()).isEmpty();
        assertThat(vm.shownProperty().get().outcome().set().noChange()).isTrue();
    }

    @Test
    void aFleetRunStoppedByCancelKeepsTheInstancesAnsweredBeforeIt() {
        RecommendationsDesk cancelling = new RecommendationsDesk(() -> List.of(orders, quiet, fresh),
                new io.knobwright.app.recommend.RecommendationService() {
                    @Override
                    public Outcome recommend(Instance instance, RecommendationOptions options) {
                        Outcome outcome = service.recommend(instance, options);
                        holder[0].cancel();   // the user presses Cancel while the first instance is searched
                        return outcome;
                    }
                }, RecommendationsDesk.none().plans(), 1);
        RecommendationsViewModel vm = new RecommendationsViewModel(Fixtures.inline(), cancelling);
        holder[0] = vm;

        vm.recommendFleet();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.fleet()).extracting(FleetRow::name).containsExactly("pg-orders");
        assertThat(vm.messageProperty().get()).isEqualTo("Stopped: 1 of 3 instances answered.");
    }

    @Test
    void recommendingWithoutAnInstanceSaysToChooseOne() {
        RecommendationsViewModel vm = new RecommendationsViewModel(Fixtures.inline(), desk());

        vm.recommend();

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Choose an instance first.");
        assertThat(service.asked).isEmpty();
    }
}
