package io.knobwright.app.ui.review;

import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.governance.PlanReview;
import io.knobwright.app.plan.PlanService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.UserMessages;
import io.knobwright.model.approval.ReviewItem;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.plan.ChangePlan;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reviewer's side panel: the plans awaiting my decision (a badge counts them), the selected one's detail,
 * and approving or rejecting it with a comment; the break-glass reviews still open in a second list. The lists
 * are read again every {@link #POLL} (expiry and escalation are swept first, as the CLI does) and right after
 * each of my decisions. Every read and decision runs off the FX thread.
 */
public final class ReviewPanelViewModel {

    public static final Duration POLL = Duration.ofSeconds(2);
    public static final String NOTHING_AWAITS = "Nothing awaits your decision.";
    public static final String LOADING = "Looking for plans awaiting you…";
    public static final String REJECT_NEEDS_COMMENT = "A rejection needs a comment: type why, so the author knows what to change.";
    static final String CHECK = "Check for plans awaiting your decision";

    private static final System.Logger LOG = System.getLogger(ReviewPanelViewModel.class.getName());

    private final GovernanceService governance;
    private final PlanService plans;
    private final BackgroundWork work;
    private final String user;
    private final Clock clock;
    private final ZoneId zone;
    private final BreakGlassViewModel breakGlass;

    private final ObservableList<ReviewRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper awaitingCount = new ReadOnlyIntegerWrapper(this, "awaitingCount");
    private final ReadOnlyObjectWrapper<ReviewRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final ReadOnlyBooleanWrapper deciding = new ReadOnlyBooleanWrapper(this, "deciding");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final BooleanBinding canApprove;
    private final BooleanBinding canReject;

    /** A plan opened from elsewhere (the Plans screen), shown even though it is not awaiting me; -1 for none. */
    private long opened = -1;
    /** A plan to select once the read under way has listed it; -1 for none. */
    private long pendingSelection = -1;
    private boolean refreshing;
    private boolean refreshAgain;
    /** The message line shows a failed read (cleared by the next good one), not the outcome of a decision. */
    private boolean showingReadProblem;
    /** True while fresh rows are put in place: a list view echoing its cleared selection must not count as a choice. */
    private boolean updating;
    private Subscription poll;

    public ReviewPanelViewModel(GovernanceService governance, PlanService plans, BackgroundWork work, String user,
                                Clock clock, ZoneId zone) {
        this.governance = Objects.requireNonNull(governance, "governance");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.work = Objects.requireNonNull(work, "work");
        this.user = Objects.requireNonNull(user, "user");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.breakGlass = new BreakGlassViewModel(governance, work, user, this::show, this::refresh);
        canApprove = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().detail().pending()
                && !deciding.get(), selected, deciding);
        canReject = Bindings.createBooleanBinding(() -> canApprove.get() && comment.get() != null && !comment.get().isBlank(),
                canApprove, comment);
    }

    // ---- reading ----

    /** Reads the plans awaiting me and the open break-glass reviews again; a read already running is followed by one more. */
    public void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        long wanted = opened;
        Instant now = clock.instant();
        work.io(CHECK, () -> read(wanted, now), this::loaded, error -> loaded(Read.failed(error)));
    }

    /** What one read found; {@code problem} is non-empty when it failed. */
    private record Read(List<ReviewRow> rows, List<BreakGlassRow> breakGlass, String problem) {
        static Read failed(String problem) {
            return new Read(List.of(), List.of(), problem);
        }
    }

    /**
     * Runs off the FX thread. A failure is returned rather than thrown: a read that fails every two seconds must
     * say so on the panel's message line, not open a bug window each time; it is logged with its cause.
     */
    private Read read(long wanted, Instant now) {
        try {
            governance.sweep();
            List<PlanReview> mine = governance.awaiting(user);
            List<PlanReview> all = new ArrayList<>(mine);
            PlanReview extra = wanted >= 0 && mine.stream().noneMatch(r -> r.plan().id() == wanted) ? governance.review(wanted) : null;
            if (extra != null) {
                all.addFirst(extra);
            }
            List<ReviewItem> open = governance.openReviews();
            Map<Long, ParameterCatalog> catalogs = all.isEmpty() ? Map.of()
                    : plans.catalogsOf(all.stream().map(r -> r.plan().instanceId()).distinct().toList());
            List<ReviewRow> fresh = new ArrayList<>();
            for (PlanReview review : all) {
                fresh.add(ReviewRow.of(ReviewDetail.of(review, catalogs.get(review.plan().instanceId()), zone), review != extra, now));
            }
            List<BreakGlassRow> items = open.stream().map(item -> new BreakGlassRow(item, plans.plan(item.planId())
                    .map(ChangePlan::instanceName).orElse("plan gone"), LevelStep.time(item.openedAt(), zone))).toList();
            return new Read(fresh, items, "");
        } catch (RuntimeException e) {
            if (UserMessages.isBug(e)) {
                LOG.log(System.Logger.Level.WARNING, CHECK + " failed", e);
            } else {
                LOG.log(System.Logger.Level.INFO, CHECK + " failed: " + e.getMessage());
            }
            return Read.failed(UserMessages.describe(CHECK, e));
        }
    }

    private void loaded(Read read) {
        refreshing = false;
        if (!read.problem().isEmpty()) {
            showingReadProblem = true;
            messageIsError.set(true);
            message.set(read.problem());
        } else {
            if (showingReadProblem) {
                showingReadProblem = false;
                message.set("");
            }
            showRows(read.rows());
            breakGlass.show(read.breakGlass());
            loaded.set(true);
        }
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    /** Puts the fresh rows in place; the selected plan stays selected, or the one in its place when it left. */
    private void showRows(List<ReviewRow> fresh) {
        ReviewRow before = selected.get();
        int index = before == null ? -1 : rows.indexOf(before);
        if (!fresh.equals(rows)) {
            updating = true;
            try {
                rows.setAll(fresh);
            } finally {
                updating = false;
            }
        }
        awaitingCount.set((int) fresh.stream().filter(ReviewRow::awaitingMe).count());
        ReviewRow wanted = pendingSelection >= 0 ? find(pendingSelection) : null;
        if (wanted != null) {
            pendingSelection = -1;
        }
        ReviewRow after = wanted != null ? wanted : before == null ? null : find(before.planId());
        if (after == null && !fresh.isEmpty()) {
            after = fresh.get(Math.clamp(index, 0, fresh.size() - 1));
        }
        selected.set(after);
    }

    private ReviewRow find(long planId) {
        return rows.stream().filter(r -> r.planId() == planId).findFirst().orElse(null);
    }

    /** Reads again every {@link #POLL} until {@link #stopPolling}; the workbench polls while its window shows. */
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

    // ---- choosing ----

    /** Selects a row of the list; a plan opened from elsewhere is let go once another one is chosen. */
    public void select(ReviewRow row) {
        if (updating || row == null || !rows.contains(row)) {
            return;
        }
        if (row.planId() != opened) {
            opened = -1;
        }
        selected.set(row);
    }

    /**
     * Shows the panel on one plan, e.g. from the Plans screen, also when it is not awaiting me (mine, decided,
     * not my role): its detail shows, and deciding on it says why I may not.
     */
    public void open(long planId) {
        shown.set(true);
        ReviewRow row = find(planId);
        if (row != null) {
            selected.set(row);
            if (row.awaitingMe()) {
                return;
            }
        }
        opened = planId;
        pendingSelection = planId;
        refresh();
    }

    // ---- deciding ----

    public void approve() {
        decide(true);
    }

    /** Refused without a comment: the author must learn why. */
    public void reject() {
        if (comment.get() == null || comment.get().isBlank()) {
            show(REJECT_NEEDS_COMMENT, true);
            return;
        }
        decide(false);
    }

    private void decide(boolean approve) {
        ReviewRow row = selected.get();
        if (row == null || deciding.get()) {
            return;
        }
        long id = row.planId();
        String text = comment.get() == null ? "" : comment.get().strip();
        deciding.set(true);
        work.io((approve ? "Approve" : "Reject") + " plan #" + id,
                () -> approve ? governance.approve(user, id, text) : governance.reject(user, id, text), after -> {
                    deciding.set(false);
                    comment.set("");
                    show("You " + (approve ? "approved" : "rejected") + " plan #" + id + " for " + after.plan().instanceName()
                            + "; it is now " + after.progressText() + ".", false);
                    refresh();
                }, error -> {
                    deciding.set(false);
                    show(error, true);
                    refresh();
                });
    }

    private void show(String text, boolean error) {
        showingReadProblem = false;
        messageIsError.set(error);
        message.set(text);
    }

    public void dismissMessage() {
        showingReadProblem = false;
        message.set("");
    }

    // ---- state ----

    /** Who decides here: the workbench's user (--as, $KNOBWRIGHT_USER, the login). */
    public String user() {
        return user;
    }

    /** The plans awaiting my decision, oldest first, after a plan opened from elsewhere when there is one. */
    public ObservableList<ReviewRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** How many plans await my decision: the badge. */
    public ReadOnlyIntegerProperty awaitingCountProperty() {
        return awaitingCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The comment sent with the next decision; required to reject. */
    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyBooleanProperty decidingProperty() {
        return deciding.getReadOnlyProperty();
    }

    /** False until the first read came back: the list says "looking" rather than "nothing awaits". */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The outcome of the last decision, or why a read or a decision failed; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** Whether the panel is open beside the screens. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** A pending plan is selected and no decision is running. */
    public ObservableBooleanValue canApprove() {
        return canApprove;
    }

    /** As {@link #canApprove}, and a comment is typed. */
    public ObservableBooleanValue canReject() {
        return canReject;
    }

    public BreakGlassViewModel breakGlass() {
        return breakGlass;
    }
}
