package io.knobwright.model.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which changes of a durability setting weaken it: the orders of strength, as servers spell the values. */
class DurabilitySettingsTest {

    private static boolean weakens(String parameter, String from, String to) {
        return DurabilitySettings.weakening(parameter, from, to).isPresent();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} weakens")
    @CsvSource({
            "fsync, on, off",
            "fsync, ON, 0",
            "fsync, true, no",
            "full_page_writes, on, off",
            "synchronous_commit, remote_apply, on",
            "synchronous_commit, on, remote_write",
            "synchronous_commit, remote_write, local",
            "synchronous_commit, local, off",
            "synchronous_commit, remote_apply, off",
            "synchronous_commit, 'on', 'local'",
            "innodb_flush_log_at_trx_commit, 1, 2",
            "innodb_flush_log_at_trx_commit, 2, 0",
            "innodb_flush_log_at_trx_commit, 1, 0",
            // MariaDB's 3 syncs at prepare and at commit: as durable as 1
            "innodb_flush_log_at_trx_commit, 3, 2",
            "innodb_flush_log_at_trx_commit, 3, 0",
            "sync_binlog, 1, 100",
            "sync_binlog, 100, 1000",
            "sync_binlog, 1000, 0",
            "sync_binlog, 1, 0",
            "innodb_doublewrite, ON, OFF",
            "INNODB_DOUBLEWRITE, 1, 0",
    })
    void aWeakerValueIsNamedWithWhatCanBeLost(String parameter, String from, String to) {
        assertThat(DurabilitySettings.weakening(parameter, from, to)).hasValueSatisfying(loss -> assertThat(loss).isNotBlank());
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} does not weaken")
    @CsvSource({
            "fsync, off, on",
            "fsync, on, on",
            "fsync, on, 'ON'",
            "full_page_writes, off, on",
            "synchronous_commit, on, remote_apply",
            "synchronous_commit, remote_write, on",
            "synchronous_commit, local, remote_write",
            "synchronous_commit, off, local",
            "synchronous_commit, on, true",
            "innodb_flush_log_at_trx_commit, 2, 1",
            "innodb_flush_log_at_trx_commit, 0, 2",
            "innodb_flush_log_at_trx_commit, 1, 3",
            "innodb_flush_log_at_trx_commit, 3, 1",
            "sync_binlog, 100, 1",
            "sync_binlog, 0, 1000",
            "sync_binlog, 1000, 100",
            "sync_binlog, 1, 1",
            "innodb_doublewrite, OFF, ON",
    })
    void anEqualOrStrongerValueIsNoWeakening(String parameter, String from, String to) {
        assertThat(weakens(parameter, from, to)).isFalse();
    }

    @Test
    void eachSettingSaysWhatItRisks() {
        assertThat(DurabilitySettings.weakening("fsync", "on", "off")).hasValueSatisfying(l -> assertThat(l).contains("corrupt"));
        assertThat(DurabilitySettings.weakening("full_page_writes", "on", "off")).hasValueSatisfying(l -> assertThat(l).contains("torn pages"));
        assertThat(DurabilitySettings.weakening("synchronous_commit", "on", "off")).hasValueSatisfying(l -> assertThat(l).contains("lost"));
        assertThat(DurabilitySettings.weakening("innodb_flush_log_at_trx_commit", "1", "2"))
                .hasValueSatisfying(l -> assertThat(l).contains("about a second"));
        assertThat(DurabilitySettings.weakening("sync_binlog", "1", "0")).hasValueSatisfying(l -> assertThat(l).contains("binary log"));
        assertThat(DurabilitySettings.weakening("innodb_doublewrite", "on", "off")).hasValueSatisfying(l -> assertThat(l).contains("doublewrite"));
    }

    @Test
    void withoutABaselineTheOldValueIsTakenAsTheStrongest() {
        assertThat(weakens("fsync", null, "off")).isTrue();
        assertThat(weakens("full_page_writes", null, "off")).isTrue();
        assertThat(weakens("synchronous_commit", null, "remote_write")).isTrue();
        assertThat(weakens("innodb_flush_log_at_trx_commit", null, "2")).isTrue();
        assertThat(weakens("sync_binlog", null, "100")).isTrue();
        assertThat(weakens("innodb_doublewrite", null, "off")).isTrue();
    }

    @Test
    void withoutABaselineTheStrongestValueIsNoWeakening() {
        // was: an unknown "from" counted as stronger than every value, so fsync=on was reported as "weakened"
        assertThat(weakens("fsync", null, "on")).isFalse();
        assertThat(weakens("full_page_writes", null, "on")).isFalse();
        assertThat(weakens("synchronous_commit", null, "remote_apply")).isFalse();
        // the default, on: only a synchronous standby makes remote_apply stronger, so setting on weakens nothing
        assertThat(weakens("synchronous_commit", null, "on")).isFalse();
        assertThat(weakens("synchronous_commit", null, "local")).isTrue();
        assertThat(weakens("innodb_flush_log_at_trx_commit", null, "1")).isFalse();
        assertThat(weakens("innodb_flush_log_at_trx_commit", null, "3")).isFalse();
        assertThat(weakens("sync_binlog", null, "1")).isFalse();
        assertThat(weakens("innodb_doublewrite", null, "ON")).isFalse();
    }

    @Test
    void valuesNotUnderstoodAreNotGuessedAt() {
        assertThat(weakens("fsync", "on", "sometimes")).isFalse();
        assertThat(weakens("fsync", "sometimes", "off")).isFalse();
        assertThat(weakens("synchronous_commit", "on", "remote_everything")).isFalse();
        assertThat(weakens("innodb_flush_log_at_trx_commit", "1", "5")).isFalse();
        assertThat(weakens("sync_binlog", "1", "-1")).isFalse();
        assertThat(weakens("sync_binlog", "1", "many")).isFalse();
        assertThat(weakens("fsync", "on", null)).as("no target value").isFalse();
    }

    @Test
    void otherParametersNeverWeakenDurability() {
        assertThat(weakens("work_mem", "on", "off")).isFalse();
        assertThat(DurabilitySettings.isDurabilitySetting("work_mem")).isFalse();
        assertThat(DurabilitySettings.isDurabilitySetting("FSYNC")).isTrue();
        assertThat(DurabilitySettings.isDurabilitySetting("sync_binlog")).isTrue();
    }

    @Test
    void quotedValuesAreReadWithoutTheirQuotes() {
        assertThat(weakens("synchronous_commit", "'on'", "'off'")).isTrue();
        assertThat(weakens("fsync", " on ", "'off'")).isTrue();
        assertThat(weakens("fsync", "'", "off")).as("a lone quote is not a value").isFalse();
    }
}
