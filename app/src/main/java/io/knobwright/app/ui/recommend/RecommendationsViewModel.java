package io.knobwright.app.ui.recommend;

import io.knobwright.app.recommend.AcceptedRecommendations;
import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.app.task.ProgressRun;
import io.knobwright.app.task.ProgressTask;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The Recommendations screen (issue #14, decision 0151): one instance's recommendations as cards, or the fleet's as a
 * table whose selected row shows its cards. The search runs off the FX thread with progress; accepted cards become one
 * draft change plan, with the supporting changes they need (decision 0149's partners) accepted alongside.
 */
public final class RecommendationsViewModel {

    private final BackgroundWork work;
    private final RecommendationsDesk desk;

    private final ObservableList<Instance> instances = FXCollections.observableArrayList();
    private final ObjectProperty<Instance> instance = new SimpleObjectProperty<>(this, "instance");
    private final BooleanProperty allowRestart = new SimpleBooleanProperty(this, "allowRestart");
    private final BooleanProperty allowDurabilityTrade = new SimpleBooleanProperty(this, "allowDurabilityTrade");

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");

    private final ObservableList<FleetRow> fleet = FXCollections.observableArrayList();
    /** One read-only wrapper for the view-model's life: a new one per call would hold its listener weakly. */
    private final ObservableList<FleetRow> fleetView = FXCollections.unmodifiableObservableList(fleet);
    private final ReadOnlyObjectWrapper<FleetRow> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ObservableList<RecommendationCard> cards = FXCollections.observableArrayList();
    private final ObservableList<RecommendationCard> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyIntegerWrapper acceptedCount = new ReadOnlyIntegerWrapper(this, "acceptedCount");
    private final ReadOnlyStringWrapper partnerNote = new ReadOnlyStringWrapper(this, "partnerNote", "");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    private final ReadOnlyObjectWrapper<ChangePlan> created = new ReadOnlyObjectWrapper<>(this, "created");
    private final BooleanBinding canCreatePlan;

    private ProgressRun<?> run;
    /** Cancel pressed during the current run (also before its ProgressRun exists: an inline runner runs it at once). */
    private volatile boolean stopRequested;
    /** Which run's answers are current: an answer for an older run is dropped. */
    private int generation;
    /** Set while the partner rule itself checks cards, so its own changes do not trigger it again. */
    private boolean applyingPartners;
    private LongConsumer onOpenPlan = id -> { };

    public RecommendationsViewModel(BackgroundWork work, RecommendationsDesk desk) {
        this.work = Objects.requireNonNull(work, "work");
        this.desk = Objects.requireNonNull(desk, "desk");
        canCreatePlan = Bindings.createBooleanBinding(() -> acceptedCount.get() > 0 && !creating.get() && !running.get(),
                acceptedCount, creating, running);
    }

    // ---- instances ------------------------------------------------------------------------------------------------

    /** Reads the fleet's instances for the picker (off the FX thread); the chosen one stays when still there. */
    public void refresh() {
        work.io("Read the fleet", desk.instances(), list -> {
            Instance chosen = instance.get();
            instances.setAll(list);
            if (chosen != null) {
                instance.set(list.stream().filter(i -> i.id() == chosen.id()).findFirst().orElse(null));
            }
        }, this::fail);
    }

    /** The fleet's selection: the picker follows it unless a run is going on. */
    public void show(Instance selected) {
        if (selected != null && !running.get()) {
            instance.set(selected);
        }
    }

    // ---- searching ------------------------------------------------------------------------------------------------

    public RecommendationOptions options() {
        return new RecommendationOptions(allowRestart.get(), allowDurabilityTrade.get());
    }

    /** Searches the chosen instance's settings, off the FX thread; its cards show when it is done. */
    public void recommend() {
        Instance target = instance.get();
        if (target == null) {
            fail("Choose an instance first.");
            return;
        }
        RecommendationOptions options = options();
        start("Searching the settings of " + target.name() + "…", progress -> {
            progress.report(-1, "Searching the settings of " + target.name() + "…");
            return List.of(one(target, options));
        }, rows -> {
            List<FleetRow> merged = new ArrayList<>(fleet);
            merged.removeIf(r -> r.instance().id() == target.id());
            merged.addFirst(rows.getFirst());
            fleet.setAll(merged);
            select(rows.getFirst());
            message(false, "");
        });
    }

    /** Searches every instance of the fleet on a bounded pool, with progress; the table fills when it is done. */
    public void recommendFleet() {
        RecommendationOptions options = options();
        int threads = desk.threads();
        start("Reading the fleet…", progress -> {
            List<Instance> all = desk.instances().get();
            return fleetRun(all, options, threads, progress);
        }, rows -> {
            fleet.setAll(rows);
            long answered = rows.stream().filter(r -> !r.failed()).count();
            long failed = rows.size() - answered;
            select(rows.stream().filter(r -> r.changes() > 0).findFirst().orElse(rows.isEmpty() ? null : rows.getFirst()));
            message(false, rows.isEmpty() ? "The fleet has no instances to recommend for." : answered + " of "
                    + rows.size() + " instances answered" + (failed == 0 ? "." : "; " + failed
                    + " could not be (the table says why)."));
        });
    }

    private List<FleetRow> fleetRun(List<Instance> all, RecommendationOptions options, int threads,
                                    ProgressTask.Progress progress) {
        int total = all.size();
        AtomicInteger done = new AtomicInteger();
        progress.report(total == 0 ? 1 : 0, "0 of " + total + " instances");
        List<Future<FleetRow>> futures = new ArrayList<>(total);
        // the search is CPU work (0.1-0.5 s each): more threads than cores would only queue
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, total)))) {
            for (Instance i : all) {
                futures.add(pool.submit(() -> {
                    if (stopped(progress)) {
                        return null;
                    }
                    FleetRow row = one(i, options);
                    int n = done.incrementAndGet();
                    progress.report((double) n / total, n + " of " + total + " instances · " + i.name());
                    return row;
                }));
            }
        }
        List<FleetRow> rows = new ArrayList<>(total);
        for (Future<FleetRow> f : futures) {
            try {
                FleetRow row = f.get();
                if (row != null) {
                    rows.add(row);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());   // one() catches what a user can cause
            }
        }
        if (stopped(progress)) {
            throw new StoppedEarly(rows, total);
        }
        return rows;
    }

    private boolean stopped(ProgressTask.Progress progress) {
        return stopRequested || progress.cancelled();
    }

    /** A fleet run stopped by Cancel: the instances answered before it still show. */
    private static final class StoppedEarly extends CancellationException {
        private final transient List<FleetRow> rows;
        private final int total;

        StoppedEarly(List<FleetRow> rows, int total) {
            super("stopped");
            this.rows = List.copyOf(rows);
            this.total = total;
        }
    }

    /** One instance's answer; what a user can fix (no settings read, nothing measured) becomes the row's failure. */
    private FleetRow one(Instance target, RecommendationOptions options) {
        try {
            RecommendationService.Outcome outcome = desk.recommendations().recommend(target, options);
            return new FleetRow(target, outcome, "");
        } catch (RuntimeException e) {
            Optional<UserError> user = UserError.of(e);
            if (user.isPresent()) {
                return new FleetRow(target, null, user.get().getMessage());
            }
            return new FleetRow(target, null, work.failed("Recommend for " + target.name(), e));
        }
    }

    private void start(String what, ProgressTask<List<FleetRow>> task, java.util.function.Consumer<List<FleetRow>> done) {
        if (running.get()) {
            return;
        }
        int mine = ++generation;
        stopRequested = false;
        running.set(true);
        progress.set(-1);
        progressText.set(what);
        message(false, "");
        ProgressRun<List<FleetRow>> started = ProgressRun.start(work.tasks(), task, work::later, update -> {
            if (mine == generation) {
                progress.set(update.fraction());
                progressText.set(update.message());
            }
        });
        run = started;
        started.result().whenComplete((rows, error) -> work.later(() -> {
            if (mine != generation) {
                return;
            }
            running.set(false);
            progressText.set("");
            run = null;
            if (error == null) {
                done.accept(rows);
            } else if (unwrap(error) instanceof StoppedEarly stopped) {
                fleet.setAll(stopped.rows);
                select(stopped.rows.isEmpty() ? null : stopped.rows.getFirst());
                message(false, "Stopped: " + stopped.rows.size() + " of " + stopped.total + " instances answered.");
            } else if (unwrap(error) instanceof CancellationException) {
                message(false, "Stopped.");
            } else {
                fail(work.failed("Recommend", error));
            }
        }));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Asks a fleet run to stop after the instances being searched; those answered show. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        stopRequested = true;
        if (run != null) {
            run.cancel();
        }
        progressText.set("Stopping after the instances being searched…");
    }

    // ---- cards ----------------------------------------------------------------------------------------------------

    /** Shows a row's cards (none for "no change" and for a failure, whose text then says why). */
    public void select(FleetRow row) {
        shown.set(row);
        created.set(null);
        partnerNote.set("");
        List<RecommendationCard> made = row == null || row.outcome() == null ? List.of()
                : row.outcome().set().recommendations().stream().map(RecommendationCard::new).toList();
        made.forEach(c -> c.acceptedProperty().addListener((obs, was, now) -> cardToggled(c, now)));
        cards.setAll(made);
        countAccepted();
    }

    /**
     * The partner rule (decision 0151): accepting a change accepts the supporting changes it needs
     * ({@link AcceptedRecommendations#needs}); unchecking one while a change that needs it is accepted is refused, with why.
     */
    private void cardToggled(RecommendationCard card, boolean accepted) {
        if (applyingPartners) {
            return;
        }
        applyingPartners = true;
        try {
            if (accepted && !card.supporting()) {
                List<String> added = new ArrayList<>();
                for (RecommendationCard partner : cards) {
                    if (!partner.acceptedProperty().get()
                            && AcceptedRecommendations.needs(card.recommendation(), partner.recommendation())) {
                        partner.acceptedProperty().set(true);
                        partner.note("Accepted with the others: " + AcceptedRecommendations.role(partner.recommendation()) + ".");
                        added.add(partner.parameter());
                    }
                }
                if (!added.isEmpty()) {
                    partnerNote.set(String.join(", ", added) + (added.size() == 1 ? " was" : " were")
                            + " accepted too: the memory budget and the guards hold for the changes together, not"
                            + " for " + card.parameter() + " alone.");
                }
            } else if (!accepted && card.supporting()) {
                List<String> needing = cards.stream().filter(c -> c.acceptedProperty().get()
                        && AcceptedRecommendations.needs(c.recommendation(), card.recommendation()))
                        .map(RecommendationCard::parameter).toList();
                if (!needing.isEmpty()) {
                    card.acceptedProperty().set(true);
                    partnerNote.set(card.parameter() + " stays accepted: " + AcceptedRecommendations.role(card.recommendation())
                            + ". Uncheck " + String.join(" and ", needing) + " first to leave it out.");
                } else {
                    card.note("");
                }
            }
        } finally {
            applyingPartners = false;
        }
        countAccepted();
    }

    private void countAccepted() {
        acceptedCount.set((int) cards.stream().filter(c -> c.acceptedProperty().get()).count());
    }

    /** Accepts every card (a set's changes together keep every constraint). */
    public void acceptAll() {
        applyingPartners = true;
        try {
            cards.forEach(c -> c.acceptedProperty().set(true));
        } finally {
            applyingPartners = false;
        }
        partnerNote.set("");
        countAccepted();
    }

    /** Unchecks every card. */
    public void acceptNone() {
        applyingPartners = true;
        try {
            cards.forEach(c -> {
                c.acceptedProperty().set(false);
                c.note("");
            });
        } finally {
            applyingPartners = false;
        }
        partnerNote.set("");
        countAccepted();
    }

    // ---- plan -----------------------------------------------------------------------------------------------------

    /**
     * Stores one draft change plan of the accepted cards (with their partners, should a caller have left one out),
     * off the FX thread. On failure nothing is stored and the message says why.
     */
    public void createPlan() {
        FleetRow row = shown.get();
        if (row == null || row.outcome() == null || acceptedCount.get() == 0 || creating.get()) {
            return;
        }
        RecommendationSet set = row.outcome().set();
        List<String> accepted = cards.stream().filter(c -> c.acceptedProperty().get()).map(RecommendationCard::parameter)
                .toList();
        AcceptedRecommendations.Selection selection = AcceptedRecommendations.of(set, accepted);
        creating.set(true);
        message(false, "");
        work.io("Create a change plan from the accepted recommendations",
                () -> desk.plans().create(row.instance(), set, selection.changes()), plan -> {
                    creating.set(false);
                    created.set(plan);
                    message(false, "Created draft plan #" + plan.id() + " for " + plan.instanceName() + " with "
                            + plan.changes().size() + (plan.changes().size() == 1 ? " change" : " changes") + " ("
                            + String.join(", ", plan.changes().stream().map(c -> c.parameter()).toList())
                            + "). Submit it for review on the Plans screen; it is governed like any other plan.");
                }, text -> {
                    creating.set(false);
                    fail(text + " No plan was created.");
                });
    }

    /** Opens the plan just created on the Plans screen (the workbench says how). */
    public void openCreatedPlan() {
        if (created.get() != null) {
            onOpenPlan.accept(created.get().id());
        }
    }

    public void onOpenPlan(LongConsumer action) {
        this.onOpenPlan = Objects.requireNonNull(action, "action");
    }

    // ---- messages -------------------------------------------------------------------------------------------------

    private void fail(String text) {
        message(true, text);
    }

    private void message(boolean error, String text) {
        messageIsError.set(error);
        message.set(text);
    }

    public void dismissMessage() {
        message.set("");
    }

    // ---- properties -----------------------------------------------------------------------------------------------

    public ObservableList<Instance> instances() {
        return instances;
    }

    public ObjectProperty<Instance> instanceProperty() {
        return instance;
    }

    public BooleanProperty allowRestartProperty() {
        return allowRestart;
    }

    public BooleanProperty allowDurabilityTradeProperty() {
        return allowDurabilityTrade;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, negative while the end is unknown (one instance's search). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ObservableList<FleetRow> fleet() {
        return fleetView;
    }

    /** The row whose cards show. */
    public ReadOnlyObjectProperty<FleetRow> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObservableList<RecommendationCard> cards() {
        return cardsView;
    }

    public ReadOnlyIntegerProperty acceptedCountProperty() {
        return acceptedCount.getReadOnlyProperty();
    }

    /** What the partner rule did last, in words. */
    public ReadOnlyStringProperty partnerNoteProperty() {
        return partnerNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** The plan made from the accepted cards; null until one is. */
    public ReadOnlyObjectProperty<ChangePlan> createdProperty() {
        return created.getReadOnlyProperty();
    }

    public BooleanBinding canCreatePlan() {
        return canCreatePlan;
    }
}
