package io.knobwright.connectors.backup;

import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.ProblemKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.knobwright.connectors.backup.BackupFiles.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real tar-format base backups (pg_basebackup -Ft, and -Ft -z) of an embedded PostgreSQL 15 holding a table of 50,000
 * rows, verified intact and then damaged copy by copy: each damage is named by the file it hit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgTarBaseBackupTest {

    private static final String BASEBACKUP = "/usr/lib/postgresql/15/bin/pg_basebackup";
    private final BackupVerifier verifier = new BackupVerifier(new ExternalTools(), Clock.systemUTC(), Duration.ofMinutes(5));
    private Path work;
    private Path tar;
    private Path gzipped;

    @BeforeAll
    void takeBackups() throws Exception {
        work = Files.createTempDirectory("kw-bkdepth-tar");
        tar = work.resolve("tar");
        gzipped = work.resolve("tar-gz");
        try (EmbeddedPostgres pg = new EmbeddedPostgresMajors().start(15);
             Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create table orders(id int primary key, note text)");
            st.execute("insert into orders select g, md5(g::text) from generate_series(1, 50000) g");
            String port = Integer.toString(pg.getPort());
            run(BASEBACKUP, "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-D", tar.toString(), "-Ft", "-X", "stream", "--checkpoint=fast");
            run(BASEBACKUP, "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-D", gzipped.toString(), "-Ft", "-z", "-X", "stream", "--checkpoint=fast");
        }
    }

    @AfterAll
    void removeBackups() throws IOException {
        BackupFiles.deleteTree(work);
    }

    @Test
    void intactTarAndGzippedTarBackupsAreGoodWithTheirWalParsed() throws IOException {
        List<Path> walDirsBefore = walTemporaries();
        for (Path backup : List.of(tar, gzipped)) {
            BackupVerification v = verifier.verify(backup, Optional.empty());
            assertThat(v.problems()).as(backup.toString()).isEmpty();
            assertThat(v.status()).isEqualTo(BackupStatus.GOOD);
            assertThat(v.kind()).isEqualTo(BackupKind.PG_BASE_BACKUP_TAR);
            assertThat(v.facts()).containsKey("wal").containsEntry("server major", "15");
            assertThat(Long.parseLong(v.facts().get("manifest files"))).isGreaterThan(500);
            assertThat(v.knownDuration()).isPresent();
        }
        assertThat(walTemporaries()).as("the extracted WAL is always deleted").isEqualTo(walDirsBefore);
    }

    @Test
    void aTruncatedBaseTarIsNamedAndItsUncheckedFilesAreNotListedAsMissing() throws IOException {
        Path damaged = copy("cut");
        Path base = damaged.resolve("base.tar");
        BackupFiles.truncate(base, Files.size(base) / 2 + 100);
        BackupVerification v = verifier.verify(damaged, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("base.tar");
            assertThat(p.kind()).isEqualTo(ProblemKind.TRUNCATED);
            assertThat(p.detail()).contains("the tar ends inside");
        });
    }

    @Test
    void bytesFlippedInsideAFileOfTheTarAreNamedByThatFile() throws IOException {
        Path damaged = copy("flipped");
        BackupFiles.TarMember largest = BackupFiles.members(damaged.resolve("base.tar")).stream()
                .filter(m -> m.name().startsWith("base/")).max(Comparator.comparingLong(BackupFiles.TarMember::size)).orElseThrow();
        BackupFiles.flip(damaged.resolve("base.tar"), largest.dataOffset() + largest.size() / 2);
        BackupVerification v = verifier.verify(damaged, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(largest.name());
            assertThat(p.kind()).isEqualTo(ProblemKind.CHECKSUM_MISMATCH);
            assertThat(p.detail()).contains("base.tar");
        });
    }

    @Test
    void aDeletedWalTarIsNamed() throws IOException {
        Path damaged = copy("no-wal");
        Files.delete(damaged.resolve("pg_wal.tar"));
        BackupVerification v = verifier.verify(damaged, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(kindsOf(v, "pg_wal.tar")).containsExactly(ProblemKind.WAL_MISSING);
    }

    @Test
    void aCorruptWalSegmentIsNamedByItsTar() throws IOException {
        Path damaged = copy("bad-wal");
        BackupFiles.TarMember segment = BackupFiles.members(damaged.resolve("pg_wal.tar")).getFirst();
        BackupFiles.flip(damaged.resolve("pg_wal.tar"), segment.dataOffset() + 40);
        BackupVerification v = verifier.verify(damaged, Optional.empty());
        assertThat(kindsOf(v, "pg_wal.tar")).containsExactly(ProblemKind.WAL_MISSING);
    }

    @Test
    void aTruncatedGzippedTarIsNamed() throws IOException {
        Path damaged = work.resolve("gz-cut");
        BackupFiles.copyTree(gzipped, damaged);
        Path base = damaged.resolve("base.tar.gz");
        BackupFiles.truncate(base, Files.size(base) / 2);
        BackupVerification v = verifier.verify(damaged, Optional.empty());
        assertThat(kindsOf(v, "base.tar.gz")).containsExactly(ProblemKind.CORRUPT_GZIP);
        assertThat(v.problems()).hasSize(1);
    }

    @Test
    void anEditedManifestIsNamedAndAMissingOneToo() throws IOException {
        Path edited = copy("edited-manifest");
        Path manifest = edited.resolve("backup_manifest");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"Size\": 3,", "\"Size\": 4,"));
        BackupVerification v = verifier.verify(edited, Optional.empty());
        assertThat(kindsOf(v, "backup_manifest")).containsExactly(ProblemKind.MANIFEST_INVALID);
        assertThat(v.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo(ProblemKind.SIZE_MISMATCH));

        Path without = copy("no-manifest");
        Files.delete(without.resolve("backup_manifest"));
        assertThat(kindsOf(verifier.verify(without, Optional.empty()), "backup_manifest")).containsExactly(ProblemKind.MISSING_FILE);
    }

    @Test
    void withoutPgWaldumpTheWalIsUncheckedAndSaysWhatToInstall() {
        BackupVerifier noTools = new BackupVerifier(new ExternalTools(List.of()), Clock.systemUTC(), Duration.ofMinutes(1));
        BackupVerification v = noTools.verify(tar, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.UNCHECKED);
        assertThat(v.problems()).singleElement().satisfies(p -> assertThat(p.detail()).contains("install postgresql-client-15"));
    }

    private Path copy(String name) throws IOException {
        Path to = work.resolve(name);
        BackupFiles.copyTree(tar, to);
        return to;
    }

    private static List<ProblemKind> kindsOf(BackupVerification v, String file) {
        return v.problems().stream().filter(p -> p.file().equals(file)).map(BackupProblem::kind).toList();
    }

    private static List<Path> walTemporaries() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("knobwright-wal")).sorted().toList();
        }
    }
}
