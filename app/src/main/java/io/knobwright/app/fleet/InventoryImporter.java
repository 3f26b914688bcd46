package io.knobwright.app.fleet;

import io.knobwright.model.fleet.inventory.ImportReport;

import java.nio.file.Path;

/** Reads an inventory file into the store; the model's inventory import behind a seam the service can be tested with. */
@FunctionalInterface
public interface InventoryImporter {

    ImportReport importFile(Path file);
}
