package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tar reader and manifest rules on tars and manifests written here, byte by byte, for the cases real backups rarely show. */
class TarAndManifestTest {

    @TempDir
    Path dir;

    private final BackupVerifier noTools = new BackupVerifier(new ExternalTools(List.of()), Clock.systemUTC(), Duration.ofSeconds(30));

    @Test
    void readsUstarPrefixesBase256SizesAndSkipsUnreadContent() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.write(header("file", "deep/dir", 5, false, '0'));
        tar.write(padded("hello".getBytes(StandardCharsets.US_ASCII)));
        tar.write(header("big", "", 3, true, '0'));
        tar.write(padded("abc".getBytes(StandardCharsets.US_ASCII)));
        tar.write(header("./dir", "", 0, false, '5'));
        tar.write(new byte[1024]);
        TarReader reader = new TarReader(new ByteArrayInputStream(tar.toByteArray()));
        TarReader.Entry first = reader.next().orElseThrow();
        assertThat(first).isEqualTo(new TarReader.Entry("deep/dir/file", '0', 5));
        TarReader.Entry second = reader.next().orElseThrow(); // the first's content was never read: skipped
        assertThat(second).isEqualTo(new TarReader.Entry("big", '0', 3));
        assertThat(reader.content().read()).isEqualTo('a');
        TarReader.Entry third = reader.next().orElseThrow();
        assertThat(third.name()).isEqualTo("dir");
        assertThat(third.regularFile()).isFalse();
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void aCorruptHeaderAndAMissingEndMarkerAreToldApart() throws IOException {
        byte[] header = header("file", "", 5, false, '0');
        header[10] = 'x';
        TarReader corrupt = new TarReader(new ByteArrayInputStream(header));
        assertThatThrownBy(corrupt::next).isInstanceOf(TarReader.Corrupt.class).hasMessageContaining("at byte 0");

        ByteArrayOutputStream noEnd = new ByteArrayOutputStream();
        noEnd.write(header("file", "", 5, false, '0'));
        noEnd.write(padded("hello".getBytes(StandardCharsets.US_ASCII)));
        TarReader reader = new TarReader(new ByteArrayInputStream(noEnd.toByteArray()));
        reader.next();
        assertThatThrownBy(reader::next).isInstanceOf(TarReader.Truncated.class)
                .hasMessage("the tar ends after file without its end-of-archive marker");

        TarReader cutInside = new TarReader(new ByteArrayInputStream(header("file", "", 5000, false, '0')));
        cutInside.next();
        assertThatThrownBy(() -> cutInside.content().readAllBytes()).isInstanceOf(TarReader.Truncated.class)
                .hasMessageContaining("the tar ends inside file (5000 of its bytes missing)");
    }

    @Test
    void manifestChecksumsOfEveryAlgorithmAndEncodedPathsAreRead() throws Exception {
        byte[] content = "15\n".getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String body = "{ \"PostgreSQL-Backup-Manifest-Version\": 1,\n\"Files\": [\n"
                + "{ \"Path\": \"PG_VERSION\", \"Size\": 3, \"Checksum-Algorithm\": \"SHA256\", \"Checksum\": \"" + sha + "\" },\n"
                + "{ \"Encoded-Path\": \"" + HexFormat.of().formatHex("odd name".getBytes(StandardCharsets.UTF_8)) + "\", \"Size\": 0 }\n],\n"
                + "\"WAL-Ranges\": [\n{ \"Timeline\": 1, \"Start-LSN\": \"0/2000028\", \"End-LSN\": \"0/2000100\" }\n],\n";
        String own = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        Path file = Files.writeString(dir.resolve("backup_manifest"), body + "\"Manifest-Checksum\": \"" + own + "\"}\n");
        BaseBackupManifest manifest = BaseBackupManifest.read(file);
        assertThat(manifest.selfChecksumMatches()).isTrue();
        assertThat(manifest.files()).containsKeys("PG_VERSION", "odd name");
        assertThat(manifest.files().get("odd name").algorithm()).isEqualTo("NONE");
        assertThat(manifest.walRanges()).containsExactly(new BaseBackupManifest.WalRange(1, "0/2000028", "0/2000100"));
        BaseBackupManifest.FileSum sum = new BaseBackupManifest.FileSum("SHA256");
        sum.update(content, 0, content.length);
        assertThat(sum.matches(sha)).isTrue();
        assertThat(new BaseBackupManifest.FileSum("NONE").matches("")).isTrue();
        assertThatThrownBy(() -> new BaseBackupManifest.FileSum("MD5")).isInstanceOf(IllegalArgumentException.class);

        Path broken = Files.writeString(dir.resolve("broken"), "{ \"Files\": [ oops");
        assertThatThrownBy(() -> BaseBackupManifest.read(broken)).hasMessageStartingWith("not valid JSON");
    }

