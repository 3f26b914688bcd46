package io.knobwright.app.ui.review;

import io.knobwright.app.governance.GovernanceService;
import io.knobwright.app.ui.common.BackgroundWork;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The break-glass reviews still open, for reviewers to close with a comment saying what they found. The review
 * panel feeds the list on each refresh; closing goes through {@link GovernanceService#closeReview}, which refuses
 * the operator who broke the glass and anyone without the reviewer role.
 */
public final class BreakGlassViewModel {

    public static final String COMMENT_NEEDED = "Closing a review needs a comment: what did you find?";

    private final GovernanceService governance;
    private final BackgroundWork work;
    private final String user;
    /** Reports the outcome to the panel's message line: text, and whether it is an error. */
    private final BiConsumer<String, Boolean> report;
    private final Runnable refresh;

    private final ObservableList<BreakGlassRow> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BreakGlassRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canClose;

    BreakGlassViewModel(GovernanceService governance, BackgroundWork work, String user, BiConsumer<String, Boolean> report,
                        Runnable refresh) {
        this.governance = Objects.requireNonNull(governance, "governance");
        this.work = Objects.requireNonNull(work, "work");
        this.user = Objects.requireNonNull(user, "user");
        this.report = Objects.requireNonNull(report, "report");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        canClose = Bindings.createBooleanBinding(() -> selected.get() != null && !busy.get()
                && comment.get() != null && !comment.get().isBlank(), selected, busy, comment);
    }

    /** The open items as just read; the selected one stays selected while it is open. */
    void show(List<BreakGlassRow> fresh) {
        if (fresh.equals(items)) {
            return;
        }
        BreakGlassRow before = selected.get();
        items.setAll(fresh);
        selected.set(before == null ? null : fresh.stream().filter(r -> r.id() == before.id()).findFirst().orElse(null));
    }

    public void select(BreakGlassRow row) {
        if (row == null || items.contains(row)) {
            selected.set(row);
        }
    }

    /** Closes the selected review with the typed comment. */
    public void close() {
        BreakGlassRow row = selected.get();
        if (row == null || busy.get()) {
            return;
        }
        String text = comment.get() == null ? "" : comment.get().strip();
        if (text.isEmpty()) {
            report.accept(COMMENT_NEEDED, true);
            return;
        }
        busy.set(true);
        work.io("Close the break-glass review of plan #" + row.item().planId(),
                () -> governance.closeReview(user, row.id(), text), closed -> {
                    busy.set(false);
                    comment.set("");
                    report.accept("You closed the break-glass review of plan #" + closed.planId() + ".", false);
                    refresh.run();
                }, error -> {
                    busy.set(false);
                    report.accept(error, true);
                });
    }

    public ObservableList<BreakGlassRow> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    public ReadOnlyObjectProperty<BreakGlassRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A review is selected, a comment typed, nothing running. */
    public ObservableBooleanValue canClose() {
        return canClose;
    }
}
