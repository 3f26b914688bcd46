package io.knobwright.app.ui.health;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.Theme;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Index advice for an instance: the candidates, each with a bar of its benefit per day beside its cost per call
 * before and after, size, writes and definition; the selected one's reason and queries; then the indexes that could
 * go (unused, duplicate, redundant), each with a bar of its size.
 */
public final class IndexAdviceView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(IndexAdviceView.class, "index-advice.css");
    private static final double BAR = 110;

    private final IndexAdviceViewModel vm;
    private final TableView<IndexAdviceViewModel.CandidateRow> candidates = new TableView<>();
    private final TableView<IndexAdviceViewModel.HygieneRow> hygiene = new TableView<>();
    private Subscription subscriptions = Subscription.EMPTY;

    public IndexAdviceView(IndexAdviceViewModel vm) {
        this.vm = vm;
        getStyleClass().add("index-advice-view");
        setTop(header());

        candidates.setId("index-candidates");
        candidates.setItems(vm.candidates());
        candidates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        candidates.getColumns().addAll(List.of(
                bar("Benefit / day", IndexAdviceViewModel.CandidateRow::benefit, IndexAdviceViewModel.CandidateRow::benefitShare,
                        "benefit-bar", 190),
                text("Cost per call", IndexAdviceViewModel.CandidateRow::costs, 130),
                text("Est. size", IndexAdviceViewModel.CandidateRow::size, 80),
                text("Writes / day", IndexAdviceViewModel.CandidateRow::writes, 95),
                text("By", IndexAdviceViewModel.CandidateRow::evaluatedWith, 70),
                text("Definition", IndexAdviceViewModel.CandidateRow::definition, 520)));
        candidates.setPlaceholder(new Label("No candidate yet: Advise reads the server and evaluates them."));
        candidates.setPrefHeight(130);

        Label detail = new Label();
        detail.setId("index-candidate-detail");
        detail.getStyleClass().add("candidate-detail");
        detail.setWrapText(true);
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.setMinHeight(Region.USE_PREF_SIZE);

        hygiene.setId("index-hygiene");
        hygiene.setItems(vm.hygiene());
        hygiene.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        hygiene.getColumns().addAll(List.of(
                kind(),
                text("Index", IndexAdviceViewModel.HygieneRow::index, 230),
                bar("Size", IndexAdviceViewModel.HygieneRow::size, IndexAdviceViewModel.HygieneRow::sizeShare, "size-bar", 180),
                text("Covered by", IndexAdviceViewModel.HygieneRow::coveredBy, 190),
                text("Why", IndexAdviceViewModel.HygieneRow::reason, 380)));
        hygiene.setPlaceholder(new Label("No unused, duplicate or redundant index."));
        VBox.setVgrow(hygiene, Priority.ALWAYS);

        Label candidatesTitle = section("Candidate indexes");
        Label hygieneTitle = section("Indexes that cost without serving");
        Label hygieneSummary = new Label();
        hygieneSummary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hygieneSummary.textProperty().bind(vm.hygieneSummaryProperty());
        Label notes = new Label();
        notes.setId("index-notes");
        notes.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        notes.setWrapText(true);

        VBox body = new VBox(8, candidatesTitle, candidates, detail,
                new HBox(12, hygieneTitle, hygieneSummary), hygiene, notes);
        body.getStyleClass().add("index-advice-body");
        ProgressIndicator loading = new ProgressIndicator();
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.setMaxSize(48, 48);
        setCenter(new StackPane(body, loading));

        subscriptions = Subscription.combine(
                candidates.getSelectionModel().selectedItemProperty().subscribe(row -> detail.setText(row == null ? ""
                        : row.definition() + "\n" + row.reason() + "\n" + row.queries())),
                vm.candidates().subscribe(() -> {
                    if (!vm.candidates().isEmpty()) {
                        candidates.getSelectionModel().selectFirst();
                    }
                }),
                vm.notes().subscribe(() -> notes.setText(String.join("\n", vm.notes()))));
    }

    private HBox header() {
        Label title = new Label("Index advice");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("index-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Label message = new Label();
        message.setId("index-message");
        message.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        message.textProperty().bind(vm.messageProperty());
        VBox titles = new VBox(2, title, summary, message);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        Button advise = new Button("Advise", new FontIcon(MaterialDesignM.MAGNIFY_SCAN));
        advise.setId("index-advise");
        advise.getStyleClass().add(Styles.ACCENT);
        advise.setOnAction(e -> vm.advise());
        advise.disableProperty().bind(vm.loadingProperty().or(vm.instanceProperty().isNull()));
        advise.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(16, titles, new Spacer(), advise);
        header.getStyleClass().add("index-advice-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        // definitions and reasons are longer than their column: the whole text is one hover away
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                whole.setText(item == null ? "" : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : whole);
            }
        });
        return column;
    }

    /** A number with a bar whose length is the row's share of the largest. */
    private static <R> TableColumn<R, R> bar(String title, Function<R, String> label, ToDoubleFunction<R> share,
                                             String styleClass, double width) {
        TableColumn<R, R> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TableCell<>() {
            private final Region fill = new Region();
            private final Label text = new Label();
            private final HBox box = new HBox(6, fill, text);

            {
                fill.getStyleClass().addAll("advice-bar", styleClass);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                double w = Math.max(2, BAR * share.applyAsDouble(row));
                fill.setMinWidth(w);
                fill.setPrefWidth(w);
                fill.setMaxWidth(w);
                text.setText(label.apply(row));
                setGraphic(box);
            }
        });
        return column;
    }

    private static TableColumn<IndexAdviceViewModel.HygieneRow, String> kind() {
        TableColumn<IndexAdviceViewModel.HygieneRow, String> column = text("Kind", IndexAdviceViewModel.HygieneRow::kind, 95);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String kind, boolean empty) {
                super.updateItem(kind, empty);
                getStyleClass().removeAll("kind-unused", "kind-duplicate", "kind-redundant");
                setText(empty ? null : kind);
                if (!empty && kind != null) {
                    getStyleClass().add("kind-" + kind.toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        return column;
    }

    /** Releases the view's listeners. */
    public void dispose() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }
}
