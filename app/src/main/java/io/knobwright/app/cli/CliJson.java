package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.model.catalog.EffectiveParameter;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.value.Values;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes the CLI prints: a contract with scripts, kept apart from the domain records so a
 * domain refactoring cannot silently change them. Enum values are lower-case, like the CLI's inputs.
 */
final class CliJson {

    private CliJson() {
    }

    @JsonPropertyOrder({"id", "name", "engine", "version", "fullVersion", "tier", "criticality", "workload", "tags",
            "demo", "hardware", "connection"})
    record InstanceJson(long id, String name, String engine, String version, String fullVersion, String tier,
                        String criticality, String workload, Map<String, String> tags, boolean demo,
                        HardwareJson hardware, ConnectionJson connection) {

        static InstanceJson of(Instance i) {
            return new InstanceJson(i.id(), i.name(), i.engine().id(), i.version(), i.fullVersion(), i.tier().label(),
                    i.criticality().label(), i.workload().label(), i.tags(), i.demo(), HardwareJson.of(i.hardware()),
                    i.connection() == null ? null : ConnectionJson.of(i.connection()));
        }
    }

    /** Zero means "not known", as in the domain; each source is "probed", "entered" or "unknown". */
    @JsonPropertyOrder({"cpus", "memoryBytes", "diskType", "diskBytes", "cpusSource", "memorySource", "diskTypeSource",
            "diskSource"})
    record HardwareJson(int cpus, long memoryBytes, String diskType, long diskBytes, String cpusSource,
                        String memorySource, String diskTypeSource, String diskSource) {
        static HardwareJson of(HardwareFacts h) {
            return new HardwareJson(h.cpus(), h.memoryBytes(), lower(h.diskType()), h.diskBytes(),
                    h.source(HardwareFact.CPUS).label(), h.source(HardwareFact.RAM).label(),
                    h.source(HardwareFact.DISK_TYPE).label(), h.source(HardwareFact.DISK_SIZE).label());
        }
    }

    /** Never a password: "none", "env:VARIABLE" or "sealed"; a password still in a URL stored before 0053 is masked. */
    @JsonPropertyOrder({"jdbcUrl", "user", "credential"})
    record ConnectionJson(String jdbcUrl, String user, String credential) {
        static ConnectionJson of(ConnectionSpec c) {
            return new ConnectionJson(JdbcUrlSecrets.mask(c.jdbcUrl()), c.user(), describe(c.credential()));
        }
    }

    static String describe(CredentialRef ref) {
        return switch (ref) {
            case CredentialRef.None none -> "none";
            case CredentialRef.EnvironmentVariable env -> "env:" + env.variable();
            case CredentialRef.Sealed sealed -> "sealed";
        };
    }

    @JsonPropertyOrder({"instance", "snapshot"})
    record ShowJson(InstanceJson instance, SnapshotJson snapshot) {
    }

    /** reportedHardware: what the server's probe found when the snapshot was taken. */
    @JsonPropertyOrder({"takenAt", "serverVersion", "settingCount", "settings", "reportedHardware"})
    record SnapshotJson(String takenAt, String serverVersion, int settingCount, List<SettingJson> settings,
                        HardwareJson reportedHardware) {
        /** @param catalog the instance's catalog, empty when none ships for its version */
        static SnapshotJson of(SettingsSnapshot s, Optional<ParameterCatalog> catalog) {
            return new SnapshotJson(s.takenAt().toString(), s.serverVersion(), s.settings().size(),
                    s.settings().stream().map(x -> SettingJson.of(x, catalog)).toList(), HardwareJson.of(s.reportedHardware()));
        }
    }

    /** @param display the value as a DBA writes it ("128MB" for 16384 x 8kB) */
    @JsonPropertyOrder({"name", "value", "unit", "source", "pendingRestart", "display"})
    record SettingJson(String name, String value, String unit, String source, boolean pendingRestart, String display) {
        static SettingJson of(LiveSetting s, Optional<ParameterCatalog> catalog) {
            return new SettingJson(s.name(), s.value(), s.unit(), s.source(), s.pendingRestart(), displayOf(s, catalog));
        }
    }

