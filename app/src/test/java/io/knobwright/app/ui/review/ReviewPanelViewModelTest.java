package io.knobwright.app.ui.review;

import io.knobwright.app.AppContext;
import io.knobwright.app.governance.PlanReview;
import io.knobwright.app.ui.GovernedDemo;
import io.knobwright.app.ui.ManualTimer;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.approval.LevelProgress;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reviewer's panel without a toolkit, on a real store in a temporary directory with the governed demo fleet. */
class ReviewPanelViewModelTest {

    @TempDir
    Path dir;

    private GovernedDemo demo;
    private final ManualTimer timer = new ManualTimer();
    private final List<String> bugs = new ArrayList<>();

    @BeforeEach
    void setUp() {
        demo = GovernedDemo.on(KnobwrightStore.open(dir.resolve("store")));
    }

    @AfterEach
    void tearDown() {
        demo.close();
    }

    private ReviewPanelViewModel panel(String user) {
        AppContext context = demo.as(user);
        BackgroundWork work = new BackgroundWork(TaskRunner.inline(), Runnable::run, (action, details) -> bugs.add(details), timer);
        ReviewPanelViewModel vm = new ReviewPanelViewModel(context.governance(), context.plans(), work, user, Clock.systemUTC(),
                ZoneOffset.UTC);
        vm.refresh();
        return vm;
    }

    private ReviewRow row(ReviewPanelViewModel vm, long planId) {
        return vm.rows().stream().filter(r -> r.planId() == planId).findFirst().orElseThrow();
    }

    private PlanReview stored(long planId) {
        return demo.as("carol").governance().review(planId);
    }

    /** A submitted plan outside production: its fallback rule needs one reviewer. */
    private ChangePlan oneReviewerPlan() {
        return demo.submitted.stream().filter(p -> stored(p.id()).submission().orElseThrow().chain().levels().size() == 1)
                .findFirst().orElseThrow();
    }

    @Test
    void anAttachedPredictionShowsWithItsIntervalsWarningsModelAndAccuracy() {
        long planId = demo.halfApproved.id();
        demo.store().planSimulations().attach(io.knobwright.app.testing.SamplePlanSimulations.slowerWithWarning(planId,
                java.time.Instant.parse("2026-12-06T09:00:00Z")));
        ReviewPanelViewModel vm = panel("bob");
        vm.select(row(vm, planId));

        assertThat(vm.selectedProperty().get().detail().prediction()).isEqualTo(
                "Throughput 700 tps [580–800] with the plan, 1,000 tps [830–1,200] now (-30%, intervals apart).\n"
                + "p95 latency 14.3 ms [12.5–17.2] with the plan, 10.0 ms [8.3–12.0] now (+43%, intervals apart).\n"
                + "Warning: 8% chance of running out of memory\n"
                + "Model built-in 1.0; held-out accuracy: throughput error 8% (MAPE) over 12 held-out runs.\n"
                + "Why: queueing (MVA): in-memory sorts lose cache locality\n"
                + "Attached by alice 2026-12-06 09:00.");
    }

    @Test
    void theBadgeCountsThePlansAwaitingMyDecisionAndNeverMyOwn() {
        assertThat(panel("bob").awaitingCountProperty().get()).isEqualTo(demo.submitted.size());
        // Erin already approved one production plan: one person decides once.
        assertThat(panel("erin").awaitingCountProperty().get()).isEqualTo(demo.submitted.size() - 1);
        assertThat(panel("alice").awaitingCountProperty().get()).isZero();
        ReviewPanelViewModel carol = panel("carol");
        assertThat(carol.awaitingCountProperty().get()).as("level 1 needs reviewers, carol is an admin").isZero();
        assertThat(carol.rows()).isEmpty();
    }

