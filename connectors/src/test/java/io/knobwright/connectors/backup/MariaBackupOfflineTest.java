package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** mariabackup layouts the local server does not have: MariaDB 11's file names, an incremental, undo tablespaces, compressed tables. */
class MariaBackupOfflineTest {

    @TempDir
    Path dir;

    private final BackupVerifier verifier = new BackupVerifier(new ExternalTools(List.of()), Clock.systemUTC(), Duration.ofSeconds(10));

    @Test
    void anIncrementalWithMariadb11NamesUndoTablespacesAndAnEmptyRedoIsNamedFileByFile() throws IOException {
        Path backup = Files.createDirectory(dir.resolve("inc"));
        Files.writeString(backup.resolve("mariadb_backup_checkpoints"), "backup_type = incremental\nfrom_lsn = 500\nto_lsn = 900\nlast_lsn = 950\n");
        Files.writeString(backup.resolve("mariadb_backup_info"), "tool_version = 11.4.2-MariaDB\nstart_time = not a time\n");
        Files.writeString(backup.resolve("backup-my.cnf"), "[mysqld]\ninnodb_page_size=4096\ninnodb_data_file_path=ibdata1:1M;ibdata2:64K:autoextend\n"
                + "innodb_undo_tablespaces=2\n");
        Files.write(backup.resolve("ibdata1"), new byte[8192]); // smaller than its declared 1M
        Files.write(backup.resolve("ibdata2"), new byte[65536]);
        Files.write(backup.resolve("undo001"), new byte[4096]);
        Files.writeString(backup.resolve("ib_logfile0"), "");
        Path db = Files.createDirectory(backup.resolve("shop"));
        byte[] compressed = new byte[3072]; // ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=1: FSP flags post-antelope, zip_ssize 1
        compressed[57] = 0b0000_0011;
        Files.write(db.resolve("archive.ibd"), compressed);
        Files.write(db.resolve("archive.frm"), frm(12));
        Files.write(db.resolve("memo.frm"), frm(6)); // MEMORY: no data file
        Files.write(db.resolve("other.frm"), frm(99)); // an engine not known here
        Files.write(db.resolve("log.frm"), frm(17)); // CSV without its files

        BackupVerification v = verifier.verify(backup, Optional.empty());
        assertThat(v.status()).isEqualTo(BackupStatus.DAMAGED);
        assertThat(v.problems()).extracting(BackupProblem::file, BackupProblem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ibdata1", ProblemKind.TRUNCATED),
                org.assertj.core.groups.Tuple.tuple("undo002", ProblemKind.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("ib_logfile0", ProblemKind.EMPTY),
                org.assertj.core.groups.Tuple.tuple("shop/log.CSV", ProblemKind.MISSING_FILE),
                org.assertj.core.groups.Tuple.tuple("shop/log.CSM", ProblemKind.MISSING_FILE));
        assertThat(v.facts()).containsEntry("innodb page size", "4096").containsEntry("tool version", "11.4.2-MariaDB")
                .containsEntry("lsn range", "500 to 900 (redo copied to 950)");
        assertThat(v.facts().get("incremental")).startsWith("yes: it restores only on top of the backup it was taken from (from_lsn 500)");
        assertThat(v.facts().get("prepared")).startsWith("no (incremental)");
    }

    @Test
    void anUnknownBackupTypeIsAnUnreadableCheckpointsFile() throws IOException {
        Path backup = Files.createDirectory(dir.resolve("odd"));
        Files.writeString(backup.resolve("xtrabackup_checkpoints"), "backup_type = sideways\nfrom_lsn = 0\nto_lsn = 1\nlast_lsn = 1\n");
        BackupVerification v = verifier.verify(backup, Optional.empty());
        assertThat(v.problems()).filteredOn(p -> p.file().equals("xtrabackup_checkpoints")).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.MANIFEST_INVALID);
            assertThat(p.detail()).startsWith("backup_type is 'sideways'");
        });
    }

    private static byte[] frm(int engine) {
        byte[] frm = new byte[64];
        frm[0] = (byte) 0xfe;
        frm[1] = 1;
        frm[3] = (byte) engine;
        return frm;
    }
}