    /** A reported setting as a DBA writes it, by the catalog; with the unit it came in when the catalog does not know it. */
    static String displayOf(LiveSetting s, Optional<ParameterCatalog> catalog) {
        return Values.readableWithUnit(catalog.flatMap(c -> c.find(s.name())).orElse(null), s.value(), s.unit());
    }

    /**
     * @param defaultDependsOn null when the default holds on every server of the version ("the host name")
     * @param display          default, min and max as a DBA writes them ("128MB"; min and max are numbers in {@code unit})
     */
    @JsonPropertyOrder({"name", "type", "unit", "min", "max", "enumValues", "default", "applyMode", "category",
            "description", "source", "defaultDependsOn", "display"})
    record ParameterJson(String name, String type, String unit, BigDecimal min, BigDecimal max, List<String> enumValues,
                         @JsonProperty("default") String defaultValue, String applyMode, String category,
                         String description, String source, String defaultDependsOn, DisplayJson display) {
        static ParameterJson of(ParameterSpec p) {
            return new ParameterJson(p.name(), lower(p.type()), p.unit(), p.min(), p.max(), p.enumValues(),
                    p.defaultValue(), lower(p.applyMode()), p.category(), p.description(), p.source(),
                    p.defaultDependsOn(), DisplayJson.of(p));
        }
    }

    /**
     * One entry of an instance's effective catalog: {@code source} is "server" (its server described the
     * parameter itself) or "shipped"; {@code origin} names the description; {@code known} is false for a
     * parameter the shipped catalog lists and the server does not report.
     */
    @JsonPropertyOrder({"name", "source", "known", "differences", "type", "unit", "min", "max", "enumValues", "default",
            "defaultDependsOn", "applyMode", "category", "description", "origin", "display"})
    record InstanceParameterJson(String name, String source, boolean known, List<String> differences, String type,
                                 String unit, BigDecimal min, BigDecimal max, List<String> enumValues,
                                 @JsonProperty("default") String defaultValue, String defaultDependsOn, String applyMode,
                                 String category, String description, String origin, DisplayJson display) {
        static InstanceParameterJson of(EffectiveParameter e) {
            ParameterSpec p = e.spec();
            return new InstanceParameterJson(p.name(), e.source().label(), e.known(), e.differences(), lower(p.type()),
                    p.unit(), p.min(), p.max(), p.enumValues(), p.defaultValue(), p.defaultDependsOn(),
                    lower(p.applyMode()), p.category(), p.description(), p.source(), DisplayJson.of(p));
        }
    }

    /** A parameter's default and bounds as a DBA writes them: "128MB", "128kB", "1.79769e+308"; null when none. */
    @JsonPropertyOrder({"default", "min", "max"})
    record DisplayJson(@JsonProperty("default") String defaultValue, String min, String max) {
        static DisplayJson of(ParameterSpec p) {
            return new DisplayJson(Values.readable(p, p.defaultValue()), amount(p, p.min()), amount(p, p.max()));
        }

        private static String amount(ParameterSpec p, BigDecimal amount) {
            return amount == null ? null : Values.formatAmount(p, amount);
        }
    }

    @JsonPropertyOrder({"importedCount", "rejectedCount", "imported", "rejected"})
    record ImportJson(int importedCount, int rejectedCount, List<InstanceJson> imported, List<RejectedJson> rejected) {
        static ImportJson of(ImportReport r) {
            return new ImportJson(r.imported().size(), r.rejected().size(),
                    r.imported().stream().map(InstanceJson::of).toList(),
                    r.rejected().stream().map(x -> new RejectedJson(x.row(), x.reason())).toList());
        }
    }

    @JsonPropertyOrder({"row", "reason"})
    record RejectedJson(int row, String reason) {
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
