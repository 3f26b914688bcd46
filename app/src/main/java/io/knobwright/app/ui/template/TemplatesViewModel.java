package io.knobwright.app.ui.template;

import io.knobwright.app.plan.PlanBatch;
import io.knobwright.app.plan.PlanService;
import io.knobwright.app.template.ConfigFormat;
import io.knobwright.app.template.ImportOptions;
import io.knobwright.app.template.ImportReport;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.file.UserFileWriter;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateVersion;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The Templates screen: the list of templates (built-in and the user's), the editor of the selected one,
 * and what is done with templates as a whole: copy a built-in, start a child, import, export, and make
 * change plans for the instances that should follow it.
 */
public final class TemplatesViewModel {

    private final TemplateService templates;
    private final PlanService plans;
    private final BackgroundWork work;
    private final TemplateDialogs dialogs;
    private final ScreenMessage message = new ScreenMessage();
    private final TemplateEditorViewModel editor;

    private final ObservableList<TemplateItem> all = FXCollections.observableArrayList();
    private final FilteredList<TemplateItem> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<TemplateItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final ZoneId zone;
    private LongConsumer plansCreated = id -> { };

    /** @param zone the workbench's time zone, for when each instance's settings were read */
    public TemplatesViewModel(TemplateService templates, PlanService plans, BackgroundWork work, TemplateDialogs dialogs,
                              ZoneId zone) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.work = Objects.requireNonNull(work, "work");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.editor = new TemplateEditorViewModel(templates, work, message, saved -> refresh());
        search.subscribe(q -> shown.setPredicate(item -> item.matches(q)));
        selected.subscribe(item -> {
            if (item != null && (editor.loadedProperty().get() == null
                    || !editor.loadedProperty().get().name().equals(item.name()))) {
                editor.open(item.name());
            }
        });
    }

    /** Who is told when plans were made: the workbench opens the Plans screen at the first one. */
    public void onPlansCreated(LongConsumer listener) {
        this.plansCreated = Objects.requireNonNull(listener, "listener");
    }

    /** Reads the template list again; the selection stays on the same template when it still exists. */
    public void refresh() {
        work.io("Load templates", this::readItems, items -> {
            String keep = selected.get() == null ? null : selected.get().name();
            all.setAll(items);
            select(keep == null && !items.isEmpty() ? items.getFirst().name() : keep);
        }, message::error);
    }

    private List<TemplateItem> readItems() {
        return templates.list().stream()
                .map(v -> new TemplateItem(v, templates.isBuiltIn(v.name())))
                .sorted(Comparator.comparing((TemplateItem i) -> i.latest().template().engine())
                        .thenComparing(TemplateItem::builtIn, Comparator.reverseOrder())
                        .thenComparing(TemplateItem::name))
                .toList();
    }

    /** Selects a template by name; the editor opens it (again, when it is the one already open but newer). */
    public void select(String name) {
        Optional<TemplateItem> item = all.stream().filter(i -> i.name().equals(name)).findFirst();
        TemplateItem before = selected.get();
        selected.set(item.orElse(null));
        TemplateVersion open = editor.loadedProperty().get();
        if (item.isPresent() && item.get().equals(before) && open != null && open.version() != item.get().latest().version()) {
            editor.open(name);
        }
    }

    // ---- commands -----------------------------------------------------------------------------------------

    /** Copies the selected template (typically a built-in) under a new name the user can edit. */
    public void copySelected() {
        TemplateItem item = selected.get();
        if (item == null) {
            return;
        }
        dialogs.askName("Copy template", "The copy gets all entries of " + item.name() + " and can be edited.",
                item.name() + "-custom").ifPresent(name -> run("Copy " + item.name(),
                        () -> templates.copy(item.name(), name), v -> "Copied " + item.name() + " to " + v.name() + "."));
    }

    /** Starts an empty template that inherits everything from the selected one. */
    public void newChild() {
        TemplateItem item = selected.get();
        if (item == null) {
            return;
        }
        Template parent = item.latest().template();
        dialogs.askName("New child template", "It inherits every entry of " + item.name()
                + "; add only what differs.", item.name() + "-child").ifPresent(name -> run("Create " + name,
                () -> templates.save(new Template(name, parent.engine(), parent.targetVersions(), parent.name(), List.of(),
                        false, "Child of " + parent.name()), "Created as a child of " + parent.name()),
                v -> "Created " + v.name() + ", a child of " + parent.name() + "."));
    }

    /** Imports a file as a new template; the message says what it was checked against and what was left out. */
    public void importTemplate() {
        dialogs.chooseImport().ifPresent(request -> {
            String action = "Import " + request.file().getFileName();
            start(action + "…");
            work.io(action, () -> templates.importFile(new ImportOptions(request.file(), request.name(), request.engine(),
                    request.version(), null, request.parent())), report -> {
                finish();
                message.info(importSummary(request.file().getFileName().toString(), report));
                refreshAndSelect(report.saved().name());
            }, this::failed);
        });
    }

    /**
     * "Imported my.cnf as shop v1: 4 entries, checked against MariaDB 10.11 (named by the file's groups). Not part of
     * the template: socket, port, bind_address (it is how this server is reached); user (a startup option ...)."
     */
    static String importSummary(String file, ImportReport report) {
        TemplateVersion v = report.saved();
        StringBuilder text = new StringBuilder("Imported " + file + " as " + v.name() + " v" + v.version() + ": "
                + Formats.count(v.template().entries().size(), "entry", "entries"));
        if (report.checkedAgainst() != null) {
            text.append(", checked against ").append(report.checkedAgainst().describe());
            if (report.checkedAgainst().guessed()) {
                text.append("; choose the server's version when importing to check against it");
            }
        }
        text.append('.');
        if (!report.skipped().isEmpty()) {
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            report.skipped().forEach(s -> byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.name()));
            text.append(" Not part of the template: ");
            text.append(byReason.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " (" + e.getKey() + ")")
                    .collect(Collectors.joining("; "))).append('.');
        }
        return text.toString();
    }

    /** Exports the selected template, resolved for the instance the editor compares with when there is one. */
    public void exportSelected() {
        TemplateItem item = selected.get();
        if (item == null) {
            return;
        }
        CompareTarget.Instance instance = editor.compareTargetProperty().get() instanceof CompareTarget.Instance i ? i : null;
        dialogs.chooseExport(item.name(), item.latest().template().engine(), instance == null ? null : instance.name())
                .ifPresent(request -> {
                    boolean resolved = request.format() != ConfigFormat.YAML && request.format() != ConfigFormat.JSON;
                    String forInstance = resolved && instance != null ? Long.toString(instance.id()) : null;
                    start("Exporting " + item.name() + "…");
                    work.io("Export " + item.name(), () -> {
                        String text = templates.export(item.name(), forInstance, request.format());
                        // REPLACE: the save dialog has already asked before choosing an existing file
                        UserFileWriter.writeString(request.file(), UserFileWriter.Existing.REPLACE, text);
                        return request.file();
                    }, file -> {
                        finish();
                        message.info("Exported " + item.name() + " as " + request.format().label() + " to " + file + ".");
                    }, this::failed);
                });
    }

    /**
     * Asks which instances to plan for (those following the template ticked, every instance of its engine on
     * offer), then makes a stored draft plan per chosen instance, showing progress; instances that get none are
     * listed with the reason, and the Plans screen opens at the first plan.
     */
    public void createPlans() {
        TemplateItem item = selected.get();
        if (item == null) {
            return;
        }
        Engine engine = item.latest().template().engine();
        start("Finding " + engine.displayName() + " instances…");
        work.io("Find instances for " + item.name(), () -> templates.planCandidates(item.name()), candidates -> {
            finish();
            dialogs.choosePlanTargets(new PlanTargetsViewModel(item.name(), engine, candidates, zone))
                    .ifPresent(request -> plan(item.name(), request.instanceIds(), request.live()));
        }, this::failed);
    }

    private void plan(String template, List<Long> ids, boolean live) {
        if (ids.isEmpty()) {
            message.error("No instance to plan for: tick the instances in the list, or assign " + template
                    + " to instances in the Fleet screen.");
            return;
        }
        start("Planning " + template + " for " + Formats.count(ids.size(), "instance", "instances") + "…");
        progress.set(0);
        work.io("Create plans from " + template, () -> plans.createPlans(template, ids, live, done ->
                work.later(() -> {
                    progress.set(done / (double) ids.size());
                    progressText.set("Planning " + template + ": " + done + " of " + ids.size() + " instances");
                })), batch -> {
            finish();
            message.info(summary(template, batch));
            if (!batch.plans().isEmpty()) {
                plansCreated.accept(batch.plans().stream().mapToLong(ChangePlan::id).min().orElseThrow());
            }
        }, this::failed);
    }

    /**
     * "Created 80 plans from postgresql-oltp (312 changes; 41 plans need a restart). 3 have no baseline: … 2 instances
     * got none: …".
     */
    static String summary(String template, PlanBatch batch) {
        int changes = batch.plans().stream().mapToInt(p -> p.changes().size()).sum();
        long restart = batch.plans().stream().filter(ChangePlan::restartNeeded).count();
        long blind = batch.plans().stream().filter(p -> !p.hasBaseline()).count();
        StringBuilder text = new StringBuilder("Created " + Formats.count(batch.plans().size(), "plan", "plans") + " from "
                + template + " (" + Formats.count(changes, "change", "changes") + "; "
                + Formats.count(restart, "plan needs", "plans need") + " a restart).");
        if (blind > 0) {
            text.append(' ').append(blind == 1 ? "1 has" : blind + " have")
                    .append(" no baseline (no settings read): every value shows as a change from an unknown value.");
        }
        if (!batch.failures().isEmpty()) {
            text.append(' ').append(Formats.count(batch.failures().size(), "instance got", "instances got")).append(" none: ");
            batch.failures().stream().limit(3).forEach(f -> text.append(f.instanceName()).append(" (").append(f.reason()).append("); "));
            if (batch.failures().size() > 3) {
                text.append("and ").append(batch.failures().size() - 3).append(" more.");
            }
        }
        return text.toString().strip();
    }

    /** Rolls the open template back to a version from its history, after asking. */
    public void rollback(int version) {
        TemplateVersion open = editor.loadedProperty().get();
        if (open != null && dialogs.confirm("Roll back " + open.name(), "Save the entries of v" + version + " as v"
                + (open.version() + 1) + "? Every version stays in the history.", "Roll back")) {
            editor.rollback(version);
        }
    }

    private <T extends TemplateVersion> void run(String action, java.util.function.Supplier<T> task,
                                                 java.util.function.Function<T, String> done) {
        start(action + "…");
        work.io(action, task, version -> {
            finish();
            message.info(done.apply(version));
            refreshAndSelect(version.name());
        }, this::failed);
    }

    private void refreshAndSelect(String name) {
        work.io("Load templates", this::readItems, items -> {
            all.setAll(items);
            search.set("");
            select(name);
        }, message::error);
    }

    private void start(String text) {
        busy.set(true);
        progress.set(-1);
        progressText.set(text);
    }

    private void finish() {
        busy.set(false);
        progressText.set("");
    }

    private void failed(String text) {
        finish();
        message.error(text);
    }

    // ---- state --------------------------------------------------------------------------------------------

    public TemplateEditorViewModel editor() {
        return editor;
    }

    public ScreenMessage message() {
        return message;
    }

    public ObservableList<TemplateItem> templates() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<TemplateItem> selectedProperty() {
        return selected;
    }

    public BooleanBinding hasSelection() {
        return hasSelection;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 while plans are made, -1 (indeterminate) for other work. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
