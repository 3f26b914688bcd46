package io.knobwright.model.fleet.inventory;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses an inventory and stores its good rows in one transaction. Rows whose name is already in the store
 * come back as rejected rows; if saving fails, nothing of the file is stored.
 */
public final class InventoryImport {

    private final InstanceRepository instances;
    private final InventoryParser parser;

    public InventoryImport(InstanceRepository instances, InventoryParser parser) {
        this.instances = instances;
        this.parser = parser;
    }

    public InventoryImport(InstanceRepository instances) {
        this(instances, new InventoryParser());
    }

    /** Throws {@link InventoryFormatException} when the file as a whole cannot be read; nothing is stored then. */
    public ImportReport importFile(Path file) {
        return store(parser.parse(file));
    }

    public ImportReport store(ParsedInventory parsed) {
        Set<String> existing = new HashSet<>();
        for (Instance instance : instances.findAll()) {
            existing.add(instance.name());
        }
        List<Instance> toSave = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>(parsed.rejected());
        for (ParsedInventory.Row row : parsed.rows()) {
            if (existing.contains(row.instance().name())) {
                rejected.add(new RejectedRow(row.row(), "An instance named '"
                        + InventoryColumns.abbreviate(row.instance().name()) + "' already exists in the store."));
            } else {
                toSave.add(row.instance());
            }
        }
        List<Instance> saved = instances.saveAll(toSave);
        rejected.sort(Comparator.comparingInt(RejectedRow::row));
        return new ImportReport(saved, rejected);
    }
}
