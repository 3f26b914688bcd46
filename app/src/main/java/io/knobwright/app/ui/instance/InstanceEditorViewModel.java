package io.knobwright.app.ui.instance;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.connectors.ServerInfo;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The add/edit instance form. Adding needs a reachable server (Save registers it, which probes it);
 * editing changes name, tier, criticality, workload, tags and the hardware facts ({@link HardwareForm}).
 * Errors show next to their field, and nothing is stored until every field is valid.
 */
public final class InstanceEditorViewModel {

    private final FleetService fleet;
    private final BackgroundWork work;
    private final Set<String> namesInUse;
    private final UnaryOperator<String> environment;
    private final Instance editing;
    private final HardwareForm hardware;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty jdbcUrl = new SimpleStringProperty(this, "jdbcUrl", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty passwordEnv = new SimpleStringProperty(this, "passwordEnv", "");
    private final BooleanProperty useEnvironment = new SimpleBooleanProperty(this, "useEnvironment");
    private final ObjectProperty<Tier> tier = new SimpleObjectProperty<>(this, "tier", Tier.DEVELOPMENT);
    private final ObjectProperty<Criticality> criticality = new SimpleObjectProperty<>(this, "criticality", Criticality.MEDIUM);
    private final ObjectProperty<WorkloadKind> workload = new SimpleObjectProperty<>(this, "workload", WorkloadKind.MIXED);
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");

    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper(this, "urlError", "");
    private final ReadOnlyStringWrapper passwordEnvError = new ReadOnlyStringWrapper(this, "passwordEnvError", "");
    private final ReadOnlyStringWrapper tagsError = new ReadOnlyStringWrapper(this, "tagsError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyBooleanWrapper testSucceeded = new ReadOnlyBooleanWrapper(this, "testSucceeded");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private final ReadOnlyObjectWrapper<Instance> saved = new ReadOnlyObjectWrapper<>(this, "saved");

    /** Set by the first Save, so "required" errors do not greet the user on an empty form. */
    private boolean triedToSave;

    /**
     * @param editing     the instance to edit, or null to add a new one
     * @param namesInUse  lower-case names already in the fleet
     * @param environment looks up environment variables (System::getenv in the app)
     */
    public InstanceEditorViewModel(FleetService fleet, BackgroundWork work, Set<String> namesInUse,
                                   UnaryOperator<String> environment, Instance editing) {
        this.fleet = Objects.requireNonNull(fleet);
        this.work = Objects.requireNonNull(work);
        this.namesInUse = Set.copyOf(namesInUse);
        this.environment = Objects.requireNonNull(environment);
        this.editing = editing;
        this.hardware = editing == null ? null : new HardwareForm(editing.hardware());
        if (editing != null) {
            name.set(editing.name());
            tier.set(editing.tier());
            criticality.set(editing.criticality());
            workload.set(editing.workload());
            tags.set(Formats.tags(editing.tags()));
            if (editing.connection() != null) {
                jdbcUrl.set(InstanceFacts.safeUrl(editing.connection().jdbcUrl()));
                user.set(Objects.requireNonNullElse(editing.connection().user(), ""));
            }
        }
        // Change (not invalidation) subscriptions: they fire on every edit, whether or not anyone read the value.
        for (ObservableValue<?> field : List.of(name, jdbcUrl, passwordEnv, useEnvironment, tags)) {
            field.subscribe((before, now) -> validate());
        }
        for (ObservableValue<?> field : List.of(jdbcUrl, user, password, passwordEnv, useEnvironment)) {
            field.subscribe((before, now) -> testResult.set(""));
        }
    }

    public boolean isEditing() {
        return editing != null;
    }

    /** The hardware fields when editing; null when adding (registration probes the server instead). */
    public HardwareForm hardware() {
        return hardware;
    }

    public String title() {
        return editing == null ? "Add instance" : "Edit " + editing.name();
    }

    /** Runs the checks and publishes their messages; true when Save may proceed. */
    public boolean validate() {
        String n = name.get().trim();
        nameError.set(n.isEmpty() ? (triedToSave ? "Give the instance a name, e.g. orders-db-01." : "")
                : n.length() > 200 ? "Keep the name under 200 characters."
                : nameTaken(n) ? "An instance named '" + n + "' already exists; pick another name." : "");
        urlError.set(editing != null ? "" : urlProblem(jdbcUrl.get().trim()));
        passwordEnvError.set(editing != null || !useEnvironment.get() ? "" : envProblem(passwordEnv.get().trim()));
        tagsError.set(TagsText.parse(tags.get()).error());
        boolean hardwareOk = hardware == null || hardware.validate();
        return !n.isEmpty() && nameError.get().isEmpty() && urlError.get().isEmpty()
                && passwordEnvError.get().isEmpty() && tagsError.get().isEmpty() && hardwareOk;
    }

    private boolean nameTaken(String n) {
        String lower = n.toLowerCase(Locale.ROOT);
        boolean own = editing != null && editing.name().toLowerCase(Locale.ROOT).equals(lower);
        return !own && namesInUse.contains(lower);
    }

    private String urlProblem(String url) {
        if (url.isEmpty()) {
            return triedToSave ? "Enter the JDBC URL, e.g. jdbc:postgresql://db1.example.com:5432/postgres." : "";
        }
        if (!(url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:"))) {
            return "Use a jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql: URL, "
                    + "e.g. jdbc:postgresql://db1.example.com:5432/postgres.";
        }
        // every form the drivers accept (any case, user:pw@host, sslpassword, ...): the form has a field for it
        if (JdbcUrlSecrets.split(url).carriesSecrets()) {
            return "Remove the password from the URL and put it in the password field: URLs are kept in clear text.";
        }
        return "";
    }

    private String envProblem(String variable) {
        if (variable.isEmpty()) {
            return triedToSave ? "Name the environment variable that holds the password, e.g. PGPASSWORD." : "";
        }
        if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "'" + variable + "' is not an environment variable name: letters, digits and _ only.";
        }
        return "";
    }

    /** Connects with the form's URL and credentials and reports the server version, or why it failed. */
    public void testConnection() {
        if (editing != null || busy.get()) {
            return;
        }
        String url = jdbcUrl.get().trim();
        String problem = url.isEmpty() ? "Enter the JDBC URL first." : urlProblem(url);
        if (!problem.isEmpty()) {
            report(false, problem);
            return;
        }
        String secret;
        if (useEnvironment.get()) {
            String variable = passwordEnv.get().trim();
            secret = variable.isEmpty() || !envProblem(variable).isEmpty() ? null : environment.apply(variable);
            if (secret == null) {
                report(false, variable.isEmpty() ? "Name the environment variable that holds the password."
                        : "$" + variable + " is not set in the environment this workbench runs in. Set it and restart, "
                        + "or type the password instead.");
                return;
            }
        } else {
            secret = password.get().isEmpty() ? null : password.get();
        }
        busy.set(true);
        testResult.set("Connecting…");
        work.io("Test connection", () -> fleet.testConnection(url, blankToNull(user.get()), secret),
                info -> {
                    busy.set(false);
                    report(true, describe(info));
                },
                message -> {
                    busy.set(false);
                    report(false, message);
                });
    }

    private static String describe(ServerInfo info) {
        String hw = Formats.hardware(info.hardware());
        return "Connected: " + info.version().engine().displayName() + " " + info.fullVersion()
                + (hw.equals("Not known yet") ? "" : " · " + hw);
    }

    private void report(boolean ok, String message) {
        testSucceeded.set(ok);
        testResult.set(message);
    }

    /** Stores the instance when the form is valid; {@link #savedProperty()} turns non-null on success. */
    public void save() {
        triedToSave = true;
        saveError.set("");
        if (busy.get() || !validate()) {
            return;
        }
        var parsedTags = TagsText.parse(tags.get()).tags();
        String n = name.get().trim();
        busy.set(true);
        if (editing == null) {
            Registration registration = new Registration(n, jdbcUrl.get().trim(), blankToNull(user.get()),
                    useEnvironment.get() ? null : blankToNull(password.get()),
                    useEnvironment.get() ? passwordEnv.get().trim() : null,
                    tier.get(), criticality.get(), workload.get(), parsedTags);
            work.io("Add instance", () -> fleet.register(registration), this::stored, this::failed);
        } else {
            Instance e = editing;
            Instance changed = new Instance(e.id(), n, e.engine(), e.version(), e.fullVersion(), e.connection(),
                    parsedTags, tier.get(), criticality.get(), workload.get(), hardware.result(), e.demo());
            work.io("Save " + e.name(), () -> fleet.update(changed), this::stored, this::failed);
        }
    }

    private void stored(Instance instance) {
        busy.set(false);
        saved.set(instance);
    }

    private void failed(String message) {
        busy.set(false);
        saveError.set(message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty jdbcUrlProperty() { return jdbcUrl; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty passwordEnvProperty() { return passwordEnv; }
    public BooleanProperty useEnvironmentProperty() { return useEnvironment; }
    public ObjectProperty<Tier> tierProperty() { return tier; }
    public ObjectProperty<Criticality> criticalityProperty() { return criticality; }
    public ObjectProperty<WorkloadKind> workloadProperty() { return workload; }
    public StringProperty tagsProperty() { return tags; }
    public ReadOnlyStringProperty nameErrorProperty() { return nameError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty urlErrorProperty() { return urlError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty passwordEnvErrorProperty() { return passwordEnvError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty tagsErrorProperty() { return tagsError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty testResultProperty() { return testResult.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty testSucceededProperty() { return testSucceeded.getReadOnlyProperty(); }
    public ReadOnlyStringProperty saveErrorProperty() { return saveError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Instance> savedProperty() { return saved.getReadOnlyProperty(); }
}
