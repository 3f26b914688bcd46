package io.knobwright.app.testing;

import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.fleet.inventory.ImportReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A minimal inventory reader for the in-memory service, so the import flow can be exercised without
 * the store: {@code name,engine,version,tier,criticality,workload,tags} with tags as {@code k=v;k=v}.
 * The real importer lives with the store.
 */
final class InventoryCsv {

    private final Map<Long, Integer> rows = new HashMap<>();

    ImportReport parse(List<String> lines, LongSupplier ids) {
        List<Instance> ok = new ArrayList<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            int row = n + 1;
            try {
                Instance i = instance(line.split(",", -1), ids.getAsLong());
                rows.put(i.id(), row);
                ok.add(i);
            } catch (IllegalArgumentException | UserError e) {
                rejected.add(new ImportReport.RejectedRow(row, e.getMessage()));
            }
        }
        return new ImportReport(ok, rejected);
    }

    int rowOf(Instance i) {
        return rows.getOrDefault(i.id(), 0);
    }

    private static Instance instance(String[] f, long id) {
        if (f.length < 3) {
            throw new IllegalArgumentException("Needs at least name, engine and version; found " + f.length + " field(s).");
        }
        Engine engine = Engine.require(f[1].trim());
        String version = f[2].trim();
        if (!engine.supports(version)) {
            throw new IllegalArgumentException("Unknown " + engine.displayName() + " version '" + version
                    + "'. Use one of: " + String.join(", ", engine.supportedVersions()) + ".");
        }
        Tier tier = f.length > 3 && !f[3].isBlank() ? Tier.parse(f[3]) : null;
        Criticality criticality = f.length > 4 && !f[4].isBlank() ? Criticality.parse(f[4]) : null;
        WorkloadKind workload = f.length > 5 && !f[5].isBlank() ? WorkloadKind.parse(f[5]) : null;
        Map<String, String> tags = new LinkedHashMap<>();
        if (f.length > 6 && !f[6].isBlank()) {
            for (String pair : f[6].split(";")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2 || kv[0].isBlank()) {
                    throw new IllegalArgumentException("Tag '" + pair + "' is not key=value.");
                }
                tags.put(kv[0].trim(), kv[1].trim());
            }
        }
        return new Instance(id, f[0].trim(), engine, version, version, null, tags, tier, criticality, workload, null,
                false);
    }
}
