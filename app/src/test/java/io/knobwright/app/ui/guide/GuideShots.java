package io.knobwright.app.ui.guide;

import io.knobwright.app.ui.guide.GuideShot.Capture;
import io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen;
import io.knobwright.app.ui.HealthDemo;
import io.knobwright.simulator.model.Metric;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.knobwright.app.ui.guide.GuideFamily.ADMIN;
import static io.knobwright.app.ui.guide.GuideFamily.REVIEWER;

/**
 * Every picture of the user guide (docs/guide), in the order each family takes them, and the page of every screen.
 * A new picture is one entry here and one {@code ![...](images/NAME.png)} in a page; GuidePagesTest holds the two
 * together, and GuideScreenshotsUiTest takes the pictures.
 */
public final class GuideShots {

    private GuideShots() {
    }

    /** The guide's page for each screen of the main window (the Reviews panel has reviews.md). */
    public static final Map<Screen, String> SCREEN_PAGES = screenPages();

    private static Map<Screen, String> screenPages() {
        Map<Screen, String> pages = new EnumMap<>(Screen.class);
        pages.put(Screen.FLEET, "fleet.md");
        pages.put(Screen.OPERATIONS, "operations.md");
        pages.put(Screen.TEMPLATES, "templates.md");
        pages.put(Screen.PLANS, "plans.md");
        pages.put(Screen.COMPARE, "compare.md");
        pages.put(Screen.POLICY, "policy.md");
        pages.put(Screen.WORKLOAD, "workload.md");
        pages.put(Screen.HEALTH, "health.md");
        pages.put(Screen.WHATIF, "what-if.md");
        pages.put(Screen.ALERTS, "alerts.md");
        pages.put(Screen.RECOMMENDATIONS, "recommendations.md");
        return Map.copyOf(pages);
    }

