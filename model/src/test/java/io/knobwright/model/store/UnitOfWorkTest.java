package io.knobwright.model.store;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.template.TemplateAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitOfWorkTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private KnobwrightStore store;

    @BeforeEach
    void openStore() {
        store = KnobwrightStore.inMemory("unit-of-work-" + UUID.randomUUID(), false);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static SettingsSnapshot snapshotOf(Instance instance, String workMem) {
        return new SettingsSnapshot(instance.id(), NOW, "16.4",
                List.of(new LiveSetting("work_mem", workMem, "kB", "configuration file", false)));
    }

    private static Instance renamed(Instance i, String name) {
        return new Instance(i.id(), name, i.engine(), i.version(), i.fullVersion(), i.connection(), i.tags(), i.tier(),
                i.criticality(), i.workload(), i.hardware(), i.demo());
    }

    @Test
    void everythingWrittenInOneTransactionIsStoredTogether() {
        Instance saved = store.transactionResult(tx -> {
            Instance instance = tx.instances().save(TestInstances.inventoryOnly("orders-1"));
            tx.snapshots().save(snapshotOf(instance, "8192"));
            tx.templateAssignments().assign(new TemplateAssignment(instance.id(), "postgresql-oltp", null));
            return instance;
        });

        assertThat(store.instances().findByName("orders-1")).contains(saved);
        assertThat(store.snapshots().latest(saved.id())).map(s -> s.find("work_mem").orElseThrow().value()).contains("8192");
        assertThat(store.templateAssignments().find(saved.id())).map(TemplateAssignment::templateName)
                .contains("postgresql-oltp");
    }

    @Test
    void aFailureBetweenTwoWritesLeavesNothingBehind() {
        IllegalStateException powerCut = new IllegalStateException("power cut (simulated)");

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            Instance instance = tx.instances().save(TestInstances.inventoryOnly("orders-1"));
            tx.snapshots().save(snapshotOf(instance, "8192"));
            throw powerCut;
        })).isSameAs(powerCut);

        assertThat(store.instances().count()).isZero();
        assertThat(store.instances().findByName("orders-1")).isEmpty();
    }

    @Test
    void aWriteTheStoreRefusesUndoesTheWritesBeforeIt() {
        Instance kept = store.instances().save(TestInstances.inventoryOnly("kept"));
        LiveSetting oversized = new LiveSetting("x".repeat(201), "1", null, "default", false);

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            Instance instance = tx.instances().save(TestInstances.inventoryOnly("orders-1"));
            tx.instances().save(renamed(kept, "kept-renamed"));
            tx.snapshots().save(new SettingsSnapshot(instance.id(), NOW, "16.4", List.of(oversized)));
        })).isInstanceOf(StoreException.class).hasMessageContaining("cannot be stored");

        assertThat(store.instances().findAll()).extracting(Instance::name).containsExactly("kept");
    }

    @Test
    void writesOfAnOpenTransactionStayInvisibleToOthersUntilItCommits() {
        store.inTransaction(tx -> {
            tx.instances().save(TestInstances.inventoryOnly("orders-1"));

            assertThat(tx.instances().count()).as("inside the transaction").isEqualTo(1);
            assertThat(store.instances().count()).as("outside, before the commit").isZero();
        });

        assertThat(store.instances().count()).as("after the commit").isEqualTo(1);
    }

    @Test
    void aRefusedWriteCaughtInsideTheTransactionLetsTheRestCommit() {
        store.inTransaction(tx -> {
            tx.instances().save(TestInstances.inventoryOnly("orders-1"));
            assertThatThrownBy(() -> tx.instances().save(TestInstances.inventoryOnly("orders-1")))
                    .isInstanceOf(DuplicateInstanceNameException.class);
            tx.instances().save(TestInstances.inventoryOnly("orders-2"));
        });

        assertThat(store.instances().findAll()).extracting(Instance::name).containsExactly("orders-1", "orders-2");
    }
}