    @Test
    void anAbsentTablespaceTarAnLz4TarAFileNotInTheManifestAndAnUnknownAlgorithmAreEachNamed() throws IOException {
        Path backup = Files.createDirectory(dir.resolve("tsbackup"));
        ByteArrayOutputStream base = new ByteArrayOutputStream();
        base.write(header("PG_VERSION", "", 3, false, '0'));
        base.write(padded("15\n".getBytes(StandardCharsets.US_ASCII)));
        base.write(header("stray", "", 1, false, '0'));
        base.write(padded("x".getBytes(StandardCharsets.US_ASCII)));
        base.write(header("odd", "", 1, false, '0'));
        base.write(padded("y".getBytes(StandardCharsets.US_ASCII)));
        base.write(new byte[1024]);
        Files.write(backup.resolve("base.tar"), base.toByteArray());
        Files.writeString(backup.resolve("pg_wal.tar.lz4"), "lz4 bytes");
        String body = "{ \"PostgreSQL-Backup-Manifest-Version\": 1,\n\"Files\": [\n"
                + "{ \"Path\": \"PG_VERSION\", \"Size\": 3, \"Checksum-Algorithm\": \"CRC32C\", \"Checksum\": \"00000000\" },\n"
                + "{ \"Path\": \"odd\", \"Size\": 1, \"Checksum-Algorithm\": \"MD5\", \"Checksum\": \"00\" },\n"
                + "{ \"Path\": \"pg_tblspc/16400/PG_15_202209061/5/16401\", \"Size\": 8192, \"Checksum-Algorithm\": \"NONE\" }\n],\n"
                + "\"WAL-Ranges\": [],\n";
        Files.writeString(backup.resolve("backup_manifest"), body + "\"Manifest-Checksum\": \"00\"}\n");
        BackupVerification v = noTools.verify(backup, Optional.empty());
        assertThat(v.kind()).isEqualTo(BackupKind.PG_BASE_BACKUP_TAR);
        assertThat(v.status()).isEqualTo(BackupStatus.UNREADABLE);
        assertThat(v.problems()).extracting(BackupProblem::file, BackupProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("backup_manifest", ProblemKind.MANIFEST_INVALID),
                org.assertj.core.groups.Tuple.tuple("pg_wal.tar.lz4", ProblemKind.TOOL_MISSING),
                org.assertj.core.groups.Tuple.tuple("PG_VERSION", ProblemKind.CHECKSUM_MISMATCH),
                org.assertj.core.groups.Tuple.tuple("stray", ProblemKind.EXTRA_FILE),
                org.assertj.core.groups.Tuple.tuple("odd", ProblemKind.MANIFEST_INVALID),
                org.assertj.core.groups.Tuple.tuple("16400.tar", ProblemKind.MISSING_FILE));
        assertThat(v.facts()).containsEntry("server major", "15");
    }

    @Test
    void aCorruptTarHeaderAGzipThatIsNotOneAndWalInsideBaseTarAreEachHandled() throws IOException {
        Path backup = Files.createDirectory(dir.resolve("fetch"));
        ByteArrayOutputStream base = new ByteArrayOutputStream();
        base.write(header("pg_wal/000000010000000000000002", "", 4, false, '0'));
        base.write(padded("walx".getBytes(StandardCharsets.US_ASCII)));
        base.write(header("pg_wal/archive_status/000000010000000000000002.done", "", 0, false, '0'));
        byte[] broken = header("PG_VERSION", "", 3, false, '0');
        broken[0] = 'Q';
        base.write(broken);
        Files.write(backup.resolve("base.tar"), base.toByteArray());
        Files.writeString(backup.resolve("1234.tar.gz"), "not gzip at all");
        String body = "{ \"PostgreSQL-Backup-Manifest-Version\": 1,\n\"Files\": [],\n"
                + "\"WAL-Ranges\": [\n{ \"Timeline\": 1, \"Start-LSN\": \"0/2000028\", \"End-LSN\": \"0/2000100\" }\n],\n";
        String own = HexFormat.of().formatHex(sha256(body.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(backup.resolve("backup_manifest"), body + "\"Manifest-Checksum\": \"" + own + "\"}\n");
        BackupVerification v = noTools.verify(backup, Optional.empty());
        assertThat(v.problems()).extracting(BackupProblem::file, BackupProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("1234.tar.gz", ProblemKind.CORRUPT_GZIP),
                org.assertj.core.groups.Tuple.tuple("base.tar", ProblemKind.OTHER),
                org.assertj.core.groups.Tuple.tuple("pg_waldump", ProblemKind.TOOL_MISSING));
        assertThat(v.problems()).filteredOn(p -> p.file().equals("base.tar")).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("is corrupt: its checksum does not add up"));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] padded(byte[] content) {
        byte[] block = new byte[(content.length + 511) / 512 * 512];
        System.arraycopy(content, 0, block, 0, content.length);
        return block;
    }

    /** A ustar header as pg_basebackup writes one (octal size, or GNU base-256 when {@code base256}). */
    private static byte[] header(String name, String prefix, long size, boolean base256, char type) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000600");
        if (base256) {
            h[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                h[135 - i] = (byte) (size >> (8 * i));
            }
        } else {
            put(h, 124, String.format("%011o", size));
        }
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        put(h, 345, prefix);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }
}
