package io.knobwright.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadFingerprintCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void closeStore() {
        cli.close();
    }

    @Test
    void printsOneFingerprintLinePerStatementInInputOrder() {
        CliHarness.Result r = cli.runWithStdin("""
                SELECT * FROM t WHERE id = 42 AND name IN ('a','b')
                select * from t where id = $1 and name in ($2, $3)

                -- only a comment
                UPDATE accounts SET balance = balance - 100.50 WHERE id = 7;\r
                select 'unterminated""", "workload", "fingerprint");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).matches("[0-9a-f]{16}\tselect \\* from t where id = \\? and name in \\(\\?\\)");
        assertThat(lines.get(1)).isEqualTo(lines.get(0));
        assertThat(lines.get(2)).isEmpty();
        assertThat(lines.get(3)).isEmpty();
        assertThat(lines.get(4)).endsWith("\tupdate accounts set balance = balance - ? where id = ?");
        assertThat(lines.get(5)).endsWith("\tselect ?");
        assertThat(lines.get(4).substring(0, 16)).isNotEqualTo(lines.get(0).substring(0, 16));
    }

    @Test
    void mysqlReadsDoubleQuotesAsStringsAndOddBytesDoNotStopIt() {
        CliHarness.Result r = cli.runWithStdin("SELECT `a` FROM t WHERE b = \"x\" # c\nselect \u0000 \"q\n",
                "workload", "fingerprint", "--engine", "mariadb");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2).first().asString().endsWith("\tselect `a` from t where b = ?");
    }

    @Test
    void anUnknownEngineIsRefusedWithTheEnginesItKnows() {
        CliHarness.Result r = cli.runWithStdin("select 1\n", "workload", "fingerprint", "--engine", "sybase");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("sybase").contains("postgresql");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theGroupAloneAsksForACommand() {
        CliHarness.Result r = cli.run("workload");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("fingerprint");
    }
}
