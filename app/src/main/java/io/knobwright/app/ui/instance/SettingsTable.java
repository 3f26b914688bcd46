package io.knobwright.app.ui.instance;

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
                rows.add(new SettingRow(live.name(), live.value(), spec == null ? null : spec.defaultValue(),
                        live.unit() != null ? live.unit() : spec == null ? null : spec.unit(), live.source(),
                        live.pendingRestart(), spec != null && spec.requiresRestart(),
                        comparison.compare(live, spec), spec == null ? null : spec.description()));
            }
        });
        rows.sort(Comparator.comparing(SettingRow::name, String.CASE_INSENSITIVE_ORDER));
        return new SettingsTable(snapshot, catalog, List.copyOf(rows));
    }

    long changedCount() {
        return rows.stream().filter(SettingRow::changed).count();
    }
}
