package io.knobwright.model.fleet.inventory;

import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.inventory.ImportReport.RejectedRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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

    /**
     * As {@link #importFile(Path)}, with each row's connection judged by {@code connectionProblem} first (the
     * connectors know which URL properties no driver may be handed): a row it finds a problem with is rejected with
     * that reason instead of being stored and failing at its first refresh.
     */
    public ImportReport importFile(Path file, Function<ConnectionSpec, Optional<String>> connectionProblem) {
        ParsedInventory parsed = parser.parse(file);
        List<ParsedInventory.Row> admitted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>(parsed.rejected());
        for (ParsedInventory.Row row : parsed.rows()) {
            Optional<String> problem = row.instance().connection() == null ? Optional.empty()
                    : connectionProblem.apply(row.instance().connection());
            problem.ifPresentOrElse(reason -> rejected.add(new RejectedRow(row.row(), reason)), () -> admitted.add(row));
        }
        return store(new ParsedInventory(admitted, rejected));
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
