package io.knobwright.app.ui.workbench;

import io.knobwright.app.task.Lazy;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.plan.PlanService;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.compare.CompareViewModel;
import io.knobwright.app.ui.common.DialogService;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.ui.fleet.FleetViewModel;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.app.ui.instance.InstanceDetailViewModel;
import io.knobwright.app.ui.instance.InstanceEditorViewModel;
import io.knobwright.app.ui.operations.OperationsDesk;
import io.knobwright.app.ui.operations.OperationsDialogs;
import io.knobwright.app.ui.operations.OperationsViewModel;
import io.knobwright.app.ui.operations.QuickOverrideViewModel;
import io.knobwright.app.ui.plan.PlansViewModel;
import io.knobwright.app.ui.policy.PolicyViewModel;
import io.knobwright.app.ui.review.ReviewPanelViewModel;
import io.knobwright.app.ui.template.TemplateDialogs;
import io.knobwright.app.ui.template.TemplatesViewModel;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateVersion;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The main window's commands (add, edit, import, refresh, remove, remove demo fleet) and the state
 * around them: progress, the message line and the demo banner. Browsing lives in
 * {@link FleetViewModel}, the selected instance in {@link InstanceDetailViewModel}.
 */
public final class WorkbenchViewModel {

    private final FleetService fleet;
    private final TemplateService templates;
    private final PlanService plans;
    private final BackgroundWork work;
    private final DialogService dialogs;
    private final UnaryOperator<String> environment;
    private final FleetViewModel browser = new FleetViewModel();
    private final InstanceDetailViewModel detail;
    /** The other screens' view-models, made when first asked for: the fleet opens without them. */
    private final Lazy<TemplatesViewModel> templatesScreen;
    private final Lazy<PlansViewModel> plansScreen;
    private final Lazy<CompareViewModel> compareScreen;
    private final Lazy<PolicyViewModel> policyScreen;
    private final Lazy<OperationsViewModel> operationsScreen;
    private final Lazy<io.knobwright.app.ui.workload.WorkloadViewModel> workloadScreen;
    private final Lazy<io.knobwright.app.ui.health.HealthViewModel> healthScreen;
    private final Lazy<io.knobwright.app.ui.health.AlertListViewModel> alertsScreen;
    private final Lazy<io.knobwright.app.ui.whatif.WhatIfViewModel> whatIfScreen;
    private final Lazy<io.knobwright.app.ui.recommend.RecommendationsViewModel> recommendationsScreen;
    private final java.util.function.Supplier<io.knobwright.model.health.AlertEvaluator.Evaluation> alertEvaluation;
    private final java.util.function.BiFunction<String, String, io.knobwright.model.health.AlertAcknowledgement> alertAcknowledge;
    /** The next background evaluation of the alerts while the window shows; null when not watching. */
    private javafx.util.Subscription alertWatch;
    /** The fleet table's health columns: every instance's alerts, disk-full days, last good backup, connection use. */
    private final java.util.function.Function<List<Instance>, io.knobwright.app.health.FleetHealthSummary.FleetHealth> fleetHealth;
    /** Each instance's latest measured workload class, for the fleet table's Measured column. */
    private final java.util.function.Supplier<Map<Long, io.knobwright.model.workload.WorkloadClass>> workloadClasses;
    private final CatalogLookup catalogs;
    private final OperationsDesk operationsDesk;
    private final OperationsDialogs operationsDialogs;
    private final ZoneId zone;
    /** Made with the window: its badge counts plans awaiting my decision from the start. */
    private final ReviewPanelViewModel reviews;
    private final io.knobwright.app.ui.welcome.WelcomeDesk welcomeDesk;
    /** The welcome while it is open; null otherwise (the window opens and closes it as this changes). */
    private final javafx.beans.property.ReadOnlyObjectWrapper<io.knobwright.app.ui.welcome.WelcomeViewModel> welcome =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "welcome");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyStringWrapper demoBanner = new ReadOnlyStringWrapper(this, "demoBanner", "");
    private final BooleanBinding hasSelection;
    private final BooleanBinding hasDemo;
    private final BooleanBinding canOverride;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.FLEET);
    private int running;
    /** Which fleet load a drift measurement belongs to: results for an older load are dropped. */
    private int driftGeneration;

    /** The screens of the main window, one tab each. */
    public enum Screen { FLEET, WORKLOAD, HEALTH, WHATIF, ALERTS, OPERATIONS, TEMPLATES, PLANS, COMPARE, POLICY, RECOMMENDATIONS }

    /** Without the Operations screen's questions (every one is cancelled): for tests of other screens. */
    public WorkbenchViewModel(FleetService fleet, TemplateService templates, PlanService plans, CatalogLookup catalogs,
                              BackgroundWork work, DialogService dialogs, TemplateDialogs templateDialogs,
                              UnaryOperator<String> environment, ZoneId zone, WorkbenchGovernance governance) {
        this(fleet, templates, plans, catalogs, work, dialogs, templateDialogs, OperationsDialogs.CANCEL_ALL, environment,
                zone, governance);
    }

    public WorkbenchViewModel(FleetService fleet, TemplateService templates, PlanService plans, CatalogLookup catalogs,
                              BackgroundWork work, DialogService dialogs, TemplateDialogs templateDialogs,
                              OperationsDialogs operationsDialogs, UnaryOperator<String> environment, ZoneId zone,
                              WorkbenchGovernance governance) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.work = Objects.requireNonNull(work, "work");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.detail = new InstanceDetailViewModel(fleet, catalogs, work, zone);
        Objects.requireNonNull(governance, "governance");
        this.catalogs = catalogs;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.operationsDesk = governance.operations();
        this.operationsDialogs = Objects.requireNonNull(operationsDialogs, "operationsDialogs");
        this.operationsScreen = new Lazy<>(() -> new OperationsViewModel(operationsDesk, work, this.operationsDialogs,
                Clock.systemUTC(), zone));
        io.knobwright.app.ui.workload.WorkloadDesk workloadDesk = governance.workload();
        this.workloadClasses = workloadDesk.classes();
        this.workloadScreen = new Lazy<>(() -> new io.knobwright.app.ui.workload.WorkloadViewModel(work, work.tasks(),
                workloadDesk.reports(), workloadDesk.importer(), () -> dialogs.chooseFileToOpen("Import a server log",
                "Server logs (stderr, csvlog, jsonlog, MySQL slow log; gzip too)", List.of("*.log", "*.csv", "*.json",
                "*.gz", "*")), zone));
        this.healthScreen = new Lazy<>(() -> new io.knobwright.app.ui.health.HealthViewModel(work, governance.health(), zone));
        this.whatIfScreen = new Lazy<>(() -> new io.knobwright.app.ui.whatif.WhatIfViewModel(work, governance.whatIf()));
        this.recommendationsScreen = new Lazy<>(() -> {
            var screen = new io.knobwright.app.ui.recommend.RecommendationsViewModel(work, governance.recommendations());
            // a plan made from accepted recommendations opens on the Plans screen, where it is submitted for review
            screen.onOpenPlan(planId -> {
                this.screen.set(Screen.PLANS);
                plans().refresh();
                plans().select(planId);
            });
            return screen;
        });
        // an alert opens its instance on the Health screen: the evidence behind most alerts is there
        this.alertsScreen = new Lazy<>(() -> new io.knobwright.app.ui.health.AlertListViewModel(shown -> {
            browser.select(shown.alert().instanceId());
            this.screen.set(Screen.HEALTH);
        }, this::acknowledgeAlert));
        this.welcomeDesk = governance.welcome();
        this.alertEvaluation = governance.health().alerts();
        this.alertAcknowledge = governance.health().acknowledge();
        this.fleetHealth = governance.health().fleet();
        this.reviews = new ReviewPanelViewModel(governance.governance(), plans, work, governance.user(), Clock.systemUTC(), zone);
        // A decision pulled from the hub shows at once, not at the next two-second poll.
        governance.changes().accept(() -> work.later(reviews::refresh));
        this.policyScreen = new Lazy<>(() -> new PolicyViewModel(governance.policy(), governance.audit(), work, dialogs,
                governance.user(), zone));
        this.plansScreen = new Lazy<>(() -> {
            PlansViewModel screen = new PlansViewModel(plans, work, zone);
            screen.onReview(reviews::open);
            screen.onSimulate(this::simulatePlan);
            return screen;
        });
        this.compareScreen = new Lazy<>(() -> new CompareViewModel(templates, fleet, work));
        this.templatesScreen = new Lazy<>(() -> {
            TemplatesViewModel screen = new TemplatesViewModel(templates, plans, work, templateDialogs, zone);
            screen.onPlansCreated(firstPlan -> {
                this.screen.set(Screen.PLANS);
                plans().refresh();
                plans().select(firstPlan);
            });
            return screen;
        });
        browser.selectedProperty().subscribe(detail::show);
        // the Workload screen follows the fleet's selection once it has been opened
        browser.selectedProperty().subscribe(selected -> workloadScreen.ifMade(screen -> screen.show(selected)));
        browser.selectedProperty().subscribe(selected -> healthScreen.ifMade(screen -> screen.show(selected)));
        // the What-if screen follows the selection while it is in front; behind, it keeps its scenarios until shown
        browser.selectedProperty().subscribe(selected -> whatIfScreen.ifMade(screen -> {
            if (this.screen.get() == Screen.WHATIF) {
                screen.show(selected);
            }
        }));
        // the Recommendations screen's instance follows the selection while it is in front
        browser.selectedProperty().subscribe(selected -> recommendationsScreen.ifMade(screen -> {
            if (this.screen.get() == Screen.RECOMMENDATIONS) {
                screen.show(selected);
            }
        }));
        // the Health screen samples sessions once a second only while it is in front (decision 0131)
        this.screen.subscribe(shown -> healthScreen.ifMade(screen -> screen.setFront(shown == Screen.HEALTH)));
        hasSelection = browser.selectedProperty().isNotNull();
        hasDemo = browser.demoCountProperty().greaterThan(0);
        canOverride = Bindings.createBooleanBinding(() -> browser.selectedProperty().get() != null
                && browser.selectedProperty().get().connectable(), browser.selectedProperty());
        browser.demoCountProperty().subscribe(n -> demoBanner.set(bannerText(n.intValue())));
    }

    private String bannerText(int demo) {
        if (demo == 0) {
            return "";
        }
        return demo == browser.totalCountProperty().get()
                ? "This is a demo fleet. Remove it when you add your own instances."
                : Formats.count(demo, "demo instance is", "demo instances are")
                + " mixed into your fleet. Remove them when you no longer need them.";
    }

    /**
     * Loads the fleet from the store; the table keeps its filters and selection, and the selected
     * instance's settings are read again (another workbench or the CLI may have refreshed them).
     */
    public void refresh() {
        start("Loading fleet…");
        work.io("Load the fleet", this::loadRows, rows -> {
            Instance before = browser.selectedProperty().get();
            loaded(rows);
            Instance after = browser.selectedProperty().get();
            if (after != null && after.equals(before)) {
                detail.show(after);
            }
        }, this::failed);
    }

    /** The fleet as read, its table rows, and why its templates could not be read when that failed. */
    private record LoadedFleet(List<Instance> instances, Map<Long, TemplateAssignment> assignments,
                               FleetViewModel.PreparedRows rows, String templateProblem) {
    }

    /**
     * Reads the fleet and the templates its instances follow, and builds the table rows, all off the FX
     * thread. Drift is measured afterwards ({@link #measureDrift}): it resolves every assigned instance's
     * template, which takes seconds on a large fleet, and the fleet must not wait for it. A template problem
     * costs the Template and Drift columns, never the fleet itself.
     */
    private LoadedFleet loadRows() {
        List<Instance> instances = fleet.list();
        Map<Long, TemplateAssignment> assignments = Map.of();
        String problem = "";
        try {
            assignments = templates.assignments();
        } catch (RuntimeException e) {
            problem = work.failed("Read template assignments", e);
        }
        return new LoadedFleet(instances, assignments,
                FleetViewModel.prepare(instances, assignments, assignments.isEmpty() ? Map.of() : null,
                        workloadClasses.get()), problem);
    }

    private void loaded(LoadedFleet loaded) {
        finish();
        browser.setRows(loaded.rows());
        demoBanner.set(bannerText(browser.demoCountProperty().get()));
        if (!loaded.templateProblem().isEmpty()) {
            show(loaded.templateProblem(), true);
        }
        int mine = ++driftGeneration;
        if (!loaded.assignments().isEmpty()) {
            measureDrift(loaded, mine);
        }
        readHealth(loaded.instances(), mine);
    }

    /**
     * Reads the fleet's health in the background and fills the table's health columns, unless the fleet was reloaded
     * in the meantime (that load reads again). The evaluation behind the Alerts column also refreshes the Alerts screen
     * and its tab's badge, so the two never disagree. Not counted as busy, like drift.
     */
    private void readHealth(List<Instance> instances, int generation) {
        work.io("Read the fleet's health", () -> fleetHealth.apply(instances), read -> {
            if (generation != driftGeneration) {
                return;
            }
            browser.setHealth(read);
            alerts().show(read.evaluation().alerts(), read.evaluation().failedSources()); // the tab's badge too
            if (!read.problems().isEmpty()) {
                show("Part of the fleet's health could not be read: " + String.join("; ", read.problems().stream()
                        .limit(3).toList()) + (read.problems().size() > 3 ? " (and " + (read.problems().size() - 3)
                        + " more)" : "") + ". The Alerts screen names failed alert sources.", true);
            }
        }, error -> {
            if (generation == driftGeneration) {
                show(error, true);
            }
        });
    }

    /**
     * Measures drift in the background and puts the rows with it in place, unless the fleet was reloaded in
     * the meantime (that load measures again). Not counted as busy: editing stays possible meanwhile.
     */
    private void measureDrift(LoadedFleet loaded, int generation) {
        work.io("Measure template drift",
                () -> FleetViewModel.prepare(loaded.instances(), loaded.assignments(), plans.drift(), workloadClasses.get()),
                rows -> {
                    if (generation == driftGeneration) {
                        browser.setRows(rows);
                    }
                }, error -> {
                    if (generation == driftGeneration) {
                        browser.setRows(FleetViewModel.prepare(loaded.instances(), loaded.assignments(), Map.of(),
                                workloadClasses.get()));
                        show(error, true);
                    }
                });
    }

    public void addInstance() {
        openEditor(null, "Added ");
    }

    public void editSelected() {
        Instance selected = browser.selectedProperty().get();
        if (selected != null) {
            openEditor(selected, "Saved ");
        }
    }

    /**
     * Asks which of its engine's templates the selected instance should follow (optionally pinned), stores
     * that and reloads the fleet so its drift shows. The service refuses a template of another engine.
     */
    public void assignTemplate() {
        Instance selected = browser.selectedProperty().get();
        if (selected == null) {
            return;
        }
        start("Reading templates…");
        work.io("Read the templates", () -> new TemplateChoices(
                templates.list().stream().filter(t -> t.template().engine() == selected.engine()).toList(),
                templates.assignment(selected.id()).orElse(null)), choices -> {
            finish();
            if (choices.candidates().isEmpty()) {
                show("There is no " + selected.engine().displayName() + " template yet: create one on the Templates screen.", true);
                return;
            }
            dialogs.chooseTemplate(selected, choices.candidates(), choices.current())
                    .ifPresent(reference -> assign(selected, reference));
        }, this::failed);
    }

    private record TemplateChoices(List<TemplateVersion> candidates, TemplateAssignment current) {
    }

    private void assign(Instance instance, String reference) {
        start("Assigning " + reference + " to " + instance.name() + "…");
        work.io("Assign template " + reference, () -> {
            templates.assign(instance.name(), reference);
            return reference;
        }, assigned -> {
            finish();
            reloadAndSelect(instance.id(), instance.name() + " now follows " + assigned
                    + (assigned.contains("@") ? " (pinned)." : " (newest version)."));
        }, this::failed);
    }

    private void openEditor(Instance editing, String verb) {
        var editor = new InstanceEditorViewModel(fleet, work, browser.namesInUse(), environment, editing);
        dialogs.editInstance(editor).ifPresent(saved -> reloadAndSelect(saved.id(), verb + saved.name() + "."));
    }

    public void removeSelected() {
        Instance selected = browser.selectedProperty().get();
        if (selected == null || !dialogs.confirm("Remove instance",
                "Remove '" + selected.name() + "' from the fleet? Its stored settings history goes with it. "
                        + "The server itself is not touched.", "Remove")) {
            return;
        }
        start("Removing " + selected.name() + "…");
        work.io("Remove " + selected.name(), () -> fleet.remove(selected.id()), removed -> {
            finish();
            reloadAndSelect(-1, removed ? "Removed " + selected.name() + "."
                    : selected.name() + " was already gone; the list is up to date now.");
        }, this::failed);
    }

    public void removeDemoFleet() {
        int demo = browser.demoCountProperty().get();
        if (demo == 0 || !dialogs.confirm("Remove demo fleet",
                "Remove the " + Formats.count(demo, "demo instance", "demo instances")
                        + "? Instances you added or imported stay.", "Remove demo fleet")) {
            return;
        }
        start("Removing the demo fleet…");
        work.io("Remove the demo fleet", fleet::removeDemoFleet, removed -> {
            finish();
            reloadAndSelect(-1, "Removed " + Formats.count(removed, "demo instance", "demo instances") + ".");
        }, this::failed);
    }

    public void importInventory() {
        dialogs.chooseInventoryFile().ifPresent(this::importFile);
    }

    private void importFile(Path file) {
        start("Importing " + file.getFileName() + "…");
        work.io("Import " + file.getFileName(), () -> fleet.importInventory(file), report -> {
            finish();
            reloadAndSelect(-1, summary(file, report));
            dialogs.showImportReport(file, report);
        }, this::failed);
    }

    /** "212 imported, 3 rejected from hosts.csv". */
    public static String summary(Path file, ImportReport report) {
        return report.imported().size() + " imported, " + report.rejected().size() + " rejected from "
                + file.getFileName() + ".";
    }

    private void reloadAndSelect(long id, String info) {
        start("Loading fleet…");
        work.io("Load the fleet", this::loadRows, rows -> {
            loaded(rows);
            if (id > 0) {
                browser.select(id);
            }
            if (rows.templateProblem().isEmpty()) {
                show(info, false);
            }
        }, this::failed);
    }

    private void start(String text) {
        running++;
        busy.set(true);
        busyText.set(text);
    }

    private void finish() {
        running = Math.max(0, running - 1);
        busy.set(running > 0);
        if (running == 0) {
            busyText.set("");
        }
    }

    private void failed(String text) {
        finish();
        show(text, true);
    }

    private void show(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
    }

    public void dismissMessage() {
        message.set("");
    }

    public FleetViewModel browser() {
        return browser;
    }

    public InstanceDetailViewModel detail() {
        return detail;
    }

    public TemplatesViewModel templates() {
        return templatesScreen.get();
    }

    public PlansViewModel plans() {
        return plansScreen.get();
    }

    public CompareViewModel compare() {
        return compareScreen.get();
    }

    public PolicyViewModel policy() {
        return policyScreen.get();
    }

    /** The reviewer's side panel. */
    public ReviewPanelViewModel reviews() {
        return reviews;
    }

    /**
     * Opens the quick override form for the selected instance (two clicks from the fleet: the instance's context menu
     * or the toolbar, then Apply). Once in force, the message line says until when, and the dashboard reads again.
     */
    public void emergencyOverride() {
        Instance selected = browser.selectedProperty().get();
        if (selected == null) {
            return;
        }
        if (!selected.connectable()) {
            show(selected.name() + " has no connection (inventory only), so nothing can be set on it: register it with"
                    + " `knobwright fleet add` first.", true);
            return;
        }
        operationsDialogs.quickOverride(new QuickOverrideViewModel(selected, catalogs, operationsDesk, work,
                Clock.systemUTC(), zone, (text, error) -> {
                    show(text, error);
                    operationsScreen.ifMade(screen -> screen.reported(text, error));
                }));
    }

    /** The selected instance can be overridden: it has a connection. */
    public ObservableBooleanValue canOverride() {
        return canOverride;
    }

    /** The Workload screen: the selected instance's profile, top queries, patterns and log imports. */
    public io.knobwright.app.ui.workload.WorkloadViewModel workload() {
        return workloadScreen.get();
    }

    /** Reads the selected instance's workload again: the screen came to the front. */
    public void showWorkload() {
        workload().show(browser.selectedProperty().get());
    }

    /** The Health screen: the selected instance's connections, storage forecast and index advice. */
    public io.knobwright.app.ui.health.HealthViewModel health() {
        return healthScreen.get();
    }

    /** The Alerts screen: the fleet's alerts, silenced ones marked; a click opens the instance's Health screen. */
    public io.knobwright.app.ui.health.AlertListViewModel alerts() {
        return alertsScreen.get();
    }

    /** How often the open workbench evaluates the fleet's alerts in the background (as the daemon does by default). */
    public static final java.time.Duration ALERT_INTERVAL = java.time.Duration.ofMinutes(1);

    /**
     * Evaluates the alerts every {@link #ALERT_INTERVAL} until {@link #stopAlertWatch}: the Alerts tab and its
     * badge stay current without a click, and raises and clears reach the webhooks while the workbench is open.
     */
    public void startAlertWatch() {
        if (alertWatch == null) {
            // No evaluation now: the fleet's first load reads the fleet's health, which evaluates the alerts and fills
            // this screen and its badge; a second evaluation at start would only double the work.
            scheduleAlertWatch();
        }
    }

    private void scheduleAlertWatch() {
        alertWatch = work.after(ALERT_INTERVAL, () -> {
            if (alertWatch == null) {
                return;
            }
            showAlerts();
            // showAlerts may have run a nested event loop (inline work, a bug dialog) in which the window closed and
            // the watch was stopped: re-arm only a watch that still runs, or it outlives its window and its store
            if (alertWatch != null) {
                scheduleAlertWatch();
            }
        });
    }

    public void stopAlertWatch() {
        if (alertWatch != null) {
            javafx.util.Subscription running = alertWatch;
            alertWatch = null;
            running.unsubscribe();
        }
    }

    /** Acknowledges an alert as the acting user, off the FX thread, then shows the list again. */
    private void acknowledgeAlert(io.knobwright.model.health.ShownAlert shown, String comment) {
        io.knobwright.app.ui.health.AlertListViewModel screen = alerts();
        work.io("Acknowledge the alert on " + shown.alert().instanceName(),
                () -> alertAcknowledge.apply(shown.alert().key(), comment), ack -> showAlerts(), screen::showFailure);
    }

    /** Evaluates the fleet's alerts again, off the FX thread: the screen came to the front. */
    public void showAlerts() {
        io.knobwright.app.ui.health.AlertListViewModel screen = alerts();
        work.io("Evaluate the fleet's alerts", alertEvaluation,
                evaluation -> screen.show(evaluation.alerts(), evaluation.failedSources()), screen::showFailure);
    }

    /** The What-if screen: the selected instance's scenarios, sweeps and experiments, or a plan's (decision 0140). */
    public io.knobwright.app.ui.whatif.WhatIfViewModel whatIf() {
        return whatIfScreen.get();
    }

    /**
     * The What-if screen came to the front: it shows the selected instance, unless it already does (its scenarios stay)
     * or it shows a plan that was just opened with Simulate.
     */
    public void showWhatIf() {
        io.knobwright.app.ui.whatif.WhatIfViewModel screen = whatIf();
        Instance selected = browser.selectedProperty().get();
        if (screen.planProperty().get() == null && !Objects.equals(screen.instanceProperty().get(), selected)) {
            screen.show(selected);
        }
    }

    /** The Recommendations screen (decision 0151): an instance's or the fleet's recommendations, accepted into a plan. */
    public io.knobwright.app.ui.recommend.RecommendationsViewModel recommendations() {
        return recommendationsScreen.get();
    }

    /** The Recommendations screen came to the front: it reads the fleet for its picker and takes the selected instance. */
    public void showRecommendations() {
        var screen = recommendations();
        screen.refresh();
        screen.show(browser.selectedProperty().get());
    }

    /** "Simulate this plan": the plan's instance on the What-if screen, with the plan's to-values as a scenario. */
    public void simulatePlan(long planId) {
        work.io("Open plan #" + planId + " in the what-if", () -> {
            var plan = plans.plan(planId).orElseThrow(() -> io.knobwright.model.UserError.input("Plan #" + planId
                    + " is no longer in the store."));
            Instance instance = fleet.find(plan.instanceId()).orElseThrow(() -> io.knobwright.model.UserError.input(
                    plan.instanceName() + ", the instance of plan #" + planId + ", was removed from the fleet: there is"
                            + " nothing to simulate it on."));
            return java.util.Map.entry(plan, instance);
        }, found -> {
            whatIf().simulatePlan(found.getKey(), found.getValue());
            screen.set(Screen.WHATIF);
        }, text -> show(text, true));
    }

    /** Reads the selected instance's health again: the screen came to the front. */
    public void showHealth() {
        health().setFront(screen.get() == Screen.HEALTH);
        health().show(browser.selectedProperty().get());
    }

    public OperationsViewModel operations() {
        return operationsScreen.get();
    }

    /** Opens the Compare screen with the selected instance on the left. */
    public void compareSelected() {
        Instance selected = browser.selectedProperty().get();
        if (selected != null) {
            compare().compareFrom("instance:" + selected.name());
            screen.set(Screen.COMPARE);
        }
    }

    /**
     * Opens the welcome (the Help menu's command, and the first run's): the demo fleet explained, and the way to connect
     * a first instance. Does nothing while it is open already.
     */
    public void showWelcome() {
        if (welcome.get() != null) {
            return;
        }
        var opened = new io.knobwright.app.ui.welcome.WelcomeViewModel(welcomeDesk, fleet, work, browser.namesInUse(),
                environment, alerts().needingAttentionProperty(), new io.knobwright.app.ui.welcome.WelcomeViewModel.Actions() {
            @Override
            public void registered(Instance instance) {
                screen.set(Screen.FLEET);
                reloadAndSelect(instance.id(), "Added " + instance.name() + " to the fleet.");
            }

            @Override
            public void removeDemoFleet() {
                WorkbenchViewModel.this.removeDemoFleet();
            }
        });
        opened.closedProperty().subscribe(isClosed -> {
            if (isClosed && welcome.get() == opened) {
                welcome.set(null);
            }
        });
        welcome.set(opened);
        opened.load();
    }

    /** Opens the welcome when this store's first run has not met it yet (decision 0145); read off the FX thread. */
    public void showWelcomeIfDue() {
        work.io("Check for the first-run welcome", () -> welcomeDesk.due().getAsBoolean(), due -> {
            if (due) {
                showWelcome();
            }
        }, text -> show(text, true));
    }

    /** The open welcome, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<io.knobwright.app.ui.welcome.WelcomeViewModel> welcomeProperty() {
        return welcome.getReadOnlyProperty();
    }

    /** A screen came to the front: it reads again what it shows (the fleet keeps what it has; F5 reloads it). */
    public void screenShown(Screen shown) {
        switch (shown) {
            case TEMPLATES -> templates().refresh();
            case PLANS -> plans().refresh();
            case COMPARE -> compare().refresh();
            case POLICY -> policy().refresh();
            case WORKLOAD -> showWorkload();
            case HEALTH -> showHealth();
            case WHATIF -> showWhatIf();
            case RECOMMENDATIONS -> showRecommendations();
            case ALERTS -> showAlerts();
            case FLEET, OPERATIONS -> { }
        }
    }

    /** Refresh (F5): the screen in front reads again what it shows; on the fleet, the fleet is loaded again. */
    public void refreshScreen() {
        switch (screen.get()) {
            case FLEET -> refresh();
            case OPERATIONS -> operations().refresh();
            default -> screenShown(screen.get());
        }
    }

    /** The screen in front; commands that finish on another screen bring it forward. */
    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty demoBannerProperty() {
        return demoBanner.getReadOnlyProperty();
    }

    public ObservableBooleanValue hasSelection() {
        return hasSelection;
    }

    public ObservableBooleanValue hasDemo() {
        return hasDemo;
    }

    /** Selected instance is a stored one that can be edited: everything but a running save. */
    public ObservableBooleanValue canEdit() {
        return Bindings.and(hasSelection, busy.not());
    }
}
