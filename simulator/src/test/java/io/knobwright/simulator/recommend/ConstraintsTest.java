package io.knobwright.simulator.recommend;

import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule refuses what it must, says why, and lets the rest through. */
class ConstraintsTest {

    private static final RecommendationRequest REQUEST = Requests.request("orders-1", Requests.machine(8, 16),
            Requests.readHeavy(50), Map.of(), RecommendationOptions.CONSERVATIVE);
    private static final Configuration TODAY = SearchSpace.current(REQUEST, new ArrayList<>());

    @Test
    void theCatalogRefusesAValueOutsideTheVersionsRangeAndAParameterTheVersionLacks() {
        CatalogValidity rule = new CatalogValidity();

        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("work_mem", "32kB"))))
                .hasValueSatisfying(m -> assertThat(m).contains("work_mem").contains("64kB"));
        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("no_such_setting", "1"))))
                .hasValueSatisfying(m -> assertThat(m).contains("has no parameter no_such_setting"));
        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("block_size", "16384"))))
                .hasValueSatisfying(m -> assertThat(m).contains("read-only"));
        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("work_mem", "64MB")))).isEmpty();
    }

    @Test
    void aLockedParameterIsRefusedWithTheLocksReason() {
        RecommendationRequest locked = REQUEST.withLocks(List.of(new LockRule(LockScope.ALL,
                new ParameterPattern("checkpoint_*"), "replication lag budget")));
        LockedParameters rule = new LockedParameters();

        assertThat(rule.violation(new Candidate(locked, TODAY, TODAY.with("checkpoint_timeout", "15min"))))
                .hasValueSatisfying(m -> assertThat(m).contains("locked").contains("replication lag budget"));
        assertThat(rule.violation(new Candidate(locked, TODAY, TODAY.with("work_mem", "64MB")))).isEmpty();
    }

    @Test
    void aRestartOnlyChangeIsRefusedUnlessRestartsAreAllowed() {
        RestartRequirement rule = new RestartRequirement();
        Configuration bigger = TODAY.with("shared_buffers", "4GB");

        assertThat(rule.violation(new Candidate(REQUEST, TODAY, bigger)))
                .hasValueSatisfying(m -> assertThat(m).contains("restart"));
        assertThat(rule.violation(new Candidate(REQUEST.withOptions(new RecommendationOptions(true, false)), TODAY,
                bigger))).isEmpty();
        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("work_mem", "64MB")))).isEmpty();
    }

    @Test
    void weakeningDurabilityIsRefusedUnlessATradeIsAllowedWhileStrengtheningIsNot() {
        DurabilityGuard rule = new DurabilityGuard();

        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("synchronous_commit", "off"))))
                .hasValueSatisfying(m -> assertThat(m).contains("weakens durability"));
        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("fsync", "off")))).isPresent();
        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("full_page_writes", "off")))).isPresent();
        assertThat(rule.violation(new Candidate(REQUEST.withOptions(new RecommendationOptions(false, true)), TODAY,
                TODAY.with("synchronous_commit", "off")))).isEmpty();
        Configuration weakToday = TODAY.with("synchronous_commit", "off");
        assertThat(rule.violation(new Candidate(REQUEST, weakToday, weakToday.with("synchronous_commit", "on"))))
                .isEmpty();
    }

    @Test
    void maxConnectionsBelowTheWorkloadsClientsIsRefused() {
        ConnectionFloor rule = new ConnectionFloor();

        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("max_connections", "40"))))
                .hasValueSatisfying(m -> assertThat(m).contains("53 connections").contains("refused"));
        assertThat(rule.violation(new Candidate(REQUEST, TODAY, TODAY.with("max_connections", "60")))).isEmpty();
    }

    @Test
    void theMemoryBudgetAddsEveryTermAndRefusesWhatExceedsTheRam() {
        // 50 active connections x 64MB x hash_mem_multiplier 2 x (2 workers + 1) = 18.75 GB > 16 GB
        Configuration greedy = TODAY.with("work_mem", "64MB");
        MemoryBudget.Breakdown b = MemoryBudget.of(REQUEST, greedy);

        assertThat(b.sharedBuffers()).isEqualTo(128 * Requests.MB);
        assertThat(b.workAreas()).isEqualTo(64 * Requests.MB * 2 * 3 * 50);
        assertThat(b.autovacuum()).isEqualTo(3 * 64 * Requests.MB);
        assertThat(b.walBuffers()).isEqualTo(4 * Requests.MB);
        assertThat(b.headroom()).isEqualTo(0.05 * 16 * Requests.GB);
        assertThat(b.fits()).isFalse();
        assertThat(new MemoryBudget().violation(new Candidate(REQUEST, TODAY, greedy)))
                .hasValueSatisfying(m -> assertThat(m).contains("50 active connections").contains("16 GB RAM"));
        assertThat(new MemoryBudget().violation(new Candidate(REQUEST, TODAY, TODAY.with("work_mem", "16MB"))))
                .isEmpty();
    }

    @Test
    void autovacuumWorkMemReplacesMaintenanceWorkMemAndExplicitWalBuffersCount() {
        Configuration c = TODAY.with("autovacuum_work_mem", "256MB").with("autovacuum_max_workers", "5")
                .with("wal_buffers", "64MB");
        MemoryBudget.Breakdown b = MemoryBudget.of(REQUEST, c);

        assertThat(b.autovacuum()).isEqualTo(5 * 256 * Requests.MB);
        assertThat(b.walBuffers()).isEqualTo(64 * Requests.MB);
    }

    @Test
    void everyRuleHasAName() {
        assertThat(Constraint.all()).extracting(Constraint::name).doesNotContainNull().doesNotHaveDuplicates()
                .contains("memory budget", "locked parameters");
    }
}
