package io.knobwright.model.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A configuration file can include any file ({@code include '/etc/passwd'}): errors in an included file name its
 * path and line and what was expected, never its text. The file the user named is quoted, escaped and short.
 */
class IncludedFileQuotingTest {

    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            secret-account:x:1000:1000:Top Secret Person,,,:/home/secret:/bin/bash
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aPostgresqlConfIncludingPasswdNamesFileAndLineButQuotesNoneOfIt() throws Exception {
        Path passwd = write("passwd", PASSWD);
        Path conf = write("postgresql.conf", "work_mem = 64MB\ninclude '" + passwd + "'\n");

        assertThatThrownBy(() -> new PostgresConfParser(FileSource.disk()).parse(conf))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(passwd + " line 3: unexpected text after a value (the line is not quoted")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("Top").doesNotContain("bash"));
    }

    @Test
    void aLineThatIsNoParameterInAnIncludedFileIsNotQuotedAndNamesMustStartLikeTheServersDo() throws Exception {
        Path hosts = write("hosts", "127.0.0.1 localhost\n10.0.0.7 db-secret-host\n");
        Path conf = write("postgresql.conf", "include_if_exists '" + hosts + "'\n");

        assertThatThrownBy(() -> new PostgresConfParser(FileSource.disk()).parse(conf))
                .hasMessage(hosts + " line 1: expected a parameter name (the line is not quoted: the file was included,"
                        + " not named for the import)");
    }

    @Test
    void theNamedFileIsQuotedEscapedAndShort() throws Exception {
        Path conf = write("postgresql.conf", "work_mem = 4MB \u202Eevil" + "x".repeat(200) + "\n");

        assertThatThrownBy(() -> new PostgresConfParser(FileSource.disk()).parse(conf))
                .hasMessageContaining("line 1: unexpected text after the value of work_mem: '\\u202Eevil")
                .hasMessageEndingWith("…'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u202E").hasSizeLessThan(conf.toString().length() + 140));
    }

    @Test
    void aMyCnfIncludingPasswdNamesFileAndLineButQuotesNoneOfIt() throws Exception {
        Path passwd = write("passwd", PASSWD);
        Path cnf = write("my.cnf", "[mysqld]\nmax_connections = 10\n!include " + passwd + "\n");

        assertThatThrownBy(() -> new MyCnfParser(FileSource.disk()).parse(cnf))
                .hasMessage(passwd + " line 1: a line comes before any [group], which the server refuses; put it under"
                        + " [mysqld] (or the group it belongs to) (the line is not quoted: the file was included, not named"
                        + " for the import)");

        Path grouped = write("grouped.cnf", "[mysqld]\nroot:x:0:0:root:/root:/bin/bash\n");
        Path cnf2 = write("my2.cnf", "!include " + grouped + "\n");
        assertThatThrownBy(() -> new MyCnfParser(FileSource.disk()).parse(cnf2))
                .hasMessage(grouped + " line 2: the line holds no option name (the line is not quoted: the file was"
                        + " included, not named for the import)");
    }

    @Test
    void badLinesOfAnIncludedMyCnfAreDescribedWithoutTheirText() throws Exception {
        for (String line : new String[] {"[mysqld", "x = 'unterminated", "x = 'a' b", "x ="}) {
            Path included = write("inc.cnf", "[mysqld]\n" + line + "\n");
            Path cnf = write("my.cnf", "!include " + included + "\n");
            assertThatThrownBy(() -> new MyCnfParser(FileSource.disk()).parse(cnf)).as(line)
                    .hasMessageStartingWith(included + " line ")
                    .hasMessageEndingWith("(the line is not quoted: the file was included, not named for the import)");
        }
    }

    @Test
    void badLinesOfAnIncludedPostgresqlConfAreDescribedWithoutTheirText() throws Exception {
        for (String line : new String[] {"secret_name =", "secret_name = 'unterminated", "secret_name = a b"}) {
            Path included = write("inc.conf", line + "\n");
            Path conf = write("postgresql.conf", "include '" + included + "'\n");
            assertThatThrownBy(() -> new PostgresConfParser(FileSource.disk()).parse(conf)).as(line)
                    .hasMessageStartingWith(included + " line 1: ")
                    .hasMessageEndingWith("(the line is not quoted: the file was included, not named for the import)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        }
    }
}
