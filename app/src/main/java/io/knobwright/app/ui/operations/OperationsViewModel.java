package io.knobwright.app.ui.operations;

import io.knobwright.app.override.Restoration;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.UserMessages;
import io.knobwright.model.override.EmergencyOverride;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Operations screen: live overrides with their countdowns, failing restorations, plans being applied, instances
 * waiting for a restart, recent incidents; and extending, restoring or cancelling an override. The state is read
 * off the FX thread every {@link #POLL} while the screen shows (so changes made by the CLI or another workbench
 * appear) and at once when this process's restoration scheduler acts; countdowns are recomputed from the deadlines
 * on each {@link #tick()} (the view ticks every second).
 */
public final class OperationsViewModel {

    public static final Duration POLL = Duration.ofSeconds(2);
    public static final Duration EXTEND_BY = Duration.ofMinutes(30);
    static final String READ = "Read the operations dashboard";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final System.Logger LOG = System.getLogger(OperationsViewModel.class.getName());

    private final OperationsDesk desk;
    private final BackgroundWork work;
    private final OperationsDialogs dialogs;
    private final Clock clock;
    private final ZoneId zone;

    private final ObservableList<OverrideLine> active = FXCollections.observableArrayList();
    private final ObservableList<OverrideLine> alarms = FXCollections.observableArrayList();
    private final ObservableList<PlanLine> plans = FXCollections.observableArrayList();
    private final ObservableList<PendingRestartRow> restarts = FXCollections.observableArrayList();
    private final ObservableList<IncidentLine> incidents = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper applyingCount = new ReadOnlyIntegerWrapper(this, "applyingCount");
    private final ReadOnlyIntegerWrapper attentionCount = new ReadOnlyIntegerWrapper(this, "attentionCount");
    private final ReadOnlyBooleanWrapper restartsKnown = new ReadOnlyBooleanWrapper(this, "restartsKnown");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Reading…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private boolean refreshing;
    private boolean refreshAgain;
    private boolean showingReadProblem;
    private Subscription poll;

    public OperationsViewModel(OperationsDesk desk, BackgroundWork work, OperationsDialogs dialogs, Clock clock, ZoneId zone) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.work = Objects.requireNonNull(work, "work");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        // A restoration at a deadline shows at once, not at the next poll; nobody looks while the screen is hidden.
        desk.onChange(() -> work.later(() -> {
            if (poll != null) {
                refresh();
            }
        }));
    }

    // ---- reading ----

    /** Reads everything again; a read already running is followed by one more. */
    public void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        work.io(READ, this::read, this::show, problem -> show(new Read(null, problem)));
    }

    private record Read(OperationsState state, String problem) {
    }

    /** Off the FX thread. A failing read is returned, not thrown: every two seconds it must not open a bug window. */
    private Read read() {
        try {
            return new Read(desk.read(), "");
        } catch (RuntimeException e) {
            if (UserMessages.isBug(e)) {
                LOG.log(System.Logger.Level.WARNING, READ + " failed", e);
            } else {
                LOG.log(System.Logger.Level.INFO, READ + " failed: " + e.getMessage());
            }
            return new Read(null, UserMessages.describe(READ, e));
        }
    }

    private void show(Read read) {
        refreshing = false;
        if (read.state() == null) {
            showingReadProblem = true;
            say(read.problem(), true);
        } else {
            if (showingReadProblem) {
                showingReadProblem = false;
                message.set("");
            }
            show(read.state());
        }
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    private void show(OperationsState state) {
        Instant now = clock.instant();
        List<OverrideLine> lines = state.overrides().stream().map(o -> new OverrideLine(o, zone, now)).toList();
        active.setAll(lines);
        alarms.setAll(lines.stream().filter(OverrideLine::alarm).toList());
        // A plan left needing attention asks for a person: it comes before those still running.
        List<PlanLine> planLines = state.plans().stream().map(p -> PlanLine.of(p, zone))
                .sorted(java.util.Comparator.comparing(p -> !p.attention())).toList();
        plans.setAll(planLines);
        applyingCount.set((int) planLines.stream().filter(p -> !p.attention()).count());
        attentionCount.set((int) planLines.stream().filter(PlanLine::attention).count());
        restarts.setAll(state.restarts());
        restartsKnown.set(state.restartsKnown());
        incidents.setAll(state.incidents().stream().map(i -> IncidentLine.of(i, now, zone)).toList());
        status.set("Updated " + TIME.format(now.atZone(zone)) + " · " + (state.scheduler().isEmpty()
                ? "no restoration scheduler runs for this store: open the workbench or run `knobwright daemon`"
                : "restorations run by " + state.scheduler()));
    }

    /** Recomputes every countdown from its deadline and the clock now (the view calls it each second). */
    public void tick() {
        Instant now = clock.instant();
        active.forEach(line -> line.tick(now));
    }

    public void startPolling() {
        if (poll == null) {
            refresh();
            schedulePoll();
        }
    }

    private void schedulePoll() {
        poll = work.after(POLL, () -> {
            if (poll == null) {
                return;
            }
            if (!refreshing) {
                refresh();
            }
            schedulePoll();
        });
    }

    public void stopPolling() {
        if (poll != null) {
            Subscription running = poll;
            poll = null;
            running.unsubscribe();
        }
    }

    // ---- acting on an override ----

    /** Keeps the override {@link #EXTEND_BY} longer, from its current deadline. */
    public void extend(OverrideLine line) {
        EmergencyOverride o = line.override();
        Instant until = o.deadline().plus(EXTEND_BY);
        dialogs.reason("Extend override", "Keep " + line.headline() + " 30 minutes longer? It would restore at "
                        + TIME.format(until.atZone(zone)) + " instead of " + TIME.format(o.deadline().atZone(zone))
                        + ". Why (for the audit trail)?", "Extend 30m")
                .ifPresent(reason -> act("Extend override " + o.id(), () -> desk.extend(o.id(), EXTEND_BY, reason),
                        extended -> say("Override " + o.id() + " (" + line.headline() + ") now restores at "
                                + TIME.format(extended.deadline().atZone(zone)) + ".", false)));
    }

    /** Puts the value back now instead of at the deadline. */
    public void restoreNow(OverrideLine line) {
        EmergencyOverride o = line.override();
        dialogs.reason("Restore now", "Put " + o.parameter() + " on " + o.instanceName() + " back now, instead of at "
                        + TIME.format(o.deadline().atZone(zone)) + "? Why (for the audit trail)?", "Restore now")
                .ifPresent(reason -> act("Restore override " + o.id(), () -> desk.restoreNow(o.id(), reason),
                        (Restoration done) -> say(done.message(), !done.restored())));
    }

    /** Drops the restoration: the override's value stays as the configuration. */
    public void cancel(OverrideLine line) {
        EmergencyOverride o = line.override();
        dialogs.reason("Cancel restoration", "Keep " + o.parameter() + " = " + o.value() + " on " + o.instanceName()
                        + " for good? It will not be restored" + (o.stackedOn() == 0 ? "" : ", and the overrides under it end too")
                        + ". Why (for the audit trail)?", "Keep the value")
                .ifPresent(reason -> act("Cancel override " + o.id(), () -> desk.cancel(o.id(), reason),
                        ended -> say("Override " + o.id() + " cancelled: " + o.parameter() + " on " + o.instanceName()
                                + " keeps " + o.value() + (ended.size() > 1 ? " (" + (ended.size() - 1)
                                + " stacked under it ended too)." : "."), false)));
    }

    private <T> void act(String action, Supplier<T> command, Consumer<T> done) {
        busy.set(true);
        work.io(action, command::get, result -> {
            busy.set(false);
            done.accept(result);
            refresh();
        }, problem -> {
            busy.set(false);
            say(problem, true);
            refresh();
        });
    }

    /** Shows the outcome of an action started elsewhere (the quick override) and reads again. */
    public void reported(String text, boolean error) {
        say(text, error);
        refresh();
    }

    private void say(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
    }

    public void dismissMessage() {
        showingReadProblem = false;
        message.set("");
    }

    // ---- state ----

    /** Every live override, soonest deadline first. */
    public ObservableList<OverrideLine> active() {
        return FXCollections.unmodifiableObservableList(active);
    }

    /** Restorations failing or stopped for a decision. */
    public ObservableList<OverrideLine> alarms() {
        return FXCollections.unmodifiableObservableList(alarms);
    }

    public ObservableList<PlanLine> plans() {
        return FXCollections.unmodifiableObservableList(plans);
    }

    public ObservableList<PendingRestartRow> restarts() {
        return FXCollections.unmodifiableObservableList(restarts);
    }

    public ObservableList<IncidentLine> incidents() {
        return FXCollections.unmodifiableObservableList(incidents);
    }

    public ReadOnlyIntegerProperty applyingCountProperty() {
        return applyingCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty attentionCountProperty() {
        return attentionCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty restartsKnownProperty() {
        return restartsKnown.getReadOnlyProperty();
    }

    /** "Updated 14:02:11 · restorations run by workbench 4242@host". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean polling() {
        return poll != null;
    }

    /** The override line of {@code id}, if it is live. */
    public Optional<OverrideLine> line(long id) {
        return active.stream().filter(l -> l.id() == id).findFirst();
    }
}