    public static final List<GuideShot> ALL = List.of(
            new GuideShot("fleet.png", REVIEWER, Capture.DESKTOP, desk -> desk.screen(Screen.FLEET).select(desk.data().tuned)),
            new GuideShot("override-dialog.png", REVIEWER, Capture.DIALOG, desk -> {
                desk.screen(Screen.FLEET).select(desk.data().overridden);
                var dialog = desk.openDialog(() -> desk.vm().emergencyOverride(), "#qo-parameter");
                desk.fx(() -> {
                    var scene = dialog.getScene();
                    ((TextField) scene.lookup("#qo-parameter")).setText("work_mem");
                    ((TextField) scene.lookup("#qo-value")).setText("256MB");
                    ((ComboBox<?>) scene.lookup("#qo-duration")).getEditor().setText("1h");
                    ((TextInputControl) scene.lookup("#qo-reason")).setText("INC-2230 hash joins spilling to disk");
                });
            }),
            new GuideShot("operations.png", REVIEWER, Capture.WINDOW, desk -> {
                desk.screen(Screen.OPERATIONS);
                desk.waitUntil(() -> desk.vm().operations().active().size() == 3);
            }),
            new GuideShot("templates-new-child.png", REVIEWER, Capture.DIALOG, desk -> {
                desk.screen(Screen.TEMPLATES);
                desk.waitUntil(() -> !desk.vm().templates().templates().isEmpty());
                desk.fx(() -> desk.vm().templates().select("postgresql-oltp"));
                desk.openDialog(() -> desk.vm().templates().newChild(), "#dialog-template-name");
                desk.fx(() -> ((TextField) desk.dialog("#dialog-template-name").orElseThrow().getScene()
                        .lookup("#dialog-template-name")).setText("payments-oltp-eu"));
            }),
            new GuideShot("templates-edit.png", REVIEWER, Capture.DESKTOP, desk -> {
                openTemplate(desk, "payments-oltp");
                var editor = desk.vm().templates().editor();
                desk.fx(() -> {
                    var row = entry(desk, "work_mem");
                    editor.selectedRowProperty().set(row);
                    row.textProperty().set("128MB");
                });
                desk.waitUntil(() -> editor.diff().rows().stream().anyMatch(r -> r.name().equals("work_mem")
                        && "128MB".equals(r.left())));
                desk.fx(() -> desk.<TextInputControl>lookup("#template-comment").setText("Bigger sorts for the payment batches"));
            }),
            new GuideShot("templates-invalid.png", REVIEWER, Capture.DESKTOP, desk -> {
                var editor = desk.vm().templates().editor();
                desk.fx(() -> entry(desk, "work_mem").textProperty().set("9TB"));
                desk.waitUntil(() -> editor.hasErrorsProperty().get() && !editor.issues().isEmpty());
            }),
            new GuideShot("templates-create-plans.png", REVIEWER, Capture.DIALOG, desk -> {
                desk.fx(() -> desk.vm().templates().editor().discard());
                desk.fx(() -> desk.vm().templates().select("postgresql-oltp"));
                desk.waitUntil(() -> desk.vm().templates().editor().loadedProperty().get() != null
                        && desk.vm().templates().editor().loadedProperty().get().name().equals("postgresql-oltp"));
                desk.openDialog(() -> desk.vm().templates().createPlans(), "#plan-targets-list");
            }),
            new GuideShot("plans.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.screen(Screen.PLANS);
                desk.waitUntil(() -> !desk.vm().plans().plans().isEmpty());
                desk.fx(() -> desk.vm().plans().select(desk.demo().halfApproved.id()));
                desk.waitUntil(() -> !desk.vm().plans().changes().isEmpty());
            }),
            new GuideShot("reviews.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.fx(() -> desk.workbench().view().openReviews());
                var reviews = desk.vm().reviews();
                desk.waitUntil(() -> reviews.rows().stream().anyMatch(r -> r.planId() == desk.demo().halfApproved.id()));
                desk.fx(() -> reviews.select(reviews.rows().stream()
                        .filter(r -> r.planId() == desk.demo().halfApproved.id()).findFirst().orElseThrow()));
            }),
            new GuideShot("reviews-break-glass.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.fx(() -> {
                    javafx.scene.control.TabPane tabs = desk.lookup(".review-tabs");
                    tabs.getSelectionModel().select(tabs.getTabs().stream()
                            .filter(t -> "review-tab-break-glass".equals(t.getId())).findFirst().orElseThrow());
                });
                desk.waitUntil(() -> !desk.<ListView<?>>lookup("#break-glass-list").getItems().isEmpty());
                desk.fx(() -> desk.<ListView<?>>lookup("#break-glass-list").getSelectionModel().select(0));
                desk.fx(() -> desk.<TextInputControl>lookup("#break-glass-comment")
                        .setText("Pool sizes checked after the sale; keep the raise."));
            }),
            new GuideShot("compare.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.fx(() -> desk.vm().reviews().shownProperty().set(false));
                desk.screen(Screen.FLEET).select(desk.data().tuned);
                desk.fx(() -> desk.vm().compareSelected());
                desk.fx(() -> {
                    desk.vm().compare().rightProperty().set("payments-oltp");
                    desk.vm().compare().compare();
                });
                desk.waitUntil(() -> !desk.vm().compare().diff().rows().isEmpty());
            }),
            new GuideShot("workload.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.screen(Screen.FLEET).select(desk.data().tuned).screen(Screen.WORKLOAD);
                desk.waitUntil(() -> !desk.vm().workload().loadingProperty().get()
                        && desk.vm().workload().messageProperty().get().isEmpty());
            }),
            new GuideShot("health.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.screen(Screen.FLEET).select(HealthDemo.BUSY_CONNECTIONS).screen(Screen.HEALTH);
                var health = desk.vm().health();
                desk.waitUntil(() -> !health.connectionsLoadingProperty().get() && !health.storageLoadingProperty().get());
                if (health.connectionsProperty().get() == null) {
                    throw new AssertionError("No connections on the Health screen: " + health.connectionsMessageProperty().get());
                }
            }),
            new GuideShot("health-storage.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.screen(Screen.FLEET).select(HealthDemo.FILLING_DISK).screen(Screen.HEALTH);
                var health = desk.vm().health();
                desk.waitUntil(() -> !health.storageLoadingProperty().get());
                if (health.storageProperty().get() == null || health.storageProperty().get().forecast() == null) {
                    throw new AssertionError("No storage forecast on the Health screen: " + health.storageMessageProperty().get());
                }
            }),
            new GuideShot("health-backups.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.screen(Screen.FLEET).select(HealthDemo.FAILED_BACKUP).screen(Screen.HEALTH);
                var backups = desk.vm().health().backups();
                desk.waitUntil(() -> !backups.loadingProperty().get() && !desk.vm().health().storageLoadingProperty().get());
                desk.scrollTo(root -> root.lookup("#health-backups-message").getParent());
            }),
            new GuideShot("alerts.png", REVIEWER, Capture.DESKTOP, desk -> {
                desk.screen(Screen.ALERTS);
                desk.waitUntil(() -> desk.vm().alerts().alerts().size() >= 4);
            }),
            new GuideShot("what-if.png", REVIEWER, Capture.DESKTOP, desk -> {
                var vm = desk.vm();
                desk.screen(Screen.FLEET).select(desk.data().tuned).screen(Screen.WHATIF);
                desk.waitUntil(() -> !vm.whatIf().loadingProperty().get() && vm.whatIf().baselineProperty().get() != null);
                var whatIf = vm.whatIf();
                // what-if 1 doubles shared_buffers; what-if 2 adds a work_mem too large for 211 clients (a warning);
                // what-if 3 starts again from today's settings and spaces checkpoints out
                desk.fx(() -> {
                    whatIf.edit(1);
                    field(whatIf, "shared_buffers").textProperty().set(io.knobwright.app.ui.whatif.WhatIfFormats.bytesSetting(
                            whatIf.baselineProperty().get().current().get("shared_buffers") * 2));
                    whatIf.addScenario();
                    field(whatIf, "work_mem").textProperty().set("2GB");
                    whatIf.addScenario();
                    whatIf.resetScenario();
                    field(whatIf, "max_wal_size").textProperty().set("8GB");
                    field(whatIf, "checkpoint_timeout").textProperty().set("15min");
                    whatIf.predict();
                });
                desk.waitUntil(() -> !whatIf.predictingProperty().get() && !whatIf.staleProperty().get()
                        && whatIf.predictionsProperty().get().size() == 4);
                desk.fx(() -> whatIf.select(Metric.THROUGHPUT_TPS, 2));
            }),
            new GuideShot("what-if-sweep.png", REVIEWER, Capture.DESKTOP, desk -> {
                var whatIf = desk.vm().whatIf();
                desk.fx(() -> whatIf.sweep("shared_buffers"));
                desk.waitUntil(() -> whatIf.sweepProperty().get() != null && !whatIf.sweepingProperty().get());
                desk.scrollTo(root -> root.lookup(".sweep-chart"));
            }),
            new GuideShot("what-if-plan.png", REVIEWER, Capture.DESKTOP, desk -> {
                var whatIf = desk.vm().whatIf();
                desk.fx(() -> desk.vm().simulatePlan(desk.data().tunedPlan.id()));
                desk.waitUntil(() -> whatIf.planProperty().get() != null && !whatIf.loadingProperty().get()
                        && whatIf.baselineProperty().get() != null);
                desk.fx(whatIf::predict);
                desk.waitUntil(whatIf::canAttach);
                desk.fx(whatIf::attachToPlan);
                desk.waitUntil(() -> whatIf.messageProperty().get().startsWith("Attached"));
            }),
            new GuideShot("recommendations.png", REVIEWER, Capture.DESKTOP, desk -> {
                var vm = desk.vm();
                // the guide's measured instance (tuned) idles on 96 cores: nothing to change. A smaller production
                // server with the same demo workload gets the answer worth showing (its settings exceed the budget)
                var measured = desk.data().named("pg-warehouse-mgmt-prod-01");
                GuideData.collected(desk.demo().store(), measured, java.time.Instant.now().truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS));
                desk.screen(Screen.FLEET).select(measured).screen(Screen.RECOMMENDATIONS);
                var screen = vm.recommendations();
                desk.waitUntil(() -> screen.instanceProperty().get() != null
                        && screen.instanceProperty().get().id() == measured.id());
                desk.fx(screen::recommend);
                desk.waitUntil(() -> !screen.runningProperty().get() && screen.shownProperty().get() != null);
                if (screen.shownProperty().get().failed()) {
                    throw new AssertionError("No recommendation for the guide's measured instance: "
                            + screen.shownProperty().get().failure());
                }
                if (screen.cards().isEmpty()) {
                    throw new AssertionError("No card for " + measured.name() + ": "
                            + screen.shownProperty().get().outcome().set().noChangeReason());
                }
                desk.fx(screen::acceptAll);
                desk.scrollTo(root -> root.lookup(".rec-card"));
            }),
            new GuideShot("welcome.png", REVIEWER, Capture.DIALOG, desk -> desk.openWelcome()),
            new GuideShot("welcome-connect.png", REVIEWER, Capture.DIALOG, desk -> {
                var welcome = desk.openWelcome();
                var form = welcome.connect();
                desk.fx(() -> {
                    welcome.connectFirstInstance();
                    // a name no resolver knows (RFC 6761): the test fails the same way on every machine, with no server
                    form.hostProperty().set("db.example.invalid");
                    form.userProperty().set("knobwright");
                    form.useEnvironmentProperty().set(false);
                    form.passwordProperty().set("secret");
                    form.tierProperty().set(io.knobwright.model.fleet.Tier.PRODUCTION);
                    form.nameProperty().set("orders-db");
                    form.test();
                });
                desk.waitUntil(() -> !form.busyProperty().get() && form.verdictProperty().get() != null);
            }),
            new GuideShot("shortcuts.png", REVIEWER, Capture.DIALOG, desk -> {
                desk.closeWelcome();
                desk.fx(() -> desk.workbench().view().showShortcuts());
                desk.waitUntil(() -> desk.dialog(".dialog-pane").isPresent());
            }),
            new GuideShot("policy.png", ADMIN, Capture.DESKTOP, desk -> {
                desk.screen(Screen.POLICY);
                desk.waitUntil(() -> desk.vm().policy().loadedProperty().get());
                desk.fx(() -> desk.<ListView<?>>lookup("#policy-rules").getSelectionModel().select(0));
            }));

    private static void openTemplate(GuideDesk desk, String name) throws Exception {
        desk.screen(Screen.TEMPLATES);
        desk.waitUntil(() -> desk.vm().templates().templates().stream().anyMatch(t -> t.name().equals(name)));
        desk.fx(() -> desk.vm().templates().select(name));
        desk.waitUntil(() -> desk.vm().templates().editor().loadedProperty().get() != null
                && desk.vm().templates().editor().loadedProperty().get().name().equals(name));
    }

    private static io.knobwright.app.ui.template.EntryRow entry(GuideDesk desk, String parameter) {
        return desk.vm().templates().editor().rows().stream()
                .filter(r -> r.parameterProperty().get().equals(parameter)).findFirst().orElseThrow();
    }

    private static io.knobwright.app.ui.whatif.TunableField field(io.knobwright.app.ui.whatif.WhatIfViewModel vm, String name) {
        return vm.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
