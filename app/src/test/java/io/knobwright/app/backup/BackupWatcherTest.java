package io.knobwright.app.backup;

import io.knobwright.connectors.backup.BackupVerifier;
import io.knobwright.model.backup.BackupRepository;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupWatch;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BackupWatcherTest {

    private static final String DUMP = """
            -- MariaDB dump 10.19  Distrib 10.11.9-MariaDB, for debian-linux-gnu (x86_64)
            CREATE TABLE `t` (`id` int);
            INSERT INTO `t` VALUES (1),(2);
            -- Dump completed on 2026-12-06 15:00:00
            """;

    private final KnobwrightStore store = KnobwrightStore.inMemory("watch-" + UUID.randomUUID(), false);
    private final BackupRepository backups = store.backups();
    private final Instant written = Instant.parse("2026-12-06T10:00:00Z");
    private Instant now = written;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aBackupIsVerifiedOnceSettledAndAgainOnlyAfterItChanges() throws Exception {
        Path dump = Files.writeString(dir.resolve("nightly.sql"), DUMP);
        Files.setLastModifiedTime(dump, FileTime.from(written));
        backups.watch(new BackupWatch(7, "shop", dir.toString(), Duration.ofHours(24), null));
        BackupVerifier verifier = new BackupVerifier(new io.knobwright.connectors.backup.ExternalTools(java.util.List.of()),
                clock, Duration.ofMinutes(1));
        BackupWatcher watcher = new BackupWatcher(backups, clock, Duration.ofSeconds(120),
                (w, p) -> backups.record(w.instanceId(), verifier.verify(p, Optional.empty())));

        now = written.plusSeconds(60);
        assertThat(watcher.runOnce()).as("still being written").isEmpty();

        now = written.plusSeconds(180);
        assertThat(watcher.runOnce()).extracting(BackupWatcher.Due::backup).containsExactly(dump);
        assertThat(backups.history(7)).singleElement()
                .satisfies(r -> assertThat(r.verification().status()).isEqualTo(BackupStatus.GOOD));

        now = written.plusSeconds(600);
        assertThat(watcher.runOnce()).as("unchanged since verified").isEmpty();

        Files.writeString(dump, DUMP.substring(0, DUMP.indexOf("(2)")));
        Files.setLastModifiedTime(dump, FileTime.from(written.plusSeconds(700)));
        now = written.plusSeconds(900);
        assertThat(watcher.runOnce()).extracting(BackupWatcher.Due::backup).containsExactly(dump);
        assertThat(backups.history(7)).hasSize(2).last()
                .satisfies(r -> assertThat(r.verification().status()).isEqualTo(BackupStatus.DAMAGED));
    }

    @Test
    void aWatchRoundStoresSettledBackupsForTheirInstanceAndSkipsRemovedInstances() throws Exception {
        Path shop = Files.createDirectories(dir.resolve("shop"));
        Path gone = Files.createDirectories(dir.resolve("gone"));
        for (Path d : new Path[] {shop, gone}) {
            Files.setLastModifiedTime(Files.writeString(d.resolve("nightly.sql"), DUMP), FileTime.from(written));
            Files.setLastModifiedTime(d, FileTime.from(written));
        }
        backups.watch(new BackupWatch(7, "shop", shop.toString(), Duration.ofHours(24), null));
        backups.watch(new BackupWatch(9, "gone", gone.toString(), Duration.ofHours(24), null));
        var instance = io.knobwright.app.ui.Fixtures.instance(7, "shop", io.knobwright.model.engine.Engine.MARIADB, "10.11",
                io.knobwright.model.fleet.Tier.PRODUCTION, io.knobwright.model.fleet.Criticality.CRITICAL,
                io.knobwright.model.fleet.WorkloadKind.OLTP, java.util.Map.of());
        BackupService service = new BackupService(backups, new BackupVerifier(
                new io.knobwright.connectors.backup.ExternalTools(java.util.List.of()), clock, Duration.ofMinutes(1)), clock);
        now = written.plusSeconds(300);

        var outcomes = service.verifyDue(id -> id == 7 ? Optional.of(instance) : Optional.empty(), Duration.ofSeconds(120));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.verification().path()).isEqualTo(shop.resolve("nightly.sql").toString());
            assertThat(o.instance().orElseThrow().rpo().compliant()).isTrue();
        });
        assertThat(backups.history(7)).hasSize(1);
        assertThat(backups.history(9)).isEmpty();
        assertThat(service.verifyDue(id -> id == 7 ? Optional.of(instance) : Optional.empty(), Duration.ofSeconds(120))).isEmpty();
    }

    @Test
    void everyViewCountsABackupAsItsNewestVerificationSaysSoOneThatTurnedDamagedIsNoLongerGood() throws Exception {
        Path dump = Files.writeString(dir.resolve("nightly.sql"), DUMP);
        Files.setLastModifiedTime(dump, FileTime.from(written));
        var instance = io.knobwright.app.ui.Fixtures.instance(7, "shop", io.knobwright.model.engine.Engine.MARIADB, "10.11",
                io.knobwright.model.fleet.Tier.PRODUCTION, io.knobwright.model.fleet.Criticality.CRITICAL,
                io.knobwright.model.fleet.WorkloadKind.OLTP, java.util.Map.of());
        BackupService service = new BackupService(backups, new BackupVerifier(
                new io.knobwright.connectors.backup.ExternalTools(java.util.List.of()), clock, Duration.ofMinutes(1)), clock);
        now = written.plusSeconds(300);
        service.verify(dump, Optional.of(instance));
        assertThat(service.overview(instance, now).rpo().compliant()).isTrue();

        Files.writeString(dump, DUMP.substring(0, DUMP.indexOf("(2)")));
        Files.setLastModifiedTime(dump, FileTime.from(written));
        now = written.plusSeconds(900);
        BackupService.Outcome second = service.verify(dump, Optional.of(instance));

        // the alerts, /metrics and verify's own answer judge the same way as the Health screen
        assertThat(second.instance().orElseThrow().rpo().lastGood()).isNull();
        assertThat(service.standing(instance).orElseThrow().rpo().compliant()).isFalse();
        assertThat(service.standing(instance).orElseThrow().latest().status()).isEqualTo(BackupStatus.DAMAGED);
        BackupService.Overview overview = service.overview(instance, now);
        assertThat(backups.history(7)).hasSize(2);
        assertThat(overview.backups()).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED));
        assertThat(overview.rpo().lastGood()).as("the only backup is damaged now").isNull();
        assertThat(overview.watch()).isEmpty();
        assertThat(overview.rpo().rpo()).isEqualTo(BackupService.DEFAULT_RPO);
    }
}