    @Test
    void theSelectedPlanShowsItsRiskReasonsLocksChangesAndWhereItsApprovalChainStands() {
        ReviewPanelViewModel vm = panel("bob");
        assertThat(vm.selectedProperty().get()).as("the first plan is selected at once").isNotNull();

        vm.select(row(vm, demo.halfApproved.id()));

        ReviewDetail detail = vm.selectedProperty().get().detail();
        PlanReview review = stored(demo.halfApproved.id());
        assertThat(detail.title()).isEqualTo("Plan #" + demo.halfApproved.id() + " · " + demo.halfApproved.instanceName());
        assertThat(detail.review().risk()).isEqualTo(review.risk());
        assertThat(detail.review().risk().reasons()).isNotEmpty()
                .anySatisfy(r -> assertThat(r.text()).contains("production tier"));
        assertThat(detail.locks()).hasSameSizeAs(review.locks());
        assertThat(detail.prediction()).isEqualTo(ReviewDetail.NO_PREDICTION);
        assertThat(detail.rule()).isEqualTo("production: 2 reviewer, then 1 admin");
        assertThat(detail.steps()).hasSize(2);
        assertThat(detail.steps().get(0).state()).isEqualTo(LevelProgress.State.PENDING);
        assertThat(detail.steps().get(0).detail()).startsWith("1 of 2 approvals (erin ");
        assertThat(detail.steps().get(1).state()).isEqualTo(LevelProgress.State.WAITING);
        assertThat(detail.chainNote()).contains("escalates to admin", "expires ");
        assertThat(detail.comments()).extracting(CommentLine::who)
                .containsExactly("alice (submitted)", "erin (approved level 1)");
        assertThat(detail.changes()).hasSize(demo.halfApproved.changes().size())
                .anySatisfy(c -> assertThat(c.restartNeeded()).isTrue());
        ReviewRow selected = vm.selectedProperty().get();
        assertThat(selected.line()).startsWith("by alice · CHG00").endsWith("just now");
    }

    @Test
    void approvingStoresTheDecisionAndMovesOnToTheNextPlan() {
        ReviewPanelViewModel vm = panel("bob");
        ChangePlan plan = oneReviewerPlan();
        vm.select(row(vm, plan.id()));
        vm.commentProperty().set("Looks right for staging.");
        assertThat(vm.canApprove().get()).isTrue();

        vm.approve();

        assertThat(stored(plan.id()).plan().state()).isEqualTo(PlanState.APPROVED);
        assertThat(stored(plan.id()).decisions()).singleElement().satisfies(d -> {
            assertThat(d.actor()).isEqualTo("bob");
            assertThat(d.verdict()).isEqualTo(Verdict.APPROVE);
            assertThat(d.comment()).isEqualTo("Looks right for staging.");
        });
        assertThat(vm.messageProperty().get()).isEqualTo("You approved plan #" + plan.id() + " for " + plan.instanceName()
                + "; it is now approved.");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(vm.awaitingCountProperty().get()).isEqualTo(demo.submitted.size() - 1);
        assertThat(vm.rows()).noneMatch(r -> r.planId() == plan.id());
        assertThat(vm.selectedProperty().get()).as("the next plan is ready to read").isNotNull();
        assertThat(vm.commentProperty().get()).isEmpty();
    }

    @Test
    void rejectingNeedsACommentAndStoresIt() {
        ReviewPanelViewModel vm = panel("bob");
        ChangePlan plan = oneReviewerPlan();
        vm.select(row(vm, plan.id()));
        assertThat(vm.canReject().get()).isFalse();

        vm.reject();

        assertThat(vm.messageProperty().get()).isEqualTo(ReviewPanelViewModel.REJECT_NEEDS_COMMENT);
        assertThat(stored(plan.id()).plan().state()).isEqualTo(PlanState.SUBMITTED);

        vm.commentProperty().set("  ");
        assertThat(vm.canReject().get()).as("blanks are no reason").isFalse();
        vm.commentProperty().set("random_page_cost 1.1 assumes SSDs; this host has disks.");
        assertThat(vm.canReject().get()).isTrue();
        vm.reject();

        assertThat(stored(plan.id()).plan().state()).isEqualTo(PlanState.REJECTED);
        assertThat(stored(plan.id()).decisions()).singleElement()
                .satisfies(d -> assertThat(d.comment()).isEqualTo("random_page_cost 1.1 assumes SSDs; this host has disks."));
    }

