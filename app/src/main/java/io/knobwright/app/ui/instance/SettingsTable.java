package io.knobwright.app.ui.instance;

import io.knobwright.model.catalog.HostDependentDefaults;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the detail pane needs about one instance's settings, built off the FX thread.
 *
 * @param snapshot empty when no settings were ever read
 * @param catalog  empty when no catalog ships for the instance's engine and version
 */
record SettingsTable(Optional<SettingsSnapshot> snapshot, Optional<ParameterCatalog> catalog, List<SettingRow> rows) {

    static SettingsTable build(Optional<SettingsSnapshot> snapshot, Optional<ParameterCatalog> catalog,
                               SettingComparison comparison) {
        List<SettingRow> rows = new ArrayList<>();
        snapshot.ifPresent(s -> {
            for (LiveSetting live : s.settings()) {
                ParameterSpec spec = catalog.flatMap(c -> c.find(live.name())).orElse(null);
                rows.add(new SettingRow(live.name(), live.value(), defaultText(spec),
                        live.unit() != null ? live.unit() : spec == null ? null : spec.unit(), live.source(),
                        live.pendingRestart(), spec != null && spec.requiresRestart(),
                        comparison.compare(live, spec), description(spec)));
            }
        });
        rows.sort(Comparator.comparing(SettingRow::name, String.CASE_INSENSITIVE_ORDER));
        return new SettingsTable(snapshot, catalog, List.copyOf(rows));
    }

    /**
     * The catalog default, or that it is each host's (each build's) own when it differs from server to server: the
     * generating server's value ("vm", "/tmp/mdb114-data/") would read as a fact this instance deviates from. Short,
     * because the column is narrow; the row's tooltip says what it depends on.
     */
    static String defaultText(ParameterSpec spec) {
        if (spec == null || !spec.defaultIsHostDependent()) {
            return spec == null ? null : spec.defaultValue();
        }
        String dependsOn = spec.defaultDependsOn();
        return dependsOn.equals(HostDependentDefaults.BUILD) || dependsOn.equals(HostDependentDefaults.RELEASE)
                ? "per build" : "per host";
    }

    /** The catalog's description, after what a host-dependent default depends on and the catalog's example. */
    private static String description(ParameterSpec spec) {
        if (spec == null || !spec.defaultIsHostDependent()) {
            return spec == null ? null : spec.description();
        }
        String example = spec.defaultValue() == null || spec.defaultValue().isEmpty() ? ""
                : " (where the catalog was made: " + spec.defaultValue() + ")";
        return "Default depends on " + spec.defaultDependsOn() + example + ". " + spec.description();
    }

    long changedCount() {
        return rows.stream().filter(SettingRow::changed).count();
    }
}
