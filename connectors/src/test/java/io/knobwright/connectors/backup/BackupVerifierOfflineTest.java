package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verification that needs no server and no real PostgreSQL tool: temp files, and fake tools written as shell scripts. */
class BackupVerifierOfflineTest {

    private static final String PG_DUMP = "--\n-- PostgreSQL database dump\n--\n\nSELECT 1;\n\n--\n-- PostgreSQL database dump complete\n--\n";
    private static final String MARIA_DUMP = "-- MariaDB dump 10.19\n--\nINSERT INTO `t` VALUES (1,'a\\'b');\n-- Dump completed on 2026-12-06\n";

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    private final BackupVerifier noTools = new BackupVerifier(new ExternalTools(List.of()), clock, Duration.ofSeconds(30));

    @Test
    void aTarBaseBackupThatIsNoTarWithAManifestThatIsNoManifestIsNamedFileByFileAndChecksummed() throws IOException {
        Path backup = Files.createDirectory(dir.resolve("tarbackup"));
        Files.writeString(backup.resolve("base.tar"), "tar bytes");
        Files.writeString(backup.resolve("backup_manifest"), "{}");
        BackupVerification v = noTools.verify(backup, Optional.empty());
        assertThat(v.kind()).isEqualTo(BackupKind.PG_BASE_BACKUP_TAR);
        assertThat(v.status()).isEqualTo(BackupStatus.UNREADABLE);
        assertThat(v.problems()).extracting(BackupProblem::file, BackupProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("backup_manifest", ProblemKind.MANIFEST_INVALID),
                org.assertj.core.groups.Tuple.tuple("base.tar", ProblemKind.TRUNCATED));
        assertThat(v.checksums()).extracting(c -> c.file()).containsExactly("backup_manifest", "base.tar");
        assertThat(v.bytes()).isEqualTo(11);
        assertThat(v.verifiedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aMariabackupDirectoryWithOnlyItsCheckpointsNamesEveryMissingFile() throws IOException {
        Path backup = Files.createDirectory(dir.resolve("maria"));
        Files.writeString(backup.resolve("xtrabackup_checkpoints"), "backup_type = full-backuped\n");
        BackupVerification v = noTools.verify(backup, Optional.empty());
        assertThat(v.kind()).isEqualTo(BackupKind.MARIABACKUP);
        assertThat(v.status()).isEqualTo(BackupStatus.UNREADABLE);
        assertThat(v.problems()).extracting(BackupProblem::file, BackupProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("backup-my.cnf", ProblemKind.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("xtrabackup_checkpoints", ProblemKind.MANIFEST_INVALID),
                org.assertj.core.groups.Tuple.tuple("xtrabackup_info", ProblemKind.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("ibdata1", ProblemKind.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("ib_logfile0", ProblemKind.MISSING_FILE));
    }

    @Test
    void unknownAndEmptyFilesAreNamed() throws IOException {
        BackupVerification unknown = noTools.verify(Files.writeString(dir.resolve("notes.txt"), "hello"), Optional.empty());
        assertThat(unknown.kind()).isEqualTo(BackupKind.UNKNOWN);
        assertThat(unknown.status()).isEqualTo(BackupStatus.UNCHECKED);
        assertThat(unknown.problems()).extracting(BackupProblem::file, BackupProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notes.txt", ProblemKind.NOT_A_BACKUP));

        BackupVerification empty = noTools.verify(Files.writeString(dir.resolve("empty.sql"), ""), Optional.empty());
        assertThat(empty.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(empty.problems()).extracting(BackupProblem::kind).containsExactly(ProblemKind.NOT_A_BACKUP, ProblemKind.EMPTY);
    }

    @Test
    void aMissingPathIsRefused() {
        assertThatThrownBy(() -> noTools.verify(dir.resolve("absent"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No file or directory at");
    }

    @Test
    void sqlDumpsArePlainOrGzippedAreScannedWithoutAnyTool() throws IOException {
        BackupVerification pg = noTools.verify(Files.writeString(dir.resolve("pg.sql"), PG_DUMP), Optional.empty());
        assertThat(pg.status()).isEqualTo(BackupStatus.GOOD);
        assertThat(pg.facts()).containsEntry("statements", "1").containsEntry("header", "PostgreSQL database dump");

        Path gz = gzip(Files.writeString(dir.resolve("maria.sql"), MARIA_DUMP), dir.resolve("maria.sql.gz"));
        BackupVerification maria = noTools.verify(gz, Optional.empty());
        assertThat(maria.kind()).isEqualTo(BackupKind.MARIADB_DUMP);
        assertThat(maria.status()).isEqualTo(BackupStatus.GOOD);
        assertThat(maria.facts()).containsEntry("compression", "gzip")
                .containsEntry("uncompressed bytes", Integer.toString(MARIA_DUMP.length()));
    }

    @Test
    void changedAndRemovedFilesSinceThePreviousVerificationAreNamed() throws IOException {
        Path backup = Files.createDirectory(dir.resolve("xb"));
        Files.writeString(backup.resolve("xtrabackup_checkpoints"), "backup_type = full-backuped\nfrom_lsn = 0\nto_lsn = 10\nlast_lsn = 10\n");
        Files.writeString(backup.resolve("backup-my.cnf"), "[mysqld]\ninnodb_data_file_path=ibdata1:16K:autoextend\n");
        Files.writeString(backup.resolve("xtrabackup_info"), "tool_name = mariabackup\n");
        Files.writeString(backup.resolve("ib_logfile0"), "redo");
        Files.write(backup.resolve("ibdata1"), new byte[16384]);
        Files.writeString(backup.resolve("undo001"), "undo");
        BackupVerification before = noTools.verify(backup, Optional.empty());
        assertThat(before.problems()).isEmpty();
        assertThat(before.checksums()).hasSize(6);

        byte[] flipped = new byte[16384];
        flipped[100] = 1;
        Files.write(backup.resolve("ibdata1"), flipped);
        Files.delete(backup.resolve("undo001"));
        BackupVerification after = noTools.verify(backup, Optional.of(before));
        assertThat(after.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(after.problems()).extracting(BackupProblem::file, BackupProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ibdata1", ProblemKind.CHANGED_SINCE_LAST_CHECK),
                org.assertj.core.groups.Tuple.tuple("undo001", ProblemKind.MISSING_FILE));
        assertThat(after.problems()).filteredOn(p -> p.file().equals("ibdata1")).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("16384 bytes; now").endsWith("16384 bytes"));

        BackupVerification again = noTools.verify(backup, Optional.of(after));
        assertThat(again.problems()).isEmpty();
    }

    @Test
    void aChecksumChangeIsNotToldTwiceForAFileAnotherCheckNamed() throws IOException {
        Path dump = Files.writeString(dir.resolve("d.sql"), PG_DUMP);
        BackupVerification before = noTools.verify(dump, Optional.empty());
        Files.writeString(dump, PG_DUMP + "SELECT 'cut");
        BackupVerification after = noTools.verify(dump, Optional.of(before));
        assertThat(after.problems()).extracting(BackupProblem::kind)
                .containsExactly(ProblemKind.UNBALANCED); // not also CHANGED_SINCE_LAST_CHECK
    }

    @Test
    void corruptGzipIsNamedAndNotScanned() throws IOException {
        Path gz = gzip(Files.writeString(dir.resolve("x.sql"), PG_DUMP.repeat(50)), dir.resolve("x.sql.gz"));
        byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length - 6));
        BackupVerification v = noTools.verify(gz, Optional.empty());
        assertThat(v.problems()).extracting(BackupProblem::file, BackupProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x.sql.gz", ProblemKind.CORRUPT_GZIP));
    }

    @Test
    void archivesAndBaseBackupsWithoutTheirToolSayWhatToInstall() throws IOException {
        Path custom = Files.writeString(dir.resolve("db.dump"), "PGDMP\u0001binary");
        BackupVerification v = noTools.verify(custom, Optional.empty());
        assertThat(v.kind()).isEqualTo(BackupKind.PG_DUMP_CUSTOM);
        assertThat(v.status()).isEqualTo(BackupStatus.UNCHECKED);
        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("pg_restore");
            assertThat(p.detail()).isEqualTo("pg_restore not found in /usr/lib/postgresql/*/bin or on the PATH: "
                    + "install postgresql-client-NN (e.g. apt-get install postgresql-client-NN)");
        });

        Path base = Files.createDirectory(dir.resolve("base"));
        Files.writeString(base.resolve("PG_VERSION"), "16\n");
        Files.writeString(base.resolve("backup_label"), "START WAL LOCATION: 0/2000028\nSTART TIME: 2026-12-01 03:00:00 UTC\n");
        Files.writeString(base.resolve("backup_manifest"), "{}");
        BackupVerification b = noTools.verify(base, Optional.empty());
        assertThat(b.kind()).isEqualTo(BackupKind.PG_BASE_BACKUP);
        assertThat(b.takenAt()).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
        assertThat(b.facts()).containsEntry("server major", "16");
        assertThat(b.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.TOOL_MISSING);
            assertThat(p.detail()).contains("install postgresql-client-16");
        });
    }

    @Test
    void missingMessagesNameThePackageToInstall() {
        ExternalTools none = new ExternalTools(List.of(dir));
        assertThat(none.candidates("pg_verifybackup")).isEmpty();
        assertThat(none.find("pg_verifybackup", 15)).isEmpty();
        assertThat(none.missingMessage("mariabackup", 0)).isEqualTo(
                "mariabackup not found in /usr/lib/postgresql/*/bin or on the PATH: install mariadb-backup (e.g. apt-get install mariadb-backup)");
        assertThat(none.missingMessage("mariadb-dump", 0)).contains("install mariadb-client");
        assertThat(none.missingMessage("pg_restore", 17)).contains("install postgresql-client-17");
    }

    @Test
    void anOlderToolIsFoundButNotChosenAndTheMessageSaysSo() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path tool = fakeTool(bin, "pg_verifybackup", "pg_verifybackup (PostgreSQL) 14.2", "", 0);
        ExternalTools tools = new ExternalTools(List.of(bin, bin, dir.resolve("nowhere")));
        assertThat(tools.candidates("pg_verifybackup")).singleElement()
                .isEqualTo(new ExternalTools.Tool("pg_verifybackup", tool, 14));
        assertThat(tools.find("pg_verifybackup", 16)).isEmpty();
        assertThat(tools.find("pg_verifybackup", 14)).isPresent();
        assertThat(tools.missingMessage("pg_verifybackup", 16)).isEqualTo("pg_verifybackup 14 (" + tool
                + ") is older than the backup (PostgreSQL 16): install postgresql-client-16 or newer (e.g. apt-get install postgresql-client-16)");
    }

    @Test
    void runReportsExitCodeOutputAndTimeout() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path fail = fakeTool(bin, "fails", "out text", "err text", 3);
        ExternalTools tools = new ExternalTools(List.of(bin));
        ExternalTools.Run run = tools.run(List.of(fail.toString()), Duration.ofSeconds(20));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.ok()).isFalse();
        assertThat(run.out()).isEqualTo("out text\n");
        assertThat(run.err()).isEqualTo("err text\n");

        ExternalTools.Run slow = tools.run(List.of("sleep", "5"), Duration.ofMillis(200));
        assertThat(slow.timedOut()).isTrue();
        assertThat(slow.ok()).isFalse();
        assertThat(slow.exitCode()).isEqualTo(-1);

        assertThatThrownBy(() -> tools.run(List.of(dir.resolve("no-such-tool").toString()), Duration.ofSeconds(5)))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("Could not run");
    }

    @Test
    void baseBackupProblemsFromAFakePgVerifybackupAreNamedByFile() throws IOException {
        Path base = Files.createDirectory(dir.resolve("base"));
        Files.writeString(base.resolve("PG_VERSION"), "16\n");
        Files.writeString(base.resolve("backup_manifest"), "{}");
        Path bin = Files.createDirectory(dir.resolve("bin"));
        fakeTool(bin, "pg_verifybackup", "pg_verifybackup (PostgreSQL) 16.4",
                "pg_verifybackup: error: \"base/1/1259\" is present in the manifest but not on disk\n"
                        + "pg_verifybackup: error: \"extra.txt\" is present on disk but not in the manifest\n"
                        + "pg_verifybackup: error: checksum mismatch for file \"base/1/2608\"\n"
                        + "pg_waldump: error: could not find file \"000000010000000000000002\"\n"
                        + "pg_verifybackup: error: WAL parsing failed for timeline 1\n"
                        + "some informational line", 1);
        BackupVerifier verifier = new BackupVerifier(new ExternalTools(List.of(bin)), clock, Duration.ofSeconds(30));
        BackupVerification v = verifier.verify(base, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(v.problems()).extracting(BackupProblem::file, BackupProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("base/1/1259", ProblemKind.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("extra.txt", ProblemKind.EXTRA_FILE),
                org.assertj.core.groups.Tuple.tuple("base/1/2608", ProblemKind.CHECKSUM_MISMATCH),
                org.assertj.core.groups.Tuple.tuple("000000010000000000000002", ProblemKind.WAL_MISSING),
                org.assertj.core.groups.Tuple.tuple("pg_wal", ProblemKind.WAL_MISSING));
    }

    @Test
    void pgVerifybackupParsingClassifiesEachMessage() {
        Path d = Path.of("/backups/base");
        List<BackupProblem> problems = PgBaseBackupCheck.problems(String.join("\n",
                "pg_verifybackup: error: \"/backups/base/global/pg_control\" has size 100 on disk but size 8192 in the manifest",
                "pg_verifybackup: error: could not read file \"base/5/112\": Permission denied",
                "pg_verifybackup: error: could not open file \"/backups/base/backup_manifest\": No such file or directory",
                "pg_verifybackup: error: could not parse backup manifest: unexpected end",
                "pg_verifybackup: error: could not open directory \"pg_tblspc\": No such file or directory",
                "pg_verifybackup: error: something else"), d);
        assertThat(problems).extracting(BackupProblem::file, BackupProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("global/pg_control", ProblemKind.SIZE_MISMATCH),
                org.assertj.core.groups.Tuple.tuple("base/5/112", ProblemKind.SIZE_MISMATCH),
                org.assertj.core.groups.Tuple.tuple("backup_manifest", ProblemKind.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("backup_manifest", ProblemKind.MANIFEST_INVALID),
                org.assertj.core.groups.Tuple.tuple("pg_tblspc", ProblemKind.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("base", ProblemKind.OTHER));
    }

    @Test
    void pgVersionIsReadWithOrWithoutAMinorPart() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Files.writeString(a.resolve("PG_VERSION"), "9.6\n");
        assertThat(PgBaseBackupCheck.pgVersion(a)).contains(9);
        Path b = Files.createDirectory(dir.resolve("b"));
        Files.writeString(b.resolve("PG_VERSION"), "garbage\n");
        assertThat(PgBaseBackupCheck.pgVersion(b)).isEmpty();
        assertThat(PgBaseBackupCheck.pgVersion(dir.resolve("none"))).isEmpty();
    }

    @Test
    void pgRestoreErrorsAreClassified() {
        Path backup = Path.of("/backups/dumpdir");
        ExternalTools.Run run = new ExternalTools.Run(1, "",
                "pg_restore: error: could not open input file \"/backups/dumpdir/3001.dat\": No such file or directory\n"
                        + "pg_restore: error: could not read from input file: end of file\n"
                        + "pg_restore: error: unsupported version (1.16) in file header\n", false);
        assertThat(BackupVerifier.restoreProblems(run, backup, backup, "dumpdir", true))
                .extracting(BackupProblem::file, BackupProblem::kind).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("3001.dat", ProblemKind.MISSING_FILE),
                        org.assertj.core.groups.Tuple.tuple("dumpdir", ProblemKind.TRUNCATED),
                        org.assertj.core.groups.Tuple.tuple("dumpdir", ProblemKind.TOOL_MISSING)); // a newer pg_dump's archive
        assertThat(BackupVerifier.restoreProblems(new ExternalTools.Run(1, "", "pg_restore: error: bad thing\n", false),
                backup, backup, "dumpdir", false)).extracting(BackupProblem::kind).containsExactly(ProblemKind.OTHER);
        assertThat(BackupVerifier.restoreProblems(new ExternalTools.Run(2, "", "killed", false), backup, backup, "dumpdir", true))
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(ProblemKind.ARCHIVE_UNREADABLE);
                    assertThat(p.detail()).isEqualTo("pg_restore --list: ended with 2: killed");
                });
        assertThat(BackupVerifier.restoreProblems(new ExternalTools.Run(-1, "", "", true), backup, backup, "dumpdir", false))
                .singleElement().satisfies(p -> assertThat(p.detail()).isEqualTo("pg_restore (reading all data): did not finish in time"));
    }

    private static Path fakeTool(Path bin, String name, String version, String errors, int exit) throws IOException {
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n"
                + "if [ \"$1\" = \"--version\" ]; then echo '" + version + "'; exit 0; fi\n"
                + (name.equals("fails") ? "echo 'out text'\necho 'err text' >&2\n" : "cat >&2 <<'EOF_ERR'\n" + errors + "\nEOF_ERR\n")
                + "exit " + exit + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    private static Path gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
        return to;
    }
}
