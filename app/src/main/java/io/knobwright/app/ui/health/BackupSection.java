package io.knobwright.app.ui.health;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

import java.time.ZoneId;
import java.util.List;

/**
 * The Backups section's content under its heading: whether the RPO is met (in the verdict's colour), the schedule
 * and its missed runs, the newest backup and its problems by name, the timeline, and the newest verifications.
 * Hidden while there is no verified backup (the section's message then says what to do).
 */
final class BackupSection extends VBox {

    static final String CHART_HEADING = "Verified backups by the time they were taken: height is the size, colour the verdict";

    private final BackupTimelineChart chart;
    private Subscription subscriptions = Subscription.EMPTY;

    BackupSection(BackupHealthViewModel vm, ZoneId zone) {
        super(6);
        chart = new BackupTimelineChart(zone);
        chart.setId("health-backup-chart");
        chart.setPrefHeight(320);
        chart.setMinHeight(280);

        Label rpo = label("health-backup-rpo", vm.rpoTextProperty());
        rpo.getStyleClass().add("backup-rpo");
        Label schedule = label("health-backup-schedule", vm.scheduleTextProperty());
        Label latest = label("health-backup-latest", vm.latestTextProperty());
        VBox problems = new VBox(2);
        problems.setId("health-backup-problems");
        TableView<BackupHealthViewModel.BackupRow> recent = HealthView.table("health-backup-recent", "No backup verified yet.",
                List.of(HealthView.column("Taken", BackupHealthViewModel.BackupRow::taken, 150),
                        HealthView.column("Kind", BackupHealthViewModel.BackupRow::kind, 200), verdictColumn(),
                        HealthView.column("Size", BackupHealthViewModel.BackupRow::size, 110),
                        HealthView.column("Problems", BackupHealthViewModel.BackupRow::problems, 520)));
        recent.setItems(vm.recent());
        recent.getStyleClass().add(Styles.DENSE);
        recent.setFixedCellSize(30);
        recent.setPrefHeight(40 + 30 * BackupHealthViewModel.RECENT);
        Label recentTitle = new Label("Newest verifications");
        recentTitle.getStyleClass().add(Styles.TEXT_BOLD);
        getChildren().addAll(rpo, schedule, latest, problems, chart, recentTitle, recent);

        subscriptions = subscriptions.and(vm.rpoMetProperty().subscribe(met ->
                rpo.getStyleClass().setAll("label", "backup-rpo", met ? "backup-rpo-met" : "backup-rpo-overdue")));
        subscriptions = subscriptions.and(vm.latestProblems().subscribe(() -> problems.getChildren().setAll(
                vm.latestProblems().stream().map(p -> {
                    Label line = new Label(p);
                    line.getStyleClass().add("backup-problem");
                    line.setWrapText(true);
                    line.setMinHeight(Region.USE_PREF_SIZE);
                    return line;
                }).toList())));
        subscriptions = subscriptions.and(vm.overviewProperty().subscribe(o -> {
            setVisible(o != null);
            setManaged(o != null);
            if (o != null) {
                chart.show(CHART_HEADING, o);
            }
        }));
    }

    private static TableColumn<BackupHealthViewModel.BackupRow, String> verdictColumn() {
        TableColumn<BackupHealthViewModel.BackupRow, String> column = HealthView.column("Verdict",
                BackupHealthViewModel.BackupRow::verdict, 100);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String verdict, boolean empty) {
                super.updateItem(verdict, empty);
                getStyleClass().removeIf(s -> s.startsWith("backup-verdict-"));
                setText(empty ? null : verdict);
                if (!empty && verdict != null) {
                    getStyleClass().add("backup-verdict-" + verdict);
                }
            }
        });
        return column;
    }

    private static Label label(String id, javafx.beans.property.ReadOnlyStringProperty text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    BackupTimelineChart chart() {
        return chart;
    }

    void dispose() {
        subscriptions.unsubscribe();
    }
}
