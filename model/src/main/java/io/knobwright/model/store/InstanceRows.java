package io.knobwright.model.store;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceLimits;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.store.jooq.tables.records.InstanceRecord;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Maps between the domain {@link Instance} and its jOOQ row; the only place that knows the column encoding. */
final class InstanceRows {

    static final String CREDENTIAL_NONE = "NONE";
    static final String CREDENTIAL_ENV = "ENV";
    static final String CREDENTIAL_SEALED = "SEALED";

    private InstanceRows() {
    }

    /** Copies every field but id and created_at into the row. */
    static void fill(InstanceRecord row, Instance instance, OffsetDateTime now) {
        row.setName(instance.name());
        row.setEngine(instance.engine().id());
        row.setVersion(instance.version());
        row.setFullVersion(instance.fullVersion());
        ConnectionSpec connection = instance.connection();
        CredentialRef credential = connection == null ? CredentialRef.NONE : connection.credential();
        row.setJdbcUrl(connection == null ? null : connection.jdbcUrl());
        row.setDbUser(connection == null ? null : connection.user());
        row.setCredentialKind(switch (credential) {
            case CredentialRef.None none -> CREDENTIAL_NONE;
            case CredentialRef.EnvironmentVariable variable -> CREDENTIAL_ENV;
            case CredentialRef.Sealed sealed -> CREDENTIAL_SEALED;
        });
        row.setCredentialValue(InstanceLimits.credentialValue(credential));
        row.setTier(instance.tier().name());
        row.setCriticality(instance.criticality().name());
        row.setWorkload(instance.workload().name());
        HardwareFacts hardware = instance.hardware();
        row.setCpus(hardware.cpus());
        row.setMemoryBytes(hardware.memoryBytes());
        row.setDiskType(hardware.diskType().name());
        row.setDiskBytes(hardware.diskBytes());
        row.setCpusSource(hardware.source(HardwareFact.CPUS).name());
        row.setMemorySource(hardware.source(HardwareFact.RAM).name());
        row.setDiskTypeSource(hardware.source(HardwareFact.DISK_TYPE).name());
        row.setDiskBytesSource(hardware.source(HardwareFact.DISK_SIZE).name());
        row.setDemo(instance.demo());
        row.setUpdatedAt(now);
    }

    static Instance toInstance(InstanceRecord row, Map<String, String> tags) {
        ConnectionSpec connection = row.getJdbcUrl() == null ? null
                : new ConnectionSpec(row.getJdbcUrl(), row.getDbUser(), credential(row));
        return new Instance(
                row.getId(),
                row.getName(),
                Engine.require(row.getEngine()),
                row.getVersion(),
                row.getFullVersion(),
                connection,
                tags,
                Tier.valueOf(row.getTier()),
                Criticality.valueOf(row.getCriticality()),
                WorkloadKind.valueOf(row.getWorkload()),
                new HardwareFacts(row.getCpus(), row.getMemoryBytes(), DiskType.valueOf(row.getDiskType()), row.getDiskBytes(),
                        probed(row)),
                row.getDemo());
    }

    private static Set<HardwareFact> probed(InstanceRecord row) {
        EnumSet<HardwareFact> probed = EnumSet.noneOf(HardwareFact.class);
        Map.of(HardwareFact.CPUS, row.getCpusSource(), HardwareFact.RAM, row.getMemorySource(),
                HardwareFact.DISK_TYPE, row.getDiskTypeSource(), HardwareFact.DISK_SIZE, row.getDiskBytesSource())
                .forEach((fact, source) -> {
                    if (FactSource.PROBED.name().equals(source)) {
                        probed.add(fact);
                    }
                });
        return probed;
    }

    private static CredentialRef credential(InstanceRecord row) {
        return switch (row.getCredentialKind()) {
            case CREDENTIAL_ENV -> new CredentialRef.EnvironmentVariable(row.getCredentialValue());
            case CREDENTIAL_SEALED -> new CredentialRef.Sealed(row.getCredentialValue());
            default -> CredentialRef.NONE;
        };
    }
}
