package io.knobwright.connectors.backup;

import io.knobwright.connectors.LocalServices;
import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.ProblemKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.knobwright.connectors.backup.BackupFiles.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real pg_dumps of a database on the local PostgreSQL 15 (two tables of 20,000 and 500 rows, three indexes, a table
 * owned by a role of its own), restored into an embedded PostgreSQL 15 intact, then cut and with bytes flipped: the
 * restore names what failed. One embedded server is started per restore, as the product does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DumpRestoreTest {

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String database = "bkdepth_restore_" + suffix;
    private final String owner = "bkdepth_owner_" + suffix;
    private final EmbeddedPostgresMajors majors = new EmbeddedPostgresMajors();
    private final ExternalTools tools = new ExternalTools();
    private final BackupVerifier verifier = new BackupVerifier(tools, Clock.systemUTC(), Duration.ofMinutes(5),
            new DumpRestore(tools, () -> majors.builder(15), Duration.ofMinutes(5)));
    private final List<String> progress = new ArrayList<>();
    private Path work;
    private Path custom;
    private Path plain;

    @BeforeAll
    void dumpARealDatabase() throws Exception {
        LocalServices.requirePostgres();
        work = Files.createTempDirectory("kw-bkdepth-restore");
        psql("postgres", "create role " + owner + " nologin");
        psql("postgres", "create database " + database);
        psql(database, "create table orders(id int primary key, customer int not null, note text);"
                + "insert into orders select g, g % 500, md5(g::text) from generate_series(1, 20000) g;"
                + "create index orders_customer on orders(customer);"
                + "create table customers(id int primary key, name text);"
                + "insert into customers select g, 'customer ' || g from generate_series(0, 499) g;"
                + "alter table customers owner to " + owner + ";"
                + "create view big_orders as select * from orders where id > 19000;");
        custom = work.resolve("shop.dump");
        plain = work.resolve("shop.sql");
        run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", custom.toString(), database);
        run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-f", plain.toString(), database);
    }

    @AfterAll
    void dropEverything() throws Exception {
        psql("postgres", "drop database if exists " + database);
        psql("postgres", "drop role if exists " + owner);
        BackupFiles.deleteTree(work);
    }

    @Test
    void anIntactCustomDumpRestoresWithEveryTableRowAndIndex() {
        BackupVerifier.Verified v = verifier.verifyAndRestore(custom, Optional.empty(), progress::add);
        assertThat(v.verification().problems()).isEmpty();
        assertThat(v.verification().status()).isEqualTo(BackupStatus.GOOD);
        RestoreReport report = v.restore().orElseThrow();
        assertThat(report.tables()).containsExactly(new RestoreReport.RestoredTable("public.customers", 500),
                new RestoreReport.RestoredTable("public.orders", 20000));
        assertThat(report.rows()).isEqualTo(20500);
        assertThat(report.indexes()).isEqualTo(3);
        assertThat(report.serverMajor()).isEqualTo(15);
        assertThat(report.dumpMajor()).isEqualTo(15);
        assertThat(report.versionGap()).isFalse();
        assertThat(v.verification().facts().get("restore")).startsWith("2 tables, 20500 rows, 3 indexes restored into PostgreSQL 15.");
        assertThat(progress).anyMatch(l -> l.equals("restore: loading public.orders"))
                .anyMatch(l -> l.startsWith("restore: starting an embedded PostgreSQL"));
    }

    @Test
    void anIntactPlainDumpRestoresWithItsOwnersRole() {
        BackupVerifier.Verified v = verifier.verifyAndRestore(plain, Optional.empty(), progress::add);
        assertThat(v.verification().problems()).isEmpty();
        RestoreReport report = v.restore().orElseThrow();
        assertThat(report.rows()).isEqualTo(20500);
        assertThat(report.indexes()).isEqualTo(3);
        assertThat(report.tool()).contains("psql");
    }

    @Test
    void aTruncatedCustomDumpFailsTheRestoreNamingTheTableWhoseDataIsCut() throws IOException {
        Path cut = Files.copy(custom, work.resolve("cut.dump"));
        BackupFiles.truncate(cut, Files.size(cut) * 2 / 3);
        BackupVerifier.Verified v = verifier.verifyAndRestore(cut, Optional.empty(), progress::add);
        assertThat(v.verification().status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(v.verification().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("cut.dump");
            assertThat(p.kind()).isEqualTo(ProblemKind.RESTORE_FAILED);
            assertThat(p.detail()).startsWith("TABLE DATA public.orders: ");
        });
        assertThat(v.restore().orElseThrow().errors()).isPositive();
    }

    @Test
    void flippedBytesInACustomDumpFailTheRestoreOfThatTable() throws IOException {
        Path flipped = Files.copy(custom, work.resolve("flipped.dump"));
        BackupFiles.flip(flipped, Files.size(flipped) / 2);
        BackupVerifier.Verified v = verifier.verifyAndRestore(flipped, Optional.empty(), progress::add);
        assertThat(v.verification().status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(v.verification().problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.RESTORE_FAILED);
            assertThat(p.detail()).contains("orders");
        });
    }

    @Test
    void aPlainDumpWhoseRowsWereDamagedPassesTheScanButFailsTheRestoreAtItsLine() throws IOException {
        Path damaged = work.resolve("damaged.sql");
        byte[] bytes = Files.readAllBytes(plain);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int row = text.indexOf("\n12345\t") + 1; // orders row 12345 in the COPY data
        try (RandomAccessFile f = new RandomAccessFile(Files.write(damaged, bytes).toFile(), "rw")) {
            f.seek(row + 1);
            f.write("ZZ".getBytes(StandardCharsets.US_ASCII)); // 12345 -> 1ZZ45: two bytes of a row rotted
        }
        assertThat(verifier.verify(damaged, Optional.empty()).status()).as("the lexical scan cannot see it").isEqualTo(BackupStatus.GOOD);

        BackupVerifier.Verified v = verifier.verifyAndRestore(damaged, Optional.empty(), progress::add);
        assertThat(v.verification().status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(v.verification().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("damaged.sql");
            assertThat(p.kind()).isEqualTo(ProblemKind.RESTORE_FAILED);
            assertThat(p.detail()).startsWith("line ").contains("invalid input syntax for type integer: \"1ZZ45\"")
                    .contains("COPY orders");
        });
        assertThat(v.restore().orElseThrow().tables()).contains(new RestoreReport.RestoredTable("public.orders", 0));
    }

    @Test
    void aDumpNewerThanTheEmbeddedServerSaysSo() {
        BackupVerifier older = new BackupVerifier(tools, Clock.systemUTC(), Duration.ofMinutes(5),
                new DumpRestore(tools, () -> majors.builder(14), Duration.ofMinutes(5)));
        BackupVerifier.Verified v = older.verifyAndRestore(custom, Optional.empty(), progress::add);
        RestoreReport report = v.restore().orElseThrow();
        assertThat(report.versionGap()).isTrue();
        assertThat(v.verification().facts().get("restore version gap"))
                .isEqualTo("the dump comes from PostgreSQL 15, the embedded server is 14: errors on what 14 lacks are the gap, not damage");
        assertThat(progress).anyMatch(l -> l.startsWith("restore: note: the dump comes from PostgreSQL 15, newer than the embedded 14."));
    }

    @Test
    void aDumpNewerThanTheRestoreToolsSaysWhatToInstall() throws IOException {
        Path newer = work.resolve("from-16.sql");
        Files.writeString(newer, Files.readString(plain).replaceFirst("-- Dumped by pg_dump version \\S+", "-- Dumped by pg_dump version 16.4"));
        BackupVerifier.Verified v = verifier.verifyAndRestore(newer, Optional.empty(), progress::add);
        assertThat(v.verification().status()).isEqualTo(BackupStatus.UNCHECKED);
        assertThat(v.verification().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("psql");
            assertThat(p.kind()).isEqualTo(ProblemKind.TOOL_MISSING);
            assertThat(p.detail()).contains("older than the backup (PostgreSQL 16)").contains("install postgresql-client-16");
        });

        Path archive = Files.copy(custom, work.resolve("archive-1.16.dump"));
        try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
            f.seek(6);
            f.write(16); // "PGDMP" 1 14 0 -> 1 16 0: the archive format of pg_dump 17
        }
        BackupVerifier.Verified a = verifier.verifyAndRestore(archive, Optional.empty(), progress::add);
        assertThat(a.verification().status()).isEqualTo(BackupStatus.UNCHECKED);
        assertThat(a.verification().problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.TOOL_MISSING);
            assertThat(p.detail()).contains("unsupported version (1.16)").contains("newer pg_dump");
        });
        assertThat(a.restore()).isEmpty();
        assertThat(a.verification().facts().get("restore")).startsWith("not done: the archive's table of contents could not be read");
    }

    @Test
    void aGzippedCustomDumpIsDecompressedAndRestoredAndACutGzipIsNotRestored() throws IOException {
        Path gz = work.resolve("shop.dump.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(custom, out);
        }
        BackupVerifier.Verified v = verifier.verifyAndRestore(gz, Optional.empty(), progress::add);
        assertThat(v.verification().problems()).isEmpty();
        assertThat(v.restore().orElseThrow().rows()).isEqualTo(20500);
        assertThat(progress).contains("restore: decompressing shop.dump.gz");

        Path cut = Files.copy(gz, work.resolve("cut.dump.gz"));
        BackupFiles.truncate(cut, Files.size(cut) / 2);
        BackupVerifier.Verified c = verifier.verifyAndRestore(cut, Optional.empty(), progress::add);
        assertThat(c.restore()).isEmpty();
        assertThat(c.verification().facts()).containsEntry("restore", "not done: the gzip stream is damaged");
    }

    @Test
    void aServerThatCannotStartIsAnUncheckedRestoreThatSaysWhereToLook() {
        BackupVerifier broken = new BackupVerifier(tools, Clock.systemUTC(), Duration.ofMinutes(1), new DumpRestore(tools,
                () -> { throw new IllegalStateException("no PostgreSQL binaries for this platform"); }, Duration.ofMinutes(1)));
        BackupVerifier.Verified v = broken.verifyAndRestore(plain, Optional.empty(), progress::add);
        assertThat(v.verification().status()).isEqualTo(BackupStatus.UNCHECKED);
        assertThat(v.verification().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.TOOL_MISSING);
            assertThat(p.detail()).contains("could not be started").contains("no PostgreSQL binaries for this platform");
        });
    }

    @Test
    void kindsThatAreNotDumpsAreNotRestoredAndSaySo() throws IOException {
        Path maria = work.resolve("maria.sql");
        Files.writeString(maria, "-- MariaDB dump 10.19\nCREATE TABLE t (id int);\n-- Dump completed on 2026-12-06\n");
        BackupVerifier.Verified v = verifier.verifyAndRestore(maria, Optional.empty(), progress::add);
        assertThat(v.verification().kind()).isEqualTo(BackupKind.MARIADB_DUMP);
        assertThat(v.restore()).isEmpty();
        assertThat(v.verification().facts().get("restore")).startsWith("not done: only pg_dump archives and plain pg_dump SQL");
    }

    @Test
    void rolesOfAPlainScriptAreFoundForTheSandbox() throws IOException {
        Path script = work.resolve("roles.sql");
        Files.writeString(script, "ALTER TABLE public.t OWNER TO app_owner;\nGRANT SELECT ON TABLE public.t TO \"Read Only\";\n"
                + "GRANT ALL ON SCHEMA public TO PUBLIC;\nALTER DEFAULT PRIVILEGES FOR ROLE etl IN SCHEMA public GRANT SELECT ON TABLES TO app_owner;\n");
        assertThat(DumpRestore.roles(script)).containsExactly("\"app_owner\"", "\"Read Only\"", "\"etl\"");
        assertThat(DumpRestore.major("15.4 (Debian 15.4-1.pgdg120+1)")).isEqualTo(15);
        assertThat(DumpRestore.major("")).isZero();
    }

    private static void psql(String db, String sql) throws IOException, InterruptedException {
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    @SuppressWarnings("unused")
    private static List<ProblemKind> kinds(List<BackupProblem> problems) {
        return problems.stream().map(BackupProblem::kind).toList();
    }
}
