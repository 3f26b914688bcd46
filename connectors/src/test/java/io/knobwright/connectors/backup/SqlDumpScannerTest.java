package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.ProblemKind;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

/** The lexical scan of SQL dumps: whole dumps pass, every kind of cut is named. */
class SqlDumpScannerTest {

    private static final String PG_HEAD = "--\n-- PostgreSQL database dump\n--\n\n";
    private static final String PG_FOOT = "\n--\n-- PostgreSQL database dump complete\n--\n\n";
    private static final String MARIA_HEAD = "-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB\n--\n";
    private static final String MARIA_FOOT = "\n-- Dump completed on 2026-12-06 10:00:00\n";

    @Test
    void wholePostgresDumpWithDollarQuotesCopyAndMetaCommandsIsClean() throws IOException {
        String dump = PG_HEAD
                + "\\restrict abc123\n"
                + "\\connect shop\n"
                + "SET standard_conforming_strings = on;\n"
                + "CREATE FUNCTION f(i int) RETURNS int LANGUAGE plpgsql AS $body$\n"
                + "begin\n  -- a ; inside the body\n  return i + 1; /* ; */ end\n$body$;\n"
                + "CREATE FUNCTION g() RETURNS text AS $$ select 'a;b' $$ LANGUAGE sql;\n"
                + "SELECT $1, a$b FROM t; -- positional and a name with a dollar\n"
                + "COMMENT ON TABLE t IS 'it''s ; \"x\"';\n"
                + "CREATE TABLE \"odd\"\"name\" (id int);\n"
                + "/* a block\n comment ; over lines */ SELECT 2;\n"
                + "COPY public.orders (id, note) FROM stdin;\n"
                + "1\tit's ; not SQL '\n"
                + "2\t$$ unbalanced $tag$\n"
                + "\\.\n"
                + "SELECT 1;\n"
                + "\\unrestrict abc123\n"
                + PG_FOOT;
        SqlDumpScanner.Result r = scan(SqlDumpScanner.Dialect.POSTGRES, dump);
        assertThat(r.problems()).isEmpty();
        assertThat(r.header()).isEqualTo("PostgreSQL database dump");
        assertThat(r.statements()).isEqualTo(9);
        assertThat(r.lines()).isEqualTo(dump.lines().count());
    }

    @Test
    void copyBlockWithoutItsEndLineIsTruncated() throws IOException {
        String dump = PG_HEAD + "COPY public.orders (id) FROM stdin;\n1\n2\n";
        SqlDumpScanner.Result r = scan(SqlDumpScanner.Dialect.POSTGRES, dump);
        assertThat(r.problems()).extracting(BackupProblem::kind)
                .containsExactly(ProblemKind.TRUNCATED, ProblemKind.MISSING_FOOTER);
        assertThat(r.problems().getFirst().file()).isEqualTo("dump.sql");
        assertThat(r.problems().getFirst().detail()).contains("COPY data begun at line 5");
    }

    @Test
    void unclosedQuotesCommentsAndDollarBodiesAreUnbalanced() throws IOException {
        assertUnbalanced(SqlDumpScanner.Dialect.POSTGRES, PG_HEAD + "INSERT INTO t VALUES ('cut off\n", "a string opened near line 5");
        assertUnbalanced(SqlDumpScanner.Dialect.POSTGRES, PG_HEAD + "CREATE TABLE \"cut\n", "a quoted identifier");
        assertUnbalanced(SqlDumpScanner.Dialect.POSTGRES, PG_HEAD + "SELECT 1 /* never\nclosed\n", "a /* comment */");
        assertUnbalanced(SqlDumpScanner.Dialect.POSTGRES, PG_HEAD + "CREATE FUNCTION f() AS $fn$\nbegin\n", "a $fn$ quoted body");
        assertUnbalanced(SqlDumpScanner.Dialect.MARIADB, MARIA_HEAD + "CREATE TABLE `cut\n", "a `quoted` name");
    }

    @Test
    void statementWithoutDelimiterAtTheEndIsTruncated() throws IOException {
        SqlDumpScanner.Result r = scan(SqlDumpScanner.Dialect.POSTGRES, PG_HEAD + "SELECT 1;\nINSERT INTO t VALUES (1)\n");
        assertThat(r.statements()).isEqualTo(1);
        assertThat(r.problems()).extracting(BackupProblem::kind).containsExactly(ProblemKind.TRUNCATED, ProblemKind.MISSING_FOOTER);
        assertThat(r.problems().getFirst().detail()).isEqualTo("the statement begun at line 6 has no ending ';': INSERT INTO t VALUES (1)");
        assertThat(r.problems().get(1).detail()).endsWith("the last comment is 'PostgreSQL database dump'");
    }

