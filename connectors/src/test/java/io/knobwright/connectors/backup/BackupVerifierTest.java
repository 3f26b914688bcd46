package io.knobwright.connectors.backup;

import io.knobwright.connectors.LocalServices;
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
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real backups (pg_dump of the local PostgreSQL 15, mariadb-dump of the local MariaDB, pg_basebackup of an embedded
 * PostgreSQL 15), verified intact and then corrupted copy by copy: every corruption must be named by file or kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupVerifierTest {

    private final String database = "kw_backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final BackupVerifier verifier = new BackupVerifier(new ExternalTools(), Clock.systemUTC(), Duration.ofMinutes(5));
    private Path work;
    private Path customDump;
    private Path plainDump;
    private Path mariaDump;
    private Path baseBackup;

    @BeforeAll
    void makeBackups() throws Exception {
        LocalServices.requirePostgres();
        LocalServices.requireMariaDb();
        work = Files.createTempDirectory("kw-backup-test");
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", "create database " + database);
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-c",
                "create table orders(id int primary key, note text);"
                        + "insert into orders select g, md5(g::text) || ' it''s ; \"quoted\"' from generate_series(1, 20000) g;"
                        + "create function add_one(i int) returns int language plpgsql as $body$ begin return i + 1; end $body$;");
        customDump = work.resolve("orders.dump");
        plainDump = work.resolve("orders.sql");
        run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", customDump.toString(), database);
        run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-f", plainDump.toString(), database);

        mariaDump = work.resolve("maria.sql");
        run("mariadb", "-h", "127.0.0.1", "-u", "root", "-e", "create database " + database
                + "; use " + database + "; create table items(id int primary key, note varchar(100));"
                + " insert into items select seq, concat(md5(seq), ' it''s ; `x`') from seq_1_to_5000;");
        run("mariadb-dump", "-h", "127.0.0.1", "-u", "root", "--result-file=" + mariaDump, "--databases", database);

        try (EmbeddedPostgres pg = new EmbeddedPostgresMajors().start(15)) {
            baseBackup = work.resolve("base");
            run("/usr/lib/postgresql/15/bin/pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(pg.getPort()),
                    "-U", "postgres", "-D", baseBackup.toString(), "-Fp", "-X", "stream", "--checkpoint=fast");
        }
    }

    @AfterAll
    void dropEverything() throws Exception {
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-c", "drop database if exists " + database);
        run("mariadb", "-h", "127.0.0.1", "-u", "root", "-e", "drop database if exists " + database);
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void intactBackupsOfEveryKindAreGood() throws IOException {
        Path gz = gzip(plainDump, work.resolve("intact.sql.gz"));
        assertGood(customDump, BackupKind.PG_DUMP_CUSTOM);
        assertGood(plainDump, BackupKind.PG_SQL_DUMP);
        assertGood(gz, BackupKind.PG_SQL_DUMP);
        assertGood(mariaDump, BackupKind.MARIADB_DUMP);
        BackupVerification base = assertGood(baseBackup, BackupKind.PG_BASE_BACKUP);
        assertThat(base.checksums()).hasSizeGreaterThan(100);
        assertThat(base.bytes()).isPositive();
    }

    @Test
    void truncatedCustomArchiveIsNamedEvenThoughItsTableOfContentsStillLists() throws IOException {
        Path cut = copy(customDump, "cut.dump");
        truncate(cut, Files.size(cut) * 2 / 3);
        BackupVerification v = verifier.verify(cut, Optional.empty());
        assertThat(v.status()).isNotEqualTo(BackupStatus.GOOD);
        assertThat(v.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("cut.dump");
            assertThat(p.kind()).isEqualTo(ProblemKind.TRUNCATED);
        });
    }

    @Test
    void plainDumpCutMidStatementIsNamed() throws IOException {
        Path cut = copy(plainDump, "cut.sql");
        truncate(cut, Files.size(cut) / 2);
        BackupVerification v = verifier.verify(cut, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(kindsOf(v, "cut.sql")).contains(ProblemKind.TRUNCATED, ProblemKind.MISSING_FOOTER);
    }

    @Test
    void mariadbDumpCutMidStatementIsNamed() throws IOException {
        Path cut = copy(mariaDump, "cut-maria.sql");
        truncate(cut, Files.size(cut) / 2);
        BackupVerification v = verifier.verify(cut, Optional.empty());
        assertThat(v.kind()).isEqualTo(BackupKind.MARIADB_DUMP);
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(kindsOf(v, "cut-maria.sql")).contains(ProblemKind.MISSING_FOOTER)
                .containsAnyOf(ProblemKind.TRUNCATED, ProblemKind.UNBALANCED);
    }

    @Test
    void truncatedAndCorruptGzipAreNamed() throws IOException {
        Path cut = gzip(plainDump, work.resolve("cut.sql.gz"));
        truncate(cut, Files.size(cut) / 2);
        assertThat(kindsOf(verifier.verify(cut, Optional.empty()), "cut.sql.gz")).containsExactly(ProblemKind.CORRUPT_GZIP);

        Path flipped = gzip(plainDump, work.resolve("flipped.sql.gz"));
        flip(flipped, Files.size(flipped) / 2);
        BackupVerification v = verifier.verify(flipped, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(kindsOf(v, "flipped.sql.gz")).containsExactly(ProblemKind.CORRUPT_GZIP);
    }

    @Test
    void baseBackupCorruptionsAreEachNamedByFile() throws IOException {
        Path damaged = work.resolve("base-damaged");
        copyTree(baseBackup, damaged);
        List<Path> data = largestDataFiles(damaged, 3);
        String truncated = damaged.relativize(data.get(0)).toString();
        String flipped = damaged.relativize(data.get(1)).toString();
        String removed = damaged.relativize(data.get(2)).toString();
        truncate(data.get(0), Files.size(data.get(0)) / 2);
        flip(data.get(1), Files.size(data.get(1)) / 2);
        Files.delete(data.get(2));

        BackupVerification v = verifier.verify(damaged, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(kindsOf(v, truncated)).contains(ProblemKind.SIZE_MISMATCH);
        assertThat(kindsOf(v, flipped)).contains(ProblemKind.CHECKSUM_MISMATCH);
        assertThat(kindsOf(v, removed)).contains(ProblemKind.MISSING_FILE);
    }

    @Test
    void aFileChangedSinceThePreviousVerificationIsNamedWhenItStillParses() throws IOException {
        Path dump = copy(plainDump, "changed.sql");
        BackupVerification before = verifier.verify(dump, Optional.empty());
        assertThat(before.status()).isEqualTo(BackupStatus.GOOD);
        String text = Files.readString(dump);
        Files.writeString(dump, text.replaceFirst("it's", "it''s"));
        BackupVerification after = verifier.verify(dump, Optional.of(before));
        assertThat(kindsOf(after, "changed.sql")).containsExactly(ProblemKind.CHANGED_SINCE_LAST_CHECK);
    }

    @Test
    void aMissingToolSaysWhatToInstall() {
        BackupVerifier without = new BackupVerifier(new ExternalTools(List.of()), Clock.systemUTC(), Duration.ofMinutes(1));
        BackupVerification v = without.verify(baseBackup, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.UNCHECKED);
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.TOOL_MISSING);
            assertThat(p.detail()).contains("install postgresql-client-15");
        });
    }

    private BackupVerification assertGood(Path path, BackupKind kind) {
        BackupVerification v = verifier.verify(path, Optional.empty());
        assertThat(v.problems()).as(path.toString()).isEmpty();
        assertThat(v.status()).isEqualTo(BackupStatus.GOOD);
        assertThat(v.kind()).isEqualTo(kind);
        return v;
    }

    private static List<ProblemKind> kindsOf(BackupVerification v, String file) {
        return v.problems().stream().filter(p -> p.file().equals(file)).map(BackupProblem::kind).toList();
    }

    private Path copy(Path from, String name) throws IOException {
        return Files.copy(from, work.resolve(name));
    }

    private static Path gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
        return to;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (long i = at; i < at + 16; i++) {
                f.seek(i);
                int b = f.read();
                f.seek(i);
                f.write(b ^ 0xff);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static List<Path> largestDataFiles(Path dir, int n) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("base"))) {
            return files.filter(Files::isRegularFile).sorted(Comparator.comparingLong(BackupVerifierTest::sizeOf).reversed())
                    .limit(n).toList();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
