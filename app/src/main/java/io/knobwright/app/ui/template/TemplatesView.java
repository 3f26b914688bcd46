package io.knobwright.app.ui.template;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.StatusMessages;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.ui.diff.DiffView;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateVersion;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The Templates screen: the template list, the editor of the selected template (entries, the entry being
 * edited, problems, history) and, under it, the diff of the draft against what the user compares it with.
 */
public final class TemplatesView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(TemplatesView.class, "templates.css");

    private final TemplatesViewModel vm;
    private final TemplateListPane listPane;
    private final EntryForm entryForm;
    private final DiffView diffView;
    private Subscription subscriptions = Subscription.EMPTY;

    public TemplatesView(TemplatesViewModel vm) {
        this(vm, ZoneId.systemDefault());
    }

    public TemplatesView(TemplatesViewModel vm, ZoneId zone) {
        this.vm = vm;
        getStyleClass().add("templates-view");
        TemplateEditorViewModel editor = vm.editor();
        listPane = new TemplateListPane(vm);
        entryForm = new EntryForm(editor);
        diffView = new DiffView(editor.diff());
        diffView.setId("template-diff");

        VBox side = new VBox(18, entryForm, new Separator(), new HistoryPane(vm, zone));
        side.getStyleClass().add("editor-side");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.getStyleClass().add("editor-side-scroll");

        SplitPane entriesAndForm = new SplitPane(entries(editor), sideScroll);
        entriesAndForm.setDividerPositions(0.68);
        SplitPane editorAndDiff = new SplitPane(entriesAndForm, comparison(editor));
        editorAndDiff.setOrientation(Orientation.VERTICAL);
        editorAndDiff.setDividerPositions(0.5);
        editorAndDiff.setId("template-editor-split");

        BorderPane editorArea = new BorderPane(editorAndDiff);
        editorArea.setTop(header(editor));
        editorArea.setBottom(saveBar(editor));
        SplitPane main = new SplitPane(listPane, editorArea);
        main.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(listPane, false);
        setTop(new VBox(messageLine(), toolbar()));
        setCenter(main);
    }

    private ToolBar toolbar() {
        Button child = button("template-new-child", "New child", MaterialDesignS.SOURCE_BRANCH_PLUS, vm::newChild);
        Button copy = button("template-copy", "Copy", MaterialDesignC.CONTENT_COPY, vm::copySelected);
        Button importFile = button("template-import", "Import…", MaterialDesignF.FILE_IMPORT_OUTLINE, vm::importTemplate);
        Button export = button("template-export", "Export…", MaterialDesignF.FILE_EXPORT_OUTLINE, vm::exportSelected);
        Button plans = button("template-create-plans", "Create plans…", MaterialDesignC.CLIPBOARD_ARROW_RIGHT_OUTLINE,
                vm::createPlans);
        plans.getStyleClass().add("primary-action");
        for (Button b : new Button[] {child, copy, export, plans}) {
            b.disableProperty().bind(vm.hasSelection().not().or(vm.busyProperty()));
        }
        importFile.disableProperty().bind(vm.busyProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("template-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.setPrefWidth(180);
        Label progressText = new Label();
        progressText.textProperty().bind(vm.progressTextProperty());
        progressText.visibleProperty().bind(vm.busyProperty());
        return new ToolBar(child, copy, new Separator(Orientation.VERTICAL), importFile, export,
                new Separator(Orientation.VERTICAL), plans, new Spacer(), progressText, progress);
    }

    private Message messageLine() {
        Message message = new Message();
        message.setId("template-message");
        subscriptions = subscriptions.and(StatusMessages.bind(message, vm.message().textProperty(), vm.message().errorProperty(),
                () -> vm.message().dismiss()));
        return message;
    }

    /** Name, version, lineage and description; a read-only notice for built-in templates. */
    private VBox header(TemplateEditorViewModel editor) {
        Label name = new Label();
        name.setId("template-title");
        name.getStyleClass().add(Styles.TITLE_3);
        Label facts = new Label();
        facts.setId("template-facts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        Label description = new Label();
        description.setWrapText(true);
        subscriptions = subscriptions.and(editor.loadedProperty().subscribe(v -> {
            name.setText(v == null ? "" : v.name());
            facts.setText(v == null ? "" : facts(v));
            description.setText(v == null ? "" : v.template().description());
        }));
        Label readOnly = new Label("Built-in templates are read-only. Copy it to customise, or start a child that inherits"
                + " from it and sets only what differs.", new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        readOnly.setId("template-read-only");
        readOnly.getStyleClass().add("read-only-notice");
        readOnly.setWrapText(true);
        readOnly.visibleProperty().bind(editor.editableProperty().not().and(editor.loadedProperty().isNotNull()));
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        VBox header = new VBox(4, name, facts, description, readOnly);
        header.getStyleClass().add("template-header");
        return header;
    }

    private static String facts(TemplateVersion v) {
        Template t = v.template();
        String versions = t.targetVersions().size() == 1 ? t.targetVersions().getFirst()
                : t.targetVersions().getFirst() + "–" + t.targetVersions().getLast();
        return t.engine().displayName() + " " + versions + " · v" + v.version() + " saved by " + v.author()
                + (t.parent() == null ? " · root template" : " · inherits " + t.parent())
                + " · " + t.entries().size() + " own " + (t.entries().size() == 1 ? "entry" : "entries");
    }

    /** The entry table over the list of problems found in the draft. */
    private VBox entries(TemplateEditorViewModel editor) {
        TableView<EntryRow> table = EntryTable.create(editor);
        VBox.setVgrow(table, Priority.ALWAYS);
        ListView<IssueLine> issues = new ListView<>(editor.issues());
        issues.setId("template-issues");
        issues.getStyleClass().add("issue-list");
        issues.setPrefHeight(110);
        issues.setMinHeight(60);
        issues.setPlaceholder(new Label("No problems found on any targeted version."));
        issues.setCellFactory(v -> new IssueCell());
        issues.getSelectionModel().selectedItemProperty().subscribe(line -> {
            if (line != null && !line.parameter().isEmpty()) {
                editor.rows().stream().filter(r -> line.parameter().equalsIgnoreCase(r.parameterProperty().get()))
                        .findFirst().ifPresent(editor.selectedRowProperty()::set);
            }
        });
        return new VBox(table, issues);
    }

    /** The compare box and note above the diff view. */
    private VBox comparison(TemplateEditorViewModel editor) {
        ComboBox<CompareTarget> target = new ComboBox<>(editor.compareTargets());
        target.setId("compare-target");
        target.valueProperty().bindBidirectional(editor.compareTargetProperty());
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(CompareTarget t) {
                return t == null ? "" : t.label();
            }

            @Override
            public CompareTarget fromString(String s) {
                return null;
            }
        });
        target.setVisibleRowCount(16);
        target.setPrefWidth(420);
        Label compareLabel = new Label("Compare the draft with");
        compareLabel.setLabelFor(target);
        Label note = new Label();
        note.setId("compare-note");
        note.getStyleClass().add("compare-note");
        note.textProperty().bind(editor.diffNoteProperty());
        note.setWrapText(true);
        compareLabel.setMinWidth(Region.USE_PREF_SIZE);
        target.setMinWidth(280);
        HBox bar = new HBox(10, compareLabel, target, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compare-bar");
        VBox.setVgrow(diffView, Priority.ALWAYS);
        return new VBox(bar, diffView);
    }

    /** Validation summary, comment, Discard and Save. */
    private HBox saveBar(TemplateEditorViewModel editor) {
        Label summary = new Label();
        summary.setId("template-validation");
        summary.textProperty().bind(editor.validationSummaryProperty());
        subscriptions = subscriptions.and(editor.hasErrorsProperty().subscribe(errors -> {
            summary.setGraphic(new FontIcon(errors ? MaterialDesignA.ALERT_CIRCLE : MaterialDesignC.CHECK_CIRCLE_OUTLINE));
            summary.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            summary.getStyleClass().add(errors ? Styles.DANGER : Styles.SUCCESS);
        }));
        TextField comment = new TextField();
        comment.setId("template-comment");
        comment.setPromptText("What changed and why (kept in the history)");
        comment.setPrefColumnCount(36);
        Button discard = button("template-discard", "Discard", MaterialDesignU.UNDO, editor::discard);
        discard.disableProperty().bind(editor.dirtyProperty().not());
        Button save = button("template-save", "Save new version", MaterialDesignC.CONTENT_SAVE_OUTLINE, () -> {
            editor.save(comment.getText());
            comment.clear();
        });
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(Bindings.or(editor.dirtyProperty().not(), editor.hasErrorsProperty())
                .or(editor.editableProperty().not()));
        comment.disableProperty().bind(editor.editableProperty().not());
        HBox bar = new HBox(10, summary, new Spacer(), comment, discard, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("save-bar");
        return bar;
    }

    private static Button button(String id, String text, Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    public DiffView diffView() {
        return diffView;
    }

    public void dispose() {
        subscriptions.unsubscribe();
        listPane.dispose();
        entryForm.dispose();
    }

    /** A problem with its severity's icon. */
    private static final class IssueCell extends ListCell<IssueLine> {
        @Override
        protected void updateItem(IssueLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (line.severity()) {
                case ERROR -> MaterialDesignA.ALERT_CIRCLE;
                case WARNING -> MaterialDesignA.ALERT;
                case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
            });
            icon.getStyleClass().addAll("issue-icon", line.severity().name().toLowerCase(Locale.ROOT));
            setGraphic(icon);
            setText((line.parameter().isEmpty() || line.text().contains(line.parameter()) ? "" : line.parameter() + ": ")
                    + line.text());
        }
    }
}
