package io.knobwright.app.ui.template;

import io.knobwright.app.template.ConfigFormat;
import io.knobwright.app.ui.common.DialogService;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link TemplateDialogs} with JavaFX dialogs owned by the main window and styled like it. */
public final class FxTemplateDialogs implements TemplateDialogs {

    private static final String AS_THE_FILE_SAYS = "As the file says";

    private final Supplier<Window> owner;
    private final Theme theme;
    private final DialogService common;
    private File lastDirectory;

    public FxTemplateDialogs(Supplier<Window> owner, Theme theme, DialogService common) {
        this.owner = owner;
        this.theme = theme;
        this.common = common;
    }

    @Override
    public Optional<String> askName(String title, String explanation, String suggested) {
        TextField name = new TextField(suggested);
        name.setId("dialog-template-name");
        name.setPrefColumnCount(28);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        Dialog<String> dialog = dialog(title, explanation, new VBox(8, name, error), "Create");
        Node create = dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().getFirst());
        // Template names are used in references (name@3) and file names: keep them to a safe alphabet.
        name.textProperty().subscribe(text -> {
            String problem = nameProblem(text);
            error.setText(problem);
            create.setDisable(!problem.isEmpty());
        });
        dialog.setResultConverter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? name.getText().strip() : null);
        name.requestFocus();
        return dialog.showAndWait();
    }

    static String nameProblem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "Give the template a name.";
        }
        if (!t.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,119}")) {
            return "Use letters, digits, '.', '_' and '-' (up to 120), starting with a letter or digit.";
        }
        return "";
    }

    @Override
    public Optional<ImportRequest> chooseImport() {
        FileChooser chooser = chooser("Import template");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Templates and configuration files", "*.conf", "*.cnf", "*.ini",
                        "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.getParentFile();
        TextField name = new TextField(file.getName().replaceFirst("\\.[^.]+$", "").replaceAll("[^A-Za-z0-9._-]", "-"));
        name.setId("dialog-import-name");
        ChoiceBox<Object> server = new ChoiceBox<>();
        server.setId("dialog-import-server");
        server.getItems().add(AS_THE_FILE_SAYS);
        for (Engine e : Engine.values()) {
            server.getItems().add(e);
            e.supportedVersions().forEach(v -> server.getItems().add(new EngineVersion(e, v)));
        }
        server.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object item) {
                return item instanceof Engine e ? e.displayName() + ", version as the file says" : String.valueOf(item);
            }

            @Override
            public Object fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        server.getSelectionModel().selectFirst();
        TextField parent = new TextField();
        parent.setPromptText("optional: a template to inherit from");
        GridPane form = form(List.of("Name", "Server", "Parent"), List.of(name, server, parent));
        Dialog<ImportRequest> dialog = dialog("Import " + file.getName(), "A postgresql.conf, a my.cnf or a YAML/JSON"
                + " template. Values are checked against the server version you choose, else the one the file's groups"
                + " name, else the newest. Settings of one server (data directory, port...) are left out. Nothing is"
                + " stored if any line is wrong.", form, "Import");
        dialog.setResultConverter(b -> b.getButtonData() != ButtonBar.ButtonData.OK_DONE ? null
                : new ImportRequest(file.toPath(), name.getText().strip(),
                server.getValue() instanceof EngineVersion v ? v.engine() : server.getValue() instanceof Engine e ? e : null,
                server.getValue() instanceof EngineVersion v ? v.major() : null,
                parent.getText().isBlank() ? null : parent.getText().strip()));
        return dialog.showAndWait();
    }

    @Override
    public Optional<ExportRequest> chooseExport(String template, Engine engine, String instanceName) {
        FileChooser chooser = chooser("Export " + template);
        List<FileChooser.ExtensionFilter> filters = new ArrayList<>();
        filters.add(new FileChooser.ExtensionFilter("YAML template", "*.yaml"));
        filters.add(new FileChooser.ExtensionFilter("JSON template", "*.json"));
        if (instanceName != null) {
            filters.add(engine == Engine.POSTGRESQL
                    ? new FileChooser.ExtensionFilter("postgresql.conf resolved for " + instanceName, "*.conf")
                    : new FileChooser.ExtensionFilter("my.cnf resolved for " + instanceName, "*.cnf"));
            filters.add(new FileChooser.ExtensionFilter("SQL script (ALTER SYSTEM / SET PERSIST) for " + instanceName, "*.sql"));
        }
        chooser.getExtensionFilters().addAll(filters);
        chooser.setInitialFileName(template + ".yaml");
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.getParentFile();
        String pattern = chooser.getSelectedExtensionFilter() == null ? "*.yaml"
                : chooser.getSelectedExtensionFilter().getExtensions().getFirst();
        String extension = pattern.substring(1);
        Path path = file.getName().contains(".") ? file.toPath() : file.toPath().resolveSibling(file.getName() + extension);
        ConfigFormat format = extension.equals(".sql") ? ConfigFormat.SQL : ConfigFormat.of(Path.of("x" + extension));
        return Optional.of(new ExportRequest(path, format));
    }

    @Override
    public Optional<PlanRequest> choosePlanTargets(PlanTargetsViewModel choices) {
        PlanTargetsPane pane = new PlanTargetsPane(choices);
        Dialog<PlanRequest> dialog = dialog("Create plans from " + choices.template(), "Each chosen instance gets a draft"
                + " plan: every change from its current value to the template's, with apply mode and restart. Instances"
                + " that follow " + choices.template() + " are ticked.", pane, "Create plans");
        // As wide as the theme lets a dialog be (600 pixels), and tall enough for a useful part of the list.
        dialog.getDialogPane().setPrefSize(600, 620);
        dialog.setResizable(true);
        Button create = (Button) dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().getFirst());
        create.setId("dialog-plan-create");
        create.textProperty().bind(choices.createLabelProperty());
        create.disableProperty().bind(choices.canCreateProperty().not());
        dialog.setResultConverter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? choices.request() : null);
        var unstyle = dialog.getOnHidden();
        dialog.setOnHidden(e -> {
            unstyle.handle(e);
            pane.dispose();
        });
        return dialog.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return common.confirm(title, message, confirmLabel);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private static GridPane form(List<String> labels, List<Node> fields) {
        GridPane grid = new GridPane(12, 8);
        for (int i = 0; i < labels.size(); i++) {
            grid.addRow(i, new Label(labels.get(i)), fields.get(i));
        }
        return grid;
    }

    private <T> Dialog<T> dialog(String title, String explanation, Node content, String okLabel) {
        Dialog<T> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.setMaxWidth(520);
        // All its lines, also when the content below wants every pixel of height.
        text.setMinHeight(Region.USE_PREF_SIZE);
        // The theme pads the content (1em); padding set here would replace that and push it against the edge.
        VBox body = new VBox(12, text, content);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().addAll(new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        var styling = theme.style(dialog.getDialogPane(), TemplatesView.STYLESHEET);
        dialog.setOnHidden(e -> styling.unsubscribe());
        return dialog;
    }
}
