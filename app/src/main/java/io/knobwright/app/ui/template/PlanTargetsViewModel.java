package io.knobwright.app.ui.template;

import io.knobwright.app.template.PlanCandidate;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.ui.common.Labels;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The *Create plans* dialog: every instance of the template's engine, those following the template ticked,
 * a search over the list, and what the choice means before anything is made: how many plans, and how many of
 * them would have no baseline because the instance's settings were never read.
 */
public final class PlanTargetsViewModel {

    private static final DateTimeFormatter READ_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final String template;
    private final Engine engine;
    private final ObservableList<PlanTarget> targets = FXCollections.observableArrayList(t -> new Observable[] {t.chosenProperty()});
    private final FilteredList<PlanTarget> shown = new FilteredList<>(targets);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live");
    private final ReadOnlyIntegerWrapper withoutBaseline = new ReadOnlyIntegerWrapper(this, "withoutBaseline");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper createLabel = new ReadOnlyStringWrapper(this, "createLabel", "");
    private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper(this, "canCreate");
    private final int following;
    /** True while a bulk tick or untick runs: one count at the end instead of one per instance. */
    private boolean bulk;

    public PlanTargetsViewModel(String template, Engine engine, List<PlanCandidate> candidates, ZoneId zone) {
        this.template = template;
        this.engine = engine;
        targets.setAll(candidates.stream()
                .sorted(Comparator.comparing((PlanCandidate c) -> !c.follows())
                        .thenComparing(c -> c.instance().name(), String.CASE_INSENSITIVE_ORDER))
                .map(c -> new PlanTarget(c, detail(c, zone), searchKey(c.instance())))
                .toList());
        following = (int) candidates.stream().filter(PlanCandidate::follows).count();
        search.subscribe(this::filter);
        targets.subscribe(this::count);
        live.subscribe(this::count);
        count();
    }

    private static String detail(PlanCandidate c, ZoneId zone) {
        String read = c.settingsRead() ? "settings read " + READ_AT.format(c.settingsReadAt().atZone(zone))
                : "no settings read";
        return (c.follows() ? "follows · " : "") + read;
    }

    private static String searchKey(Instance i) {
        return String.join(" ", i.name(), i.version(), i.fullVersion(), Labels.tier(i.tier()), Formats.tags(i.tags()))
                .toLowerCase(Locale.ROOT);
    }

    private void filter(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String[] words = q.isEmpty() ? new String[0] : q.split("\\s+");
        shown.setPredicate(words.length == 0 ? null : t -> t.matches(words));
    }

    private void count() {
        if (bulk) {
            return;
        }
        int chosen = 0;
        int blind = 0;
        for (PlanTarget t : targets) {
            if (t.chosenProperty().get()) {
                chosen++;
                if (!t.hasBaseline(live.get())) {
                    blind++;
                }
            }
        }
        withoutBaseline.set(blind);
        canCreate.set(chosen > 0);
        createLabel.set(chosen == 0 ? "Create plans" : "Create " + Formats.count(chosen, "plan", "plans"));
        summary.set(summary(chosen, blind));
    }

    private String summary(int chosen, int blind) {
        if (targets.isEmpty()) {
            return "No " + engine.displayName() + " instance in the fleet: add one in the Fleet screen first.";
        }
        if (chosen == 0) {
            return "No instance chosen: tick the ones to plan for.";
        }
        String text = chosen + " of " + Formats.count(targets.size(), "instance", "instances") + " chosen.";
        if (blind == 0) {
            return text;
        }
        return text + " " + (blind == 1 ? "1 has" : blind + " have") + " no settings read: "
                + (blind == 1 ? "its plan gets" : "their plans get") + " no baseline, so every value " + template
                + " sets shows as a change from an unknown value. Refresh " + (blind == 1 ? "it" : "them")
                + " in the Fleet screen" + (live.get() ? "" : " or read connected servers first") + ".";
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    /** Ticks exactly the instances that follow the template, as the dialog opened. */
    public void chooseFollowing() {
        tick(targets, PlanTarget::follows);
    }

    /** Ticks (or unticks) every instance the search shows; the hidden ones keep their state. */
    public void chooseShown(boolean choose) {
        tick(shown, t -> choose);
    }

    private void tick(List<PlanTarget> which, Predicate<PlanTarget> chosen) {
        bulk = true;
        try {
            which.forEach(t -> t.chosenProperty().set(chosen.test(t)));
        } finally {
            bulk = false;
        }
        count();
    }

    /** What to plan for: the ticked instances in list order. */
    public TemplateDialogs.PlanRequest request() {
        return new TemplateDialogs.PlanRequest(targets.stream().filter(t -> t.chosenProperty().get())
                .map(PlanTarget::id).toList(), live.get());
    }

    // ---- state ------------------------------------------------------------------------------------------------

    public String template() {
        return template;
    }

    /** How many instances follow the template (and were ticked when the dialog opened). */
    public int followingCount() {
        return following;
    }

    /** Every instance that can be planned for, those following the template first. */
    public ObservableList<PlanTarget> targets() {
        return FXCollections.unmodifiableObservableList(targets);
    }

    /** The instances the search shows. */
    public ObservableList<PlanTarget> shown() {
        return FXCollections.unmodifiableObservableList(shown);
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Read connected servers first, so their plans start from live settings. */
    public BooleanProperty liveProperty() {
        return live;
    }

    /** Chosen instances whose plans would have no baseline: never read, and not read first. */
    public ReadOnlyIntegerProperty withoutBaselineProperty() {
        return withoutBaseline.getReadOnlyProperty();
    }

    /** "12 of 131 instances chosen. 3 have no settings read: …". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Create 12 plans". */
    public ReadOnlyStringProperty createLabelProperty() {
        return createLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCreateProperty() {
        return canCreate.getReadOnlyProperty();
    }
}
