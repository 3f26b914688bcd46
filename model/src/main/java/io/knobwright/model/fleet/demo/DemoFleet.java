package io.knobwright.model.fleet.demo;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.InventoryFormat;
import io.knobwright.model.fleet.inventory.InventoryParser;
import io.knobwright.model.fleet.inventory.ParsedInventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo fleet shipped in the resources module (demo/fleet.json): inventory-only instances, so a new
 * user sees a realistic fleet before registering a server. The file is an ordinary JSON inventory, read by
 * the same parser as a user's import; DemoFleetGenerator (model test sources) wrote it.
 */
public final class DemoFleet {

    public static final String RESOURCE = "/demo/fleet.json";

    private DemoFleet() {
    }

    /** The demo instances, all marked demo, not yet stored (id 0). */
    public static List<Instance> load() {
        byte[] content;
        try (InputStream in = DemoFleet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path (resources module)");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        ParsedInventory parsed = new InventoryParser().parse(content, InventoryFormat.JSON, RESOURCE);
        if (!parsed.rejected().isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has invalid rows: " + parsed.rejected());
        }
        return parsed.instances().stream()
                .map(i -> new Instance(0, i.name(), i.engine(), i.version(), i.fullVersion(), i.connection(), i.tags(),
                        i.tier(), i.criticality(), i.workload(), i.hardware(), true))
                .toList();
    }
}
