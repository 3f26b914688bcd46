package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainableQueryTest {

    private final List<String> reasons = new ArrayList<>();

    private Optional<ExplainableQuery> check(String sql) {
        return ExplainableQuery.of(sql, reasons::add);
    }

    @Test
    void aPlainQueryIsAcceptedWithItsHighestParameter() {
        ExplainableQuery q = check("SELECT * FROM orders WHERE id = $1 AND customer = $12 AND note <> '$99'").orElseThrow();
        assertThat(q.parameters()).isEqualTo(12);
        assertThat(check("  /* app */ with recent as (select 1) select * from recent").orElseThrow().parameters()).isZero();
    }

    @Test
    void aTrailingSemicolonIsDropped() {
        assertThat(check("select 1;  \n").orElseThrow().text()).isEqualTo("select 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "select 1; drop table orders",
            "select 'a''b'; delete from orders",
            "select $$ ; $$; vacuum",
            "select $tag$ $$ ; $tag$; drop table x",
            "select E'it\\'s'; drop table x",
            "select \"odd;name\" from t; drop table t",
            "select 1 -- comment\n; truncate t",
            "select /* a /* nested */ ; */ 1; drop table t"})
    void moreThanOneStatementIsRefusedWhereverTheSecondHides(String sql) {
        assertThat(check(sql)).isEmpty();
        assertThat(reasons).containsExactly("it holds more than one statement");
    }

    @Test
    void aStandardStringEndsAtItsQuoteEvenAfterABackslash() {
        // with standard_conforming_strings the server reads 'a\' as a whole string: the DROP is a second statement
        assertThat(check("select 'a\\'; drop table t; --'")).isEmpty();
        assertThat(reasons).containsExactly("it holds more than one statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vacuum full", "drop table t", "copy t to '/tmp/x'", "set work_mem = '1GB'", "explain select 1",
            "create table t (id int)", "call proc()", "do $$ begin end $$"})
    void otherStatementsAreRefusedByName(String sql) {
        assertThat(check(sql)).isEmpty();
        assertThat(reasons.getFirst()).startsWith("only SELECT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"select 'open", "select \"open", "select /* open", "select $x$ open", ""})
    void brokenTextIsRefusedWithTheReason(String sql) {
        assertThat(check(sql)).isEmpty();
        assertThat(reasons).hasSize(1);
    }

    @Test
    void hugeTextsAndHugeParameterNumbersAreRefused() {
        assertThat(check("select " + "1,".repeat(60_000) + "1")).isEmpty();
        assertThat(check("select $12345678")).isEmpty();
        assertThat(reasons).hasSize(2);
    }
}
