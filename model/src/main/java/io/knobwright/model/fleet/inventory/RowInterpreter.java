package io.knobwright.model.fleet.inventory;

import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.ByteSize;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.text.Names;
import io.knobwright.model.fleet.InstanceLimits;
import io.knobwright.model.fleet.JdbcUrlSecrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static io.knobwright.model.fleet.inventory.InventoryColumns.abbreviate;

/** Turns one raw inventory record into an {@link Instance}, or says in one sentence why it cannot be one. */
final class RowInterpreter {

    private static final int MAX_CPUS = 100_000;

    /** Thrown for a row that cannot become an instance; the message is the reason shown to the user. */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    Instance interpret(RawRow raw) {
        String extra = raw.fields().get(CsvInventoryReader.EXTRA_FIELDS);
        if (extra != null) {
            throw new Rejected("Row has " + extra);
        }
        if (raw.fields().containsKey(JsonInventoryReader.NOT_AN_OBJECT)) {
            throw new Rejected("Element is not an object; write each instance as {\"name\": ..., \"engine\": ..., \"version\": ...}.");
        }
        String wrongShape = raw.fields().get(JsonInventoryReader.WRONG_SHAPE);
        if (wrongShape != null) {
            throw new Rejected("Field '" + wrongShape + "' must be text or a number, not a list or object.");
        }
        String name = raw.get(InventoryColumns.NAME);
        if (name.isEmpty()) {
            throw new Rejected("Missing name.");
        }
        Names.problem("Name", name).ifPresent(problem -> {
            throw new Rejected(problem);
        });
        if (name.length() > InstanceLimits.NAME) {
            throw new Rejected("Name '" + abbreviate(name) + "' is " + name.length() + " characters long; at most "
                    + InstanceLimits.NAME + " fit.");
        }
        Engine engine = engine(raw.get(InventoryColumns.ENGINE));
        EngineVersion version = version(engine, raw.get(InventoryColumns.VERSION));
        String fullVersion = fullVersion(engine, version, raw.get(InventoryColumns.VERSION), raw.get(InventoryColumns.FULL_VERSION));
        Instance instance;
        try {
            instance = new Instance(0, name, engine, version.major(), fullVersion, connection(raw), tags(raw),
                    optional(raw, InventoryColumns.TIER, Tier::parse),
                    optional(raw, InventoryColumns.CRITICALITY, Criticality::parse),
                    optional(raw, InventoryColumns.WORKLOAD, WorkloadKind::parse),
                    hardware(raw), false);
        } catch (IllegalArgumentException | UserError e) {
            throw new Rejected(sentence(e.getMessage()));
        }
        InstanceLimits.violation(instance).ifPresent(problem -> {
            throw new Rejected(sentence(problem));
        });
        return instance;
    }

    private static Engine engine(String text) {
        if (text.isEmpty()) {
            throw new Rejected("Missing engine; use one of: postgresql, mysql, mariadb, sqlserver, oracle.");
        }
        return Engine.parse(text).orElseThrow(() -> new Rejected("Unknown engine '" + abbreviate(text)
                + "'; use one of: postgresql, mysql, mariadb, sqlserver, oracle."));
    }

    /** Accepts the catalogued major ("16") or a full server version that reduces to one ("16.4", "8.0.36"). */
    private static EngineVersion version(Engine engine, String text) {
        if (text.isEmpty()) {
            throw new Rejected("Missing version for " + engine.displayName() + " (available: " + available(engine) + ").");
        }
        for (String major : engine.supportedVersions()) {
            if (major.equalsIgnoreCase(text)) {
                return new EngineVersion(engine, major);
            }
        }
        EngineVersion reduced = reduce(engine, text);
        if (reduced != null && reduced.hasCatalog()) {
            return reduced;
        }
        throw new Rejected("Version " + abbreviate(text) + " is not catalogued for " + engine.displayName()
                + " (available: " + available(engine) + ").");
    }

    private static String fullVersion(Engine engine, EngineVersion version, String versionText, String fullText) {
        if (fullText.isEmpty()) {
            return versionText.equalsIgnoreCase(version.major()) ? version.major() : versionText;
        }
        if (!belongsTo(engine, version.major(), fullText)) {
            throw new Rejected("Full version " + abbreviate(fullText) + " does not belong to " + engine.displayName()
                    + " " + version.major() + ".");
        }
        return fullText;
    }

    /**
     * SQL Server and Oracle report product versions (16.0.4215.2, 19.28.0.0.0) that do not spell the
     * marketing major Knobwright catalogs (2022, 19c); match them by their leading number.
     */
    private static boolean belongsTo(Engine engine, String major, String fullText) {
        String lower = fullText.toLowerCase(Locale.ROOT);
        return switch (engine) {
            case SQLSERVER -> lower.startsWith(major) || lower.startsWith(switch (major) {
                case "2019" -> "15.";
                case "2022" -> "16.";
                default -> major;
            });
            case ORACLE -> lower.startsWith(major.toLowerCase(Locale.ROOT))
                    || lower.startsWith(major.replaceAll("\\D", "") + ".");
            default -> {
                EngineVersion reduced = reduce(engine, fullText);
                yield reduced != null && reduced.major().equalsIgnoreCase(major);
            }
        };
    }

