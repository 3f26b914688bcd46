package io.knobwright.model.store;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;

import java.util.Map;

/** Instances for store tests. */
final class TestInstances {

    private TestInstances() {
    }

    static Instance inventoryOnly(String name) {
        return new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of("team", "payments"),
                Tier.PRODUCTION, Criticality.HIGH, WorkloadKind.OLTP,
                new HardwareFacts(8, 32L << 30, DiskType.NVME, 500L << 30), false);
    }

    static Instance connectable(String name, CredentialRef credential) {
        return new Instance(0, name, Engine.MARIADB, "10.11", "10.11.9-MariaDB",
                new ConnectionSpec("jdbc:mariadb://127.0.0.1:3306/test", "root", credential),
                Map.of("team", "web", "region", "eu-west-1"), Tier.STAGING, Criticality.MEDIUM, WorkloadKind.WEB,
                new HardwareFacts(4, 16L << 30, DiskType.SSD, 100L << 30), false);
    }
}
