package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.ProblemKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** pg_restore's and psql's own words (LC_ALL=C, as ExternalTools runs them) turned into named problems. */
class RestoreErrorsTest {

    @Test
    void eachPgRestoreErrorIsNamedByItsTocEntryWithTheServersContext() {
        RestoreErrors errors = new RestoreErrors("shop.dump", "/tmp/knobwright-restore1.dump", "");
        errors.readPgRestore("""
                pg_restore: creating TABLE "public.orders"
                pg_restore: while PROCESSING TOC:
                pg_restore: from TOC entry 3336; 0 16389 TABLE DATA orders postgres
                pg_restore: error: COPY failed for table "orders": ERROR:  invalid input syntax for type integer: "1Z3"
                CONTEXT:  COPY orders, line 5, column id: "1Z3"
                pg_restore: from TOC entry 215; 1259 16390 TABLE odd app
                pg_restore: error: could not execute query: ERROR:  role "app" already exists
                pg_restore: from TOC entry 2; 3079 16400 EXTENSION postgis
                pg_restore: error: could not execute query: ERROR:  could not open extension control file "/x/postgis.control"
                pg_restore: error: could not read from input file /tmp/knobwright-restore1.dump: end of file
                pg_restore: warning: errors ignored on restore: 3
                """);
        assertThat(errors.errors()).isEqualTo(3);
        assertThat(errors.problems()).extracting(BackupProblem::kind).containsExactly(ProblemKind.RESTORE_FAILED,
                ProblemKind.TOOL_MISSING, ProblemKind.RESTORE_FAILED);
        assertThat(errors.problems().get(0).detail()).isEqualTo("TABLE DATA orders: COPY failed for table \"orders\": ERROR:  invalid"
                + " input syntax for type integer: \"1Z3\" (COPY orders, line 5, column id: \"1Z3\")");
        assertThat(errors.problems().get(1).detail()).contains("EXTENSION postgis").contains("lacks this extension");
        assertThat(errors.problems().get(2).detail()).isEqualTo("EXTENSION postgis: could not read from input file shop.dump: end of file");
    }

    @Test
    void anArchiveTooNewForPgRestoreIsAMissingToolAndManyErrorsAreCountedNotAllListed() {
        RestoreErrors tooNew = new RestoreErrors("new.dump", null, "");
        tooNew.readPgRestore("pg_restore: error: unsupported version (1.16) in file header\n");
        assertThat(tooNew.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.TOOL_MISSING);
            assertThat(p.detail()).contains("newer pg_dump");
        });

        RestoreErrors many = new RestoreErrors("big.sql", null, " (gap)");
        StringBuilder err = new StringBuilder();
        for (int i = 1; i <= 45; i++) {
            err.append("psql:/backups/big.sql:").append(i * 10).append(": ERROR:  relation \"t").append(i).append("\" does not exist\n");
            err.append("LINE 1: ...\n");
        }
        many.readPsql(err.toString());
        assertThat(many.errors()).isEqualTo(45);
        assertThat(many.problems()).hasSize(RestoreErrors.LISTED + 1);
        assertThat(many.problems().getFirst().detail()).isEqualTo("line 10: relation \"t1\" does not exist (gap)");
        assertThat(many.problems().getLast().detail()).isEqualTo("5 more restore errors not listed");
    }
}