    /** The catalogued major a server version string stands for; null for text that is no version at all. */
    private static EngineVersion reduce(Engine engine, String text) {
        try {
            return EngineVersion.fromServerVersion(engine, text);
        } catch (RuntimeException notAVersion) {
            return null;
        }
    }

    /** "13..18" for a run of whole numbers, else the list: "8.0, 8.4". */
    static String available(Engine engine) {
        List<String> versions = engine.supportedVersions();
        boolean consecutive = versions.stream().allMatch(v -> v.matches("\\d+"));
        for (int i = 1; consecutive && i < versions.size(); i++) {
            consecutive = Integer.parseInt(versions.get(i)) == Integer.parseInt(versions.get(i - 1)) + 1;
        }
        return consecutive && versions.size() > 2
                ? versions.getFirst() + ".." + versions.getLast()
                : String.join(", ", versions);
    }

    private static ConnectionSpec connection(RawRow raw) {
        String url = raw.get(InventoryColumns.JDBC_URL);
        String user = raw.get(InventoryColumns.USER);
        String passwordEnv = raw.get(InventoryColumns.PASSWORD_ENV);
        if (url.isEmpty()) {
            if (!user.isEmpty() || !passwordEnv.isEmpty()) {
                throw new Rejected("User or password_env given without jdbc_url; add the JDBC URL or leave both empty.");
            }
            return null;
        }
        if (!url.startsWith("jdbc:")) {
            throw new Rejected("JDBC URL '" + abbreviate(JdbcUrlSecrets.mask(url)) + "' must start with 'jdbc:'.");
        }
        JdbcUrlSecrets secrets = JdbcUrlSecrets.split(url);
        if (secrets.carriesSecrets()) {
            // An inventory is stored as it is written and has no way to seal; decision 0041 keeps passwords out of it
            throw new Rejected("JDBC URL '" + abbreviate(JdbcUrlSecrets.mask(url)) + "' contains "
                    + (secrets.passwords() > 0 ? "a password" : String.join(", ", secrets.otherSecrets()))
                    + ", which would be stored in clear text. Remove it from the URL and put the name of the environment"
                    + " variable that holds the password in password_env, or register the instance with"
                    + " 'knobwright fleet add ... --password-stdin' to have the password sealed.");
        }
        CredentialRef credential = CredentialRef.NONE;
        if (!passwordEnv.isEmpty()) {
            if (!passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new Rejected("password_env '" + abbreviate(passwordEnv) + "' is not an environment variable name"
                        + " (letters, digits and '_', not starting with a digit).");
            }
            credential = new CredentialRef.EnvironmentVariable(passwordEnv);
        }
        return new ConnectionSpec(url, user.isEmpty() ? null : user, credential);
    }

    private static Map<String, String> tags(RawRow raw) {
        if (raw.tags() != null) {
            raw.tags().forEach((key, value) -> checkTag(key, value));
            return raw.tags();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : raw.get(InventoryColumns.TAGS).split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new Rejected("Tag '" + abbreviate(pair.strip()) + "' is not key=value; write tags like team=payments;region=eu.");
            }
            String key = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            checkTag(key, value);
            if (tags.put(key, value) != null) {
                throw new Rejected("Tag '" + abbreviate(key) + "' is given twice.");
            }
        }
        return tags;
    }

    private static void checkTag(String key, String value) {
        if (key.isEmpty()) {
            throw new Rejected("A tag has an empty key; write tags like team=payments;region=eu.");
        }
        Names.problem("Tag", key + "=" + value).ifPresent(problem -> {
            throw new Rejected(problem);
        });
    }

    private static HardwareFacts hardware(RawRow raw) {
        return new HardwareFacts(cpus(raw.get(InventoryColumns.CPUS)),
                ByteSize.parse("Memory", raw.get(InventoryColumns.MEMORY)),
                optional(raw, InventoryColumns.DISK_TYPE, DiskType::parse, DiskType.UNKNOWN),
                ByteSize.parse("Disk size", raw.get(InventoryColumns.DISK)));
    }

    private static int cpus(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int cpus = Integer.parseInt(text);
            if (cpus >= 0 && cpus <= MAX_CPUS) {
                return cpus;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new Rejected("cpus '" + abbreviate(text) + "' is not a whole number between 0 and " + MAX_CPUS + ".");
    }

    private static <T> T optional(RawRow raw, String column, Function<String, T> parse) {
        return optional(raw, column, parse, null);
    }

    private static <T> T optional(RawRow raw, String column, Function<String, T> parse, T fallback) {
        String text = raw.get(column);
        if (text.isEmpty()) {
            return fallback;
        }
        if (text.length() > 40) {
            throw new Rejected("Unknown " + column.replace('_', ' ') + " '" + abbreviate(text) + "'.");
        }
        return parse.apply(text);
    }

    private static String sentence(String message) {
        String text = message.strip();
        String capital = text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }
}