    @Test
    void missingHeaderAndFooterAreBothNamed() throws IOException {
        SqlDumpScanner.Result r = scan(SqlDumpScanner.Dialect.POSTGRES, "SELECT 1;\n");
        assertThat(r.header()).isEmpty();
        assertThat(r.problems()).extracting(BackupProblem::kind).containsExactly(ProblemKind.MISSING_HEADER, ProblemKind.MISSING_FOOTER);
        assertThat(r.problems().get(1).detail()).endsWith("the last comment is none");

        SqlDumpScanner.Result wrong = scan(SqlDumpScanner.Dialect.MARIADB, PG_HEAD + "SELECT 1;\n" + PG_FOOT);
        assertThat(wrong.problems()).extracting(BackupProblem::kind).containsExactly(ProblemKind.MISSING_HEADER, ProblemKind.MISSING_FOOTER);
        assertThat(wrong.problems().getFirst().detail()).isEqualTo("no '-- MariaDB dump' / '-- MySQL dump' header");
    }

    @Test
    void clusterDumpFooterCounts() throws IOException {
        String dump = "--\n-- PostgreSQL database cluster dump\n--\nSELECT 1;\n--\n-- PostgreSQL database cluster dump complete\n--\n";
        assertThat(scan(SqlDumpScanner.Dialect.POSTGRES, dump).problems()).isEmpty();
    }

    @Test
    void wholeMariaDbDumpWithDelimiterBlocksEscapesAndHashCommentsIsClean() throws IOException {
        String dump = MARIA_HEAD
                + "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
                + "INSERT INTO `items` VALUES (1,'it\\'s ; \\\\'),(2,'a''b'),(3,\"q\\\"x\");\n"
                + "# a hash comment ; with a delimiter\n"
                + "DELIMITER ;;\n"
                + "CREATE TRIGGER trg BEFORE INSERT ON items FOR EACH ROW BEGIN\n"
                + "  SET NEW.note = 'x;y'; SET NEW.id = NEW.id + 1;\n"
                + "END ;;\n"
                + "DELIMITER ;\n"
                + "SELECT 1;\n"
                + MARIA_FOOT;
        SqlDumpScanner.Result r = scan(SqlDumpScanner.Dialect.MARIADB, dump);
        assertThat(r.problems()).isEmpty();
        assertThat(r.header()).startsWith("MariaDB dump 10.19");
        assertThat(r.statements()).isEqualTo(4);
    }

    @Test
    void mariaDbDumpCutInsideADelimiterBlockNamesTheDelimiter() throws IOException {
        String dump = MARIA_HEAD + "DELIMITER ;;\nCREATE TRIGGER trg BEFORE INSERT ON items FOR EACH ROW BEGIN\n  SET NEW.id = 1;\n";
        SqlDumpScanner.Result r = scan(SqlDumpScanner.Dialect.MARIADB, dump);
        assertThat(r.problems()).extracting(BackupProblem::kind).containsExactly(ProblemKind.TRUNCATED, ProblemKind.MISSING_FOOTER);
        assertThat(r.problems().getFirst().detail()).startsWith("the statement begun at line 4 has no ending ';;'");
        assertThat(r.problems().get(1).detail()).startsWith("no '-- Dump completed' line at the end");
    }

    @Test
    void mysqlHeaderIsAccepted() throws IOException {
        String dump = "-- MySQL dump 10.13  Distrib 8.0.36\nSELECT 1;\n-- Dump completed on 2026-12-06\n";
        SqlDumpScanner.Result r = scan(SqlDumpScanner.Dialect.MARIADB, dump);
        assertThat(r.problems()).isEmpty();
        assertThat(r.header()).startsWith("MySQL dump");
    }

    @Test
    void longCommentsAreClippedInMessages() throws IOException {
        String longComment = "-- " + "x".repeat(200) + "\n";
        SqlDumpScanner.Result r = scan(SqlDumpScanner.Dialect.POSTGRES, PG_HEAD + "SELECT 1;\n" + longComment);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.MISSING_FOOTER);
            assertThat(p.detail()).endsWith("x".repeat(77) + "...'");
        });
    }

    private static void assertUnbalanced(SqlDumpScanner.Dialect dialect, String dump, String what) throws IOException {
        SqlDumpScanner.Result r = scan(dialect, dump);
        assertThat(r.problems()).as(dump).extracting(BackupProblem::kind)
                .containsExactly(ProblemKind.UNBALANCED, ProblemKind.MISSING_FOOTER);
        assertThat(r.problems().getFirst().detail()).as(dump).startsWith(what).contains("is never closed: the file is cut off");
        assertThat(r.problems().getFirst().file()).isEqualTo("dump.sql");
    }

    private static SqlDumpScanner.Result scan(SqlDumpScanner.Dialect dialect, String text) throws IOException {
        return new SqlDumpScanner(dialect, "dump.sql").scan(new BufferedReader(new StringReader(text)));
    }
}
