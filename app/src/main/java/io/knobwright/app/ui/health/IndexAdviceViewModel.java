package io.knobwright.app.ui.health;

import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.index.AdvisedIndex;
import io.knobwright.model.index.HygieneFinding;
import io.knobwright.model.index.IndexAdvice;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The index advice of one PostgreSQL instance: candidate indexes with their benefit (planner cost saved per day),
 * cost per call before and after, estimated size and writes per day; then the indexes that cost without serving
 * (unused, duplicate, redundant) with their size. Advice reads the server and starts a sandbox, so it runs off the FX
 * thread when asked, never on its own.
 */
public final class IndexAdviceViewModel {

    static final String ADVISE = "Advise on indexes";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** One candidate as the table shows it; {@code benefitShare} is its benefit over the largest, for the bar. */
    public record CandidateRow(String benefit, double benefitShare, String costs, String size, String writes,
                               String evaluatedWith, String definition, String reason, String queries) {
    }

    /** One index that could go; {@code sizeShare} is its size over the largest finding's, for the bar. */
    public record HygieneRow(String kind, String index, String size, double sizeShare, String coveredBy, String reason) {
    }

    private final BackgroundWork work;
    private final Function<Instance, IndexAdvice> advisor;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<Instance> instance = new ReadOnlyObjectWrapper<>(this, "instance");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper hygieneSummary = new ReadOnlyStringWrapper(this, "hygieneSummary", "");
    private final ObservableList<CandidateRow> candidates = FXCollections.observableArrayList();
    private final ObservableList<HygieneRow> hygiene = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private long generation;

    /** @param advisor reads the advice of an instance (blocking: it reads the server and starts a sandbox) */
    public IndexAdviceViewModel(BackgroundWork work, Function<Instance, IndexAdvice> advisor, ZoneId zone) {
        this.work = Objects.requireNonNull(work, "work");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Chooses the instance; advice comes with {@link #advise()}. */
    public void show(Instance target) {
        generation++;
        instance.set(target);
        loading.set(false);
        apply(null);
        message.set(target == null ? "" : "Advise to read " + target.name() + "'s catalog and evaluate candidate indexes.");
    }

    /** Reads the advice for the chosen instance; a slower earlier run that finishes later is dropped. */
    public void advise() {
        Instance target = instance.get();
        if (target == null) {
            return;
        }
        long mine = ++generation;
        loading.set(true);
        message.set("Reading " + target.name() + " and evaluating candidates on a sandbox copy…");
        work.io(ADVISE, () -> advisor.apply(target), advice -> {
            if (mine == generation) {
                loading.set(false);
                message.set("");
                apply(advice);
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                apply(null);
                message.set(failure);
            }
        });
    }

    private void apply(IndexAdvice advice) {
        if (advice == null) {
            summary.set("");
            hygieneSummary.set("");
            candidates.clear();
            hygiene.clear();
            notes.clear();
            return;
        }
        summary.set(advice.candidates().size() + (advice.candidates().size() == 1 ? " index" : " indexes")
                + " would pay off · database " + advice.database() + " · counters since "
                + WHEN.format(advice.statsSince().atZone(zone)));
        double most = advice.candidates().stream().mapToDouble(AdvisedIndex::benefit).max().orElse(0);
        candidates.setAll(advice.candidates().stream().map(a -> row(a, most)).toList());
        List<HygieneFinding> all = Stream.of(advice.unused(), advice.duplicate(), advice.redundant())
                .flatMap(List::stream).toList();
        long largest = all.stream().mapToLong(HygieneFinding::sizeBytes).max().orElse(0);
        hygiene.setAll(all.stream().map(f -> new HygieneRow(kind(f.kind()), f.index().qualifiedName(), bytes(f.sizeBytes()),
                largest == 0 ? 0 : (double) f.sizeBytes() / largest, f.coveredBy(), f.reason())).toList());
        long unusedBytes = advice.unused().stream().mapToLong(HygieneFinding::sizeBytes).sum();
        hygieneSummary.set(advice.unused().size() + " unused (" + bytes(unusedBytes) + "), " + advice.duplicate().size()
                + " duplicate, " + advice.redundant().size() + " redundant");
        notes.setAll(advice.notes());
    }

    private static CandidateRow row(AdvisedIndex a, double most) {
        List<String> queries = new ArrayList<>();
        for (AdvisedIndex.QueryCost q : a.queries()) {
            queries.add(String.format(Locale.ROOT, "%,.0f/day  %s", q.query().callsPerDay(), oneLine(q.query().text())));
        }
        return new CandidateRow(String.format(Locale.ROOT, "%,.0f", a.benefit()), most == 0 ? 0 : a.benefit() / most,
                String.format(Locale.ROOT, "%,.1f → %,.1f", a.costBefore(), a.costAfter()), bytes(a.estimatedSizeBytes()),
                String.format(Locale.ROOT, "%,.0f", a.writeCost()), a.evaluatedWith().id(), a.index().definition(),
                a.index().reason(), String.join("\n", queries));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    private static String kind(HygieneFinding.Kind kind) {
        return switch (kind) {
            case UNUSED -> "Unused";
            case DUPLICATE -> "Duplicate";
            case REDUNDANT -> "Redundant";
        };
    }

    static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    public ReadOnlyObjectProperty<Instance> instanceProperty() {
        return instance.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hygieneSummaryProperty() {
        return hygieneSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<CandidateRow> candidates() {
        return FXCollections.unmodifiableObservableList(candidates);
    }

    public ObservableList<HygieneRow> hygiene() {
        return FXCollections.unmodifiableObservableList(hygiene);
    }

    public ObservableList<String> notes() {
        return FXCollections.unmodifiableObservableList(notes);
    }
}
