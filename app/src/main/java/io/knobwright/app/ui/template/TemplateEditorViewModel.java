package io.knobwright.app.ui.template;

import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.ui.diff.DiffViewModel;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.ValidationIssue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The template being edited: its own entries (editable unless built in) among those it inherits, the
 * validation of the draft against every engine version it targets, and the diff of the draft against a
 * chosen target (the saved version, the parent, an older version, an instance's settings). Once typing
 * pauses the draft is checked again in the background ({@link DraftChecks}); an answer that an edit has
 * overtaken is dropped.
 */
public final class TemplateEditorViewModel {

    private static final String FIX_ERRORS = "Fix the errors listed under the entries before saving: a template with"
            + " errors cannot be planned or exported.";

    private final TemplateService templates;
    private final BackgroundWork work;
    private final ScreenMessage message;
    private final Consumer<TemplateVersion> saved;
    private final DiffViewModel diff = new DiffViewModel();
    private final DraftChecks checks;

    private final ObservableList<EntryRow> rows = FXCollections.observableArrayList();
    private final ObservableList<IssueLine> issues = FXCollections.observableArrayList();
    private final ObservableList<TemplateVersion> history = FXCollections.observableArrayList();
    private final ObservableList<CompareTarget> compareTargets = FXCollections.observableArrayList();
    private final ObjectProperty<CompareTarget> compareTarget = new SimpleObjectProperty<>(this, "compareTarget");
    private final ObjectProperty<EntryRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyObjectWrapper<TemplateVersion> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper(this, "hasErrors");
    private final ReadOnlyStringWrapper validationSummary = new ReadOnlyStringWrapper(this, "validationSummary", "");
    private final ReadOnlyStringWrapper diffNote = new ReadOnlyStringWrapper(this, "diffNote", "");
    private final ReadOnlyStringWrapper help = new ReadOnlyStringWrapper(this, "help", "");

    /*
     * A change listener, not an invalidation listener: nothing reads a row until typing pauses, and an invalidated
     * property that nobody read stays silent, so later keystrokes would not postpone the check.
     */
    private final ChangeListener<Object> onEdit = (o, before, now) -> edited();
    /** Entries the parent chain sets, by canonical name: what shows where the template sets nothing itself. */
    private Map<String, TemplateResolver.EffectiveEntry> inherited = Map.of();
    private ParameterCatalog catalog;
    /** The newest load asked for: a template opened after another wins even when its answer comes first. */
    private int generation;
    private boolean loading;

    /**
     * @param saved told about each version this editor saves, so the template list can show it
     */
    public TemplateEditorViewModel(TemplateService templates, BackgroundWork work, ScreenMessage message,
                                   Consumer<TemplateVersion> saved) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.work = Objects.requireNonNull(work, "work");
        this.message = Objects.requireNonNull(message, "message");
        this.saved = Objects.requireNonNull(saved, "saved");
        this.checks = new DraftChecks(templates, work, this::draft, compareTarget::get, this::showIssues,
                this::showComparison, message::error);
        selectedRow.subscribe(this::explain);
        compareTarget.subscribe(target -> {
            if (!loading && target != null && loaded.get() != null) {
                checks.compareNow();
            }
        });
    }

    /** What a load reads in the background before the editor shows anything. */
    private record Loaded(TemplateVersion version, boolean builtIn, List<TemplateResolver.EffectiveEntry> inherited,
                          List<TemplateVersion> history, List<Instance> instances, Set<Long> using, List<String> siblings,
                          ParameterCatalog catalog) {
    }

    /** Opens the newest version of a template. */
    public void open(String name) {
        int ticket = ++generation;
        checks.forget();
        work.io("Open template " + name, () -> read(name), data -> {
            if (ticket == generation) {
                show(data);
            }
        }, message::error);
    }

    private Loaded read(String name) {
        TemplateVersion version = templates.require(name);
        String parent = version.template().parent();
        List<TemplateResolver.EffectiveEntry> fromParents = parent == null ? List.of() : templates.effectiveEntries(parent);
        return new Loaded(version, templates.isBuiltIn(name), fromParents, templates.history(name),
                templates.candidateInstances(name, version.template().engine()), templates.instancesUsing(name),
                templates.list().stream().filter(t -> t.template().engine() == version.template().engine())
                        .map(TemplateVersion::name).filter(n -> !n.equals(name) && !n.equals(parent)).sorted().toList(),
                templates.catalogFor(version.template()));
    }

    private void show(Loaded data) {
        loading = true;
        try {
            loaded.set(data.version());
            editable.set(!data.builtIn());
            catalog = data.catalog();
            Map<String, TemplateResolver.EffectiveEntry> parents = new HashMap<>();
            data.inherited().forEach(e -> parents.put(ParameterCatalog.canonicalName(e.entry().parameter()), e));
            inherited = parents;
            List<EntryRow> lines = new ArrayList<>();
            Set<String> ownNames = new java.util.HashSet<>();
            for (TemplateEntry entry : data.version().template().entries()) {
                lines.add(watch(EntryRow.own(entry)));
                ownNames.add(ParameterCatalog.canonicalName(entry.parameter()));
            }
            parents.forEach((name, e) -> {
                if (!ownNames.contains(name)) {
                    lines.add(EntryRow.of(e, false));
                }
            });
            lines.sort(Comparator.comparing(r -> ParameterCatalog.canonicalName(r.parameterProperty().get())));
            rows.forEach(this::unwatch);
            rows.setAll(lines);
            history.setAll(data.history());
            compareTargets.setAll(targets(data));
            compareTarget.set(defaultTarget(data));
            selectedRow.set(null);
            dirty.set(false);
        } finally {
            loading = false;
        }
        checks.checkNow();
    }

    private static List<CompareTarget> targets(Loaded data) {
        TemplateVersion v = data.version();
        List<CompareTarget> targets = new ArrayList<>();
        targets.add(new CompareTarget.Version(v.name(), v.version(), true));
        if (v.template().parent() != null) {
            targets.add(new CompareTarget.Parent(v.template().parent()));
        }
        for (Instance instance : data.instances()) {
            targets.add(new CompareTarget.Instance(instance.id(), instance.name(), data.using().contains(instance.id())));
        }
        for (String sibling : data.siblings()) {
            targets.add(new CompareTarget.OtherTemplate(sibling));
        }
        for (TemplateVersion older : data.history()) {
            if (older.version() != v.version()) {
                targets.add(new CompareTarget.Version(v.name(), older.version(), false));
            }
        }
        return targets;
    }

    /**
     * An instance that uses the template shows best what it does; failing that the parent shows what the
     * template adds, and a root template compares with what is saved (what an edit changes).
     */
    private static CompareTarget defaultTarget(Loaded data) {
        for (Instance instance : data.instances()) {
            if (data.using().contains(instance.id())) {
                return new CompareTarget.Instance(instance.id(), instance.name(), true);
            }
        }
        String parent = data.version().template().parent();
        return parent != null ? new CompareTarget.Parent(parent)
                : new CompareTarget.Version(data.version().name(), data.version().version(), true);
    }

    private EntryRow watch(EntryRow row) {
        row.parameterProperty().addListener(onEdit);
        row.kindProperty().addListener(onEdit);
        row.textProperty().addListener(onEdit);
        row.lockedProperty().addListener(onEdit);
        row.rationaleProperty().addListener(onEdit);
        return row;
    }

    private void unwatch(EntryRow row) {
        row.parameterProperty().removeListener(onEdit);
        row.kindProperty().removeListener(onEdit);
        row.textProperty().removeListener(onEdit);
        row.lockedProperty().removeListener(onEdit);
        row.rationaleProperty().removeListener(onEdit);
    }

    // ---- editing ------------------------------------------------------------------------------------------

    private void edited() {
        if (loading) {
            return;
        }
        dirty.set(true);
        explain(selectedRow.get());
        checks.edited();
    }

    /** Adds an empty entry of the template's own and selects it. */
    public void addEntry() {
        if (!editable.get()) {
            return;
        }
        EntryRow row = watch(EntryRow.blank());
        rows.add(row);
        selectedRow.set(row);
        edited();
    }

    /** Turns an inherited line into an entry of this template with the same value, ready to change. */
    public void override(EntryRow row) {
        if (!editable.get() || row.own()) {
            return;
        }
        EntryRow copy = watch(row.overriding());
        rows.set(rows.indexOf(row), copy);
        selectedRow.set(copy);
        edited();
    }

    /** Removes one of the template's own entries; what a parent sets for that parameter shows again. */
    public void removeEntry(EntryRow row) {
        if (!editable.get() || !row.own()) {
            return;
        }
        unwatch(row);
        int at = rows.indexOf(row);
        TemplateResolver.EffectiveEntry parent = inherited.get(ParameterCatalog.canonicalName(row.parameterProperty().get()));
        if (parent != null) {
            rows.set(at, EntryRow.of(parent, false));
        } else {
            rows.remove(at);
        }
        selectedRow.set(null);
        edited();
    }

    private DraftChecks.Draft draft() {
        TemplateVersion base = loaded.get();
        List<TemplateEntry> entries = new ArrayList<>();
        List<IssueLine> problems = new ArrayList<>();
        for (EntryRow row : rows) {
            if (!row.own()) {
                continue;
            }
            EntryRow.EntryOrProblem e = row.toEntry();
            if (e.entry() != null) {
                entries.add(e.entry());
            } else {
                problems.add(new IssueLine(ValidationIssue.Severity.ERROR, row.parameterProperty().get(), e.problem()));
            }
        }
        if (!problems.isEmpty()) {
            return new DraftChecks.Draft(null, problems);
        }
        Template t = base.template();
        try {
            return new DraftChecks.Draft(new Template(t.name(), t.engine(), t.targetVersions(), t.parent(), entries, false,
                    t.description()), List.of());
        } catch (IllegalArgumentException e) {
            return new DraftChecks.Draft(null, List.of(new IssueLine(ValidationIssue.Severity.ERROR, "", e.getMessage())));
        }
    }

    // ---- checking -----------------------------------------------------------------------------------------

    private void showComparison(DraftChecks.Comparison result) {
        diffNote.set(result.note());
        diff.leftTitleProperty().set(result.leftTitle());
        diff.rightTitleProperty().set(result.rightTitle());
        diff.setRows(result.rows());
    }

    private void showIssues(List<IssueLine> lines) {
        issues.setAll(lines);
        Map<String, List<IssueLine>> byParameter = new HashMap<>();
        for (IssueLine line : lines) {
            if (line.parameter() != null && !line.parameter().isEmpty()) {
                byParameter.computeIfAbsent(ParameterCatalog.canonicalName(line.parameter()), k -> new ArrayList<>()).add(line);
            }
        }
        for (EntryRow row : rows) {
            List<IssueLine> mine = byParameter.getOrDefault(ParameterCatalog.canonicalName(row.parameterProperty().get()), List.of());
            row.showIssues(mine.stream().map(IssueLine::text).toList(),
                    mine.stream().map(IssueLine::severity).min(Comparator.naturalOrder()).orElse(null));
        }
        long errors = lines.stream().filter(l -> l.severity() == ValidationIssue.Severity.ERROR).count();
        long warnings = lines.stream().filter(l -> l.severity() == ValidationIssue.Severity.WARNING).count();
        long notes = lines.size() - errors - warnings;
        hasErrors.set(errors > 0);
        validationSummary.set(errors == 0 && warnings == 0
                ? "Valid for " + versionsText() + (notes > 0 ? " · " + Formats.count((int) notes, "note", "notes") : "")
                : Formats.count((int) errors, "error", "errors") + " · " + Formats.count((int) warnings, "warning", "warnings")
                + " · " + Formats.count((int) notes, "note", "notes"));
    }

    private String versionsText() {
        Template t = loaded.get().template();
        List<String> v = t.targetVersions();
        return t.engine().displayName() + " " + (v.size() == 1 ? v.getFirst() : v.getFirst() + "–" + v.getLast());
    }

    /** Compares two stored versions of the template (from the history), until the next edit or target change. */
    public void compareVersions(int left, int right) {
        TemplateVersion base = loaded.get();
        if (base != null) {
            checks.compareVersions(base.name(), left, right);
        }
    }

    // ---- saving -------------------------------------------------------------------------------------------

    /**
     * Saves the draft as the template's next version; refused while it has errors. The draft is validated again
     * as part of the save: the last check may still wait for typing to pause.
     */
    public void save(String comment) {
        DraftChecks.Draft draft = draft();
        if (!editable.get() || draft.template() == null) {
            message.error(FIX_ERRORS);
            return;
        }
        Template template = draft.template();
        String note = comment == null || comment.isBlank() ? "Edited in the workbench" : comment.strip();
        work.io("Save template " + template.name(), () -> {
            List<ValidationIssue> found = templates.validateDraft(template);
            boolean errors = found.stream().anyMatch(i -> i.severity() == ValidationIssue.Severity.ERROR);
            return new Saving(errors ? null : templates.save(template, note), found);
        }, result -> {
            if (result.version() == null) {
                checks.validated(template, result.issues());
                message.error(FIX_ERRORS);
                return;
            }
            message.info("Saved " + result.version().name() + " v" + result.version().version() + ".");
            saved.accept(result.version());
            open(result.version().name());
        }, message::error);
    }

    /** A save's outcome: the stored version, or none because validation found errors. */
    private record Saving(TemplateVersion version, List<ValidationIssue> issues) {
    }

    /** Throws the draft away and shows the newest saved version again. */
    public void discard() {
        if (loaded.get() != null) {
            open(loaded.get().name());
        }
    }

    /** Saves an old version's entries as the newest version. */
    public void rollback(int version) {
        TemplateVersion base = loaded.get();
        if (base == null || !editable.get()) {
            return;
        }
        work.io("Roll back " + base.name(), () -> templates.rollback(base.name(), version), v -> {
            message.info("Rolled " + v.name() + " back: v" + v.version() + " has the entries of v" + version + ".");
            saved.accept(v);
            open(v.name());
        }, message::error);
    }

    // ---- help ---------------------------------------------------------------------------------------------

    /** The catalog's word on the selected entry's parameter: type, unit, range, default, apply mode, description. */
    private void explain(EntryRow row) {
        if (row == null || catalog == null) {
            help.set("");
            return;
        }
        String name = row.parameterProperty().get();
        help.set(catalog.find(name).map(ParameterHelp::describe)
                .orElse(name == null || name.isBlank() ? "Type the parameter's name."
                        : name + " is not in the " + catalog.engineVersion() + " catalog."));
    }

    // ---- state --------------------------------------------------------------------------------------------

    public DiffViewModel diff() {
        return diff;
    }

    public ObservableList<EntryRow> rows() {
        return rows;
    }

    public ObservableList<IssueLine> issues() {
        return issues;
    }

    public ObservableList<TemplateVersion> history() {
        return history;
    }

    public ObservableList<CompareTarget> compareTargets() {
        return compareTargets;
    }

    public ObjectProperty<CompareTarget> compareTargetProperty() {
        return compareTarget;
    }

    public ObjectProperty<EntryRow> selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyObjectProperty<TemplateVersion> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validationSummaryProperty() {
        return validationSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffNoteProperty() {
        return diffNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty helpProperty() {
        return help.getReadOnlyProperty();
    }
}