    @Test
    void approvingOnesOwnPlanShowsTheRefusalAndStoresNothing() {
        ReviewPanelViewModel vm = panel("alice");
        ChangePlan own = demo.submitted.getFirst();

        vm.open(own.id());

        assertThat(vm.shownProperty().get()).isTrue();
        assertThat(vm.selectedProperty().get().planId()).isEqualTo(own.id());
        assertThat(vm.selectedProperty().get().awaitingMe()).isFalse();
        assertThat(vm.awaitingCountProperty().get()).isZero();
        vm.approve();

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Approve plan #" + own.id() + " failed: alice wrote this plan and may"
                + " not decide on it: separation of duties needs another reviewer.");
        assertThat(stored(own.id()).decisions()).isEmpty();
        assertThat(vm.selectedProperty().get().planId()).as("the plan stays open after the refusal").isEqualTo(own.id());
        assertThat(bugs).isEmpty();
    }

    @Test
    void someoneWithoutTheLevelsRoleIsToldWhichRoleItNeeds() {
        ReviewPanelViewModel vm = panel("carol");
        vm.open(demo.halfApproved.id());

        vm.approve();

        assertThat(vm.messageProperty().get()).startsWith("Approve plan #" + demo.halfApproved.id()
                + " failed: carol may not decide level 1: it needs a reviewer");
        assertThat(stored(demo.halfApproved.id()).decisions()).hasSize(1);
    }

    @Test
    void breakGlassReviewsAreListedForReviewersAndClosedWithAComment() {
        ReviewPanelViewModel vm = panel("bob");
        BreakGlassViewModel reviews = vm.breakGlass();
        assertThat(reviews.items()).singleElement().satisfies(r -> {
            assertThat(r.item().planId()).isEqualTo(demo.bypassed.id());
            assertThat(r.title()).isEqualTo("Plan #" + demo.bypassed.id() + " · " + demo.bypassed.instanceName());
            assertThat(r.line()).startsWith("bypassed by dave, ");
        });
        reviews.select(reviews.items().getFirst());
        assertThat(reviews.canClose().get()).isFalse();

        reviews.commentProperty().set("Checked the pool sizes afterwards; the raise was right.");
        reviews.close();

        assertThat(demo.as("bob").governance().openReviews()).isEmpty();
        assertThat(stored(demo.bypassed.id()).reviews()).singleElement().satisfies(item -> {
            assertThat(item.closedBy()).isEqualTo("bob");
            assertThat(item.closeComment()).isEqualTo("Checked the pool sizes afterwards; the raise was right.");
        });
        assertThat(reviews.items()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("You closed the break-glass review of plan #" + demo.bypassed.id() + ".");
    }

    @Test
    void theOperatorWhoBrokeTheGlassCannotCloseItsReview() {
        ReviewPanelViewModel vm = panel("dave");
        BreakGlassViewModel reviews = vm.breakGlass();
        reviews.select(reviews.items().getFirst());
        reviews.commentProperty().set("All fine.");

        reviews.close();

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("dave may not close a break-glass review: it needs the reviewer role");
        assertThat(demo.as("bob").governance().openReviews()).hasSize(1);
    }

    @Test
    void pollingReadsAgainEveryTwoSecondsUntilStopped() {
        ReviewPanelViewModel vm = panel("bob");
        vm.startPolling();
        int before = vm.awaitingCountProperty().get();
        ChangePlan plan = oneReviewerPlan();

        demo.as("erin").governance().approve("erin", plan.id(), "fine");
        assertThat(vm.awaitingCountProperty().get()).as("not read yet").isEqualTo(before);
        timer.advance(Duration.ofSeconds(2));
        assertThat(vm.awaitingCountProperty().get()).isEqualTo(before - 1);

        vm.stopPolling();
        assertThat(timer.waiting()).isZero();
        ChangePlan another = demo.submitted.stream().filter(p -> p.id() != plan.id() && p.id() != demo.halfApproved.id())
                .findFirst().orElseThrow();
        demo.as("erin").governance().reject("erin", another.id(), "not now");
        assertThat(stored(another.id()).plan().state()).isEqualTo(PlanState.REJECTED);
        timer.advance(Duration.ofSeconds(10));
        assertThat(vm.awaitingCountProperty().get()).isEqualTo(before - 1);
    }

    @Test
    void aReadThatFailsSaysWhyOnTheMessageLineWithoutABugWindow() {
        ReviewPanelViewModel vm = panel("zoe");

        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith(ReviewPanelViewModel.CHECK + " failed: No user 'zoe' in this store")
                .contains("--as NAME");
        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(bugs).isEmpty();
    }
}
