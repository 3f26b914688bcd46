package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The kind of a backup is told from its contents: directory layout or the first bytes (through gzip). */
class BackupDetectorTest {

    @TempDir
    Path dir;

    @Test
    void plainBaseBackupDirectoryIsToldByAnyOfItsMarkerFiles() throws IOException {
        for (String marker : new String[] {"backup_manifest", "backup_label", "PG_VERSION"}) {
            Path backup = Files.createDirectory(dir.resolve("base-" + marker));
            Files.writeString(backup.resolve(marker), "x");
            assertThat(BackupDetector.detect(backup)).as(marker).isEqualTo(BackupKind.PG_BASE_BACKUP);
        }
    }

    @Test
    void tarBaseBackupDirectoryIsToldByBaseTarOrBaseTarGz() throws IOException {
        Path tar = Files.createDirectory(dir.resolve("tar"));
        Files.writeString(tar.resolve("base.tar"), "x");
        Files.writeString(tar.resolve("backup_manifest"), "{}");
        assertThat(BackupDetector.detect(tar)).isEqualTo(BackupKind.PG_BASE_BACKUP_TAR);

        Path tgz = Files.createDirectory(dir.resolve("tgz"));
        Files.writeString(tgz.resolve("base.tar.gz"), "x");
        Files.writeString(tgz.resolve("backup_manifest"), "{}");
        assertThat(BackupDetector.detect(tgz)).isEqualTo(BackupKind.PG_BASE_BACKUP_TAR);
    }

    @Test
    void pgDumpDirectoryArchiveIsToldByTocDat() throws IOException {
        Path d = Files.createDirectory(dir.resolve("dump"));
        Files.write(d.resolve("toc.dat"), "PGDMP".getBytes(StandardCharsets.US_ASCII));
        assertThat(BackupDetector.detect(d)).isEqualTo(BackupKind.PG_DUMP_DIRECTORY);
    }

    @Test
    void mariabackupDirectoryIsToldByEitherCheckpointsFile() throws IOException {
        Path xtra = Files.createDirectory(dir.resolve("xtra"));
        Files.writeString(xtra.resolve("xtrabackup_checkpoints"), "backup_type = full-backuped\n");
        assertThat(BackupDetector.detect(xtra)).isEqualTo(BackupKind.MARIABACKUP);

        Path maria = Files.createDirectory(dir.resolve("maria"));
        Files.writeString(maria.resolve("mariadb_backup_checkpoints"), "backup_type = full-backuped\n");
        assertThat(BackupDetector.detect(maria)).isEqualTo(BackupKind.MARIABACKUP);
    }

    @Test
    void emptyOrUnrelatedDirectoryIsUnknown() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(BackupDetector.detect(empty)).isEqualTo(BackupKind.UNKNOWN);
        Files.writeString(empty.resolve("notes.txt"), "hello");
        assertThat(BackupDetector.detect(empty)).isEqualTo(BackupKind.UNKNOWN);
    }

    @Test
    void customArchiveIsToldByItsMagicWhateverItsName() throws IOException {
        Path f = dir.resolve("nightly.sql");
        Files.write(f, "PGDMP\u0001\u000e\u0000binary".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(BackupDetector.detect(f)).isEqualTo(BackupKind.PG_DUMP_CUSTOM);
        assertThat(BackupDetector.detect(gzip(f, dir.resolve("nightly.gz")))).isEqualTo(BackupKind.PG_DUMP_CUSTOM);
    }

    @Test
    void tarArchiveIsAPgDumpTarOnlyWhenItStartsWithTocDat() throws IOException {
        Path dump = dir.resolve("dump.tar");
        Files.write(dump, tarHeader("toc.dat"));
        assertThat(BackupDetector.detect(dump)).isEqualTo(BackupKind.PG_DUMP_TAR);
        assertThat(BackupDetector.detect(gzip(dump, dir.resolve("dump.tar.gz")))).isEqualTo(BackupKind.PG_DUMP_TAR);

        Path other = dir.resolve("photos.tar");
        Files.write(other, tarHeader("holiday.jpg"));
        assertThat(BackupDetector.detect(other)).isEqualTo(BackupKind.UNKNOWN);
    }

    @Test
    void plainSqlDumpsAreToldByTheirToolHeader() throws IOException {
        Path pg = write("pg.sql", "--\n-- PostgreSQL database dump\n--\n");
        Path cluster = write("all.sql", "--\n-- PostgreSQL database cluster dump\n--\n");
        Path maria = write("maria.sql", "-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB\n");
        Path mysql = write("mysql.sql", "-- MySQL dump 10.13  Distrib 8.0.36\n");
        assertThat(BackupDetector.detect(pg)).isEqualTo(BackupKind.PG_SQL_DUMP);
        assertThat(BackupDetector.detect(cluster)).isEqualTo(BackupKind.PG_SQL_DUMP);
        assertThat(BackupDetector.detect(maria)).isEqualTo(BackupKind.MARIADB_DUMP);
        assertThat(BackupDetector.detect(mysql)).isEqualTo(BackupKind.MARIADB_DUMP);
        assertThat(BackupDetector.detect(gzip(pg, dir.resolve("pg.sql.gz")))).isEqualTo(BackupKind.PG_SQL_DUMP);
        assertThat(BackupDetector.detect(gzip(maria, dir.resolve("maria.sql.gz")))).isEqualTo(BackupKind.MARIADB_DUMP);
    }

    @Test
    void emptyUnknownMissingAndBrokenGzipFilesAreUnknown() throws IOException {
        assertThat(BackupDetector.detect(write("empty.sql", ""))).isEqualTo(BackupKind.UNKNOWN);
        assertThat(BackupDetector.detect(write("readme.txt", "just some text\n"))).isEqualTo(BackupKind.UNKNOWN);
        assertThat(BackupDetector.detect(dir.resolve("absent.sql"))).isEqualTo(BackupKind.UNKNOWN);
        Path badGzip = dir.resolve("bad.gz");
        Files.write(badGzip, new byte[] {0x1f, (byte) 0x8b, 0x00, 0x01, 0x02});
        assertThat(BackupDetector.isGzip(badGzip)).isTrue();
        assertThat(BackupDetector.detect(badGzip)).isEqualTo(BackupKind.UNKNOWN);
    }

    @Test
    void aCutOffGzipStillTellsItsKindFromWhatDecompresses() throws IOException {
        StringBuilder big = new StringBuilder("-- MariaDB dump 10.19\n");
        for (int i = 0; i < 5000; i++) {
            big.append("INSERT INTO t VALUES (").append(i).append(",'").append(Integer.toHexString(i * 7919)).append("');\n");
        }
        Path gz = gzip(write("big.sql", big.toString()), dir.resolve("big.sql.gz"));
        byte[] all = Files.readAllBytes(gz);
        Path cut = dir.resolve("cut.sql.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertThat(BackupDetector.detect(cut)).isEqualTo(BackupKind.MARIADB_DUMP);
        assertThat(BackupDetector.isGzip(write("plain.sql", "x"))).isFalse();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Path gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        }
        return to;
    }

    private static byte[] tarHeader(String name) {
        byte[] block = new byte[1024];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, block, 0, n.length);
        byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, block, 257, magic.length);
        return block;
    }
}
