package io.knobwright.app.ui.welcome;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * "Connect your first instance": a guided form (engine, host, port, database, user, password or the environment
 * variable that holds it, tier, name) instead of a JDBC URL, a connection test that says what failed or which
 * privileges are missing ({@link ConnectionVerdict}), and registering the instance once a test connected.
 * Port and database follow the engine's defaults until the user types their own; the name follows the host.
 */
public final class ConnectFormViewModel {

    /** The engines Knobwright connects to. */
    public static final List<Engine> ENGINES = List.of(Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL);

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$-]*");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final FleetService fleet;
    private final WelcomeDesk.ConnectionTester tester;
    private final BackgroundWork work;
    private final Set<String> namesInUse;
    private final UnaryOperator<String> environment;
    private final Consumer<Instance> registered;

    private final ObjectProperty<Engine> engine = new SimpleObjectProperty<>(this, "engine", Engine.POSTGRESQL);
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", defaultPort(Engine.POSTGRESQL));
    private final StringProperty database = new SimpleStringProperty(this, "database", defaultDatabase(Engine.POSTGRESQL));
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty useEnvironment = new SimpleBooleanProperty(this, "useEnvironment");
    private final StringProperty passwordEnv = new SimpleStringProperty(this, "passwordEnv", "");
    private final ObjectProperty<Tier> tier = new SimpleObjectProperty<>(this, "tier", Tier.DEVELOPMENT);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");

    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyObjectWrapper<ConnectionVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final BooleanBinding canRegister;

    /** Set while the user has not typed a port, database or name of their own: they follow engine and host. */
    private boolean portFollows = true;
    private boolean databaseFollows = true;
    private boolean nameFollows = true;
    private boolean filling;

    /**
     * @param tester      the connection test with privileges
     * @param namesInUse  lower-case names already in the fleet
     * @param environment looks up environment variables (System::getenv in the app)
     * @param registered  told the instance once it is in the fleet
     */
    public ConnectFormViewModel(FleetService fleet, WelcomeDesk.ConnectionTester tester, BackgroundWork work, Set<String> namesInUse,
                                UnaryOperator<String> environment, Consumer<Instance> registered) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.work = Objects.requireNonNull(work, "work");
        this.namesInUse = Set.copyOf(namesInUse);
        this.environment = Objects.requireNonNull(environment, "environment");
        this.registered = Objects.requireNonNull(registered, "registered");
        engine.subscribe((before, now) -> {
            if (portFollows) {
                fill(port, defaultPort(now));
            }
            if (databaseFollows) {
                fill(database, defaultDatabase(now));
            }
        });
        host.subscribe(now -> {
            if (nameFollows) {
                fill(name, now.trim());
            }
        });
        port.subscribe((before, now) -> portFollows = filling && portFollows);
        database.subscribe((before, now) -> databaseFollows = filling && databaseFollows);
        name.subscribe((before, now) -> nameFollows = filling && nameFollows);
        // a verdict speaks of the fields as they were tested: any edit makes it stale, and registering needs a new test
        for (ObservableValue<?> field : List.of(engine, host, port, database, user, password, useEnvironment, passwordEnv)) {
            field.subscribe((before, now) -> {
                verdict.set(null);
                problem.set("");
            });
        }
        canRegister = Bindings.createBooleanBinding(() -> verdict.get() != null && verdict.get().outcome().connected()
                && !busy.get(), verdict, busy);
    }

    private void fill(StringProperty field, String value) {
        filling = true;
        try {
            field.set(value);
        } finally {
            filling = false;
        }
    }

    static String defaultPort(Engine engine) {
        return engine == Engine.POSTGRESQL ? "5432" : "3306";
    }

    /** PostgreSQL always has 'postgres'; MariaDB and MySQL need no database to log in. */
    static String defaultDatabase(Engine engine) {
        return engine == Engine.POSTGRESQL ? "postgres" : "";
    }

    /** The JDBC URL the form stands for; the fields must be valid ({@link #check}). */
    public String jdbcUrl() {
        String scheme = switch (engine.get()) {
            case MARIADB -> "jdbc:mariadb://";
            case MYSQL -> "jdbc:mysql://";
            default -> "jdbc:postgresql://";
        };
        String h = host.get().trim();
        // a bare IPv6 address needs brackets before the port
        String where = h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
        return scheme + where + ":" + port.get().trim() + "/" + database.get().trim();
    }

    /** What is wrong with the form for a test, or empty. */
    String check() {
        String h = host.get().trim();
        if (h.isEmpty()) {
            return "Enter the server's host name or IP address, e.g. db1.example.com.";
        }
        if (!HOST.matcher(h).matches()) {
            return "'" + h + "' is not a host name or IP address: letters, digits, dots and dashes only, no scheme or port.";
        }
        String p = port.get().trim();
        int number;
        try {
            number = Integer.parseInt(p);
        } catch (NumberFormatException notANumber) {
            number = -1;
        }
        if (number < 1 || number > 65535) {
            return "The port is a number from 1 to 65535 (" + engine.get().displayName() + " listens on "
                    + defaultPort(engine.get()) + " unless configured otherwise).";
        }
        if (!DATABASE.matcher(database.get().trim()).matches()) {
            return "Database names here are letters, digits, _ , $ and - only; for another name use Add instance with a JDBC URL.";
        }
        if (user.get().isBlank()) {
            return "Enter the user Knobwright logs in as, e.g. knobwright.";
        }
        if (useEnvironment.get()) {
            String variable = passwordEnv.get().trim();
            if (!ENV.matcher(variable).matches()) {
                return variable.isEmpty() ? "Name the environment variable that holds the password, e.g. PGPASSWORD."
                        : "'" + variable + "' is not an environment variable name: letters, digits and _ only.";
            }
            if (environment.apply(variable) == null) {
                return "$" + variable + " is not set in the environment this workbench runs in. Set it and restart"
                        + " Knobwright, or type the password instead.";
            }
        }
        return "";
    }

    /** Connects with the form's values and publishes the verdict: what the server is, or exactly what failed. */
    public void test() {
        if (busy.get()) {
            return;
        }
        String wrong = check();
        problem.set(wrong);
        if (!wrong.isEmpty()) {
            return;
        }
        String url = jdbcUrl();
        String login = user.get().trim();
        String secret = secret();
        begin("Connecting to " + host.get().trim() + "…");
        work.io("Test the connection", () -> {
            try {
                return ConnectionVerdict.of(tester.test(url, login, secret));
            } catch (ConnectorException refused) {
                return ConnectionVerdict.of(refused);
            }
        }, tested -> {
            end();
            verdict.set(tested);
        }, message -> {
            end();
            verdict.set(ConnectionVerdict.failed(message));
        });
    }

    private String secret() {
        if (useEnvironment.get()) {
            return environment.apply(passwordEnv.get().trim());
        }
        return password.get().isEmpty() ? null : password.get();
    }

    /** Registers the tested server under the form's name; {@code registered} hears of it. Needs a test that connected. */
    public void register() {
        if (!canRegister.get()) {
            return;
        }
        String n = name.get().trim();
        if (n.isEmpty()) {
            problem.set("Give the instance a name for the fleet, e.g. " + host.get().trim() + ".");
            return;
        }
        if (namesInUse.contains(n.toLowerCase(Locale.ROOT))) {
            problem.set("An instance named '" + n + "' already exists; pick another name.");
            return;
        }
        problem.set("");
        Registration registration = new Registration(n, jdbcUrl(), user.get().trim(),
                useEnvironment.get() ? null : (password.get().isEmpty() ? null : password.get()),
                useEnvironment.get() ? passwordEnv.get().trim() : null,
                tier.get(), Criticality.MEDIUM, WorkloadKind.MIXED, Map.of());
        begin("Adding " + n + " to the fleet…");
        work.io("Add " + n + " to the fleet", () -> fleet.register(registration), instance -> {
            end();
            registered.accept(instance);
        }, message -> {
            end();
            problem.set(message);
        });
    }

    private void begin(String text) {
        busy.set(true);
        busyText.set(text);
    }

    private void end() {
        busy.set(false);
        busyText.set("");
    }

    public ObjectProperty<Engine> engineProperty() { return engine; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty databaseProperty() { return database; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty useEnvironmentProperty() { return useEnvironment; }
    public StringProperty passwordEnvProperty() { return passwordEnv; }
    public ObjectProperty<Tier> tierProperty() { return tier; }
    public StringProperty nameProperty() { return name; }
    /** What stops the test or the registration, in a sentence; empty when nothing does. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty busyTextProperty() { return busyText.getReadOnlyProperty(); }
    /** The last test's verdict for the fields as they are; null before a test and after any edit. */
    public ReadOnlyObjectProperty<ConnectionVerdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
    /** A test connected with the fields as they are: Add to fleet may run. */
    public ObservableBooleanValue canRegister() { return canRegister; }
}
