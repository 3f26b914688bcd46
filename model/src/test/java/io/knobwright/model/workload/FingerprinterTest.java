package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprinterTest {

    private static String pg(String sql) {
        return Fingerprinter.POSTGRESQL.fingerprint(sql).normalized();
    }

    private static String my(String sql) {
        return Fingerprinter.MYSQL.fingerprint(sql).normalized();
    }

    private static void samePg(String a, String b) {
        Fingerprint fa = Fingerprinter.POSTGRESQL.fingerprint(a);
        Fingerprint fb = Fingerprinter.POSTGRESQL.fingerprint(b);
        assertThat(fa.normalized()).as(a + "\n vs\n" + b).isEqualTo(fb.normalized());
        assertThat(fa.id()).isEqualTo(fb.id());
    }

    @Test
    void aLoggedStatementAndItsPgStatStatementsTextShareTheFingerprint() {
        samePg("SELECT * FROM t WHERE id = 42 AND name IN ('a','b')", "select * from t where id = $1 and name in ($2, $3)");
        assertThat(pg("SELECT * FROM t WHERE id = 42 AND name IN ('a','b')"))
                .isEqualTo("select * from t where id = ? and name in (?)");
        samePg("UPDATE pgbench_accounts SET abalance = abalance + -4321 WHERE aid = 77;",
                "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2");
        samePg("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (3, 1, 4521, -120, CURRENT_TIMESTAMP);",
                "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)");
        samePg("select * from t where a = -1", "select * from t where a = $1");
        samePg("select -1.5e-3, 0x1F, 1_000", "select $1, $2, $3");
        samePg("SELECT * FROM t LIMIT 10 OFFSET 20", "SELECT * FROM t LIMIT $1 OFFSET $2");
        samePg("select * from users where active = true and deleted_at is null", "select * from users where active = $1 and deleted_at is null");
    }

    @Test
    void literalsOfEveryFormBecomeOnePlaceholder() {
        assertThat(pg("select 'it''s', E'a\\'b', $$x$$, $fn$ body 'q' $fn$, X'1F', B'0101', N'x'"))
                .isEqualTo("select ?, ?, ?, ?, ?, ?, ?");
        assertThat(pg("select .5, 1., 3.14, 1e10, 2E-5, 0o17, 0b1010")).isEqualTo("select ?, ?, ?, ?, ?, ?, ?");
        assertThat(pg("select * from t where a = ? and b = :name and c = $12")).isEqualTo("select * from t where a = ? and b = ? and c = ?");
        assertThat(pg("select 'a'\n'b'")).isEqualTo("select ?");
    }

    @Test
    void listsOfAnyLengthCollapseToOneElement() {
        samePg("select * from t where id in (1)", "select * from t where id in (1, 2, 3, 4, 5, 6, 7)");
        samePg("select * from t where id not in ($1,$2)", "SELECT * FROM t WHERE id NOT IN(9)");
        samePg("insert into t (a, b) values (1, 'x')", "insert into t (a, b) values (1, 'x'), (2, 'y'), (3, 'z')");
        assertThat(pg("insert into t (a, b) values (1, 'x'), (2, 'y') returning id"))
                .isEqualTo("insert into t(a, b) values (?, ?) returning id");
        samePg("select * from t where id = any(array[1,2,3])", "select * from t where id = any(ARRAY[4])");
        assertThat(pg("select * from t where (a, b) in ((1, 2), (3, 4))")).isEqualTo("select * from t where (a, b) in ((?, ?))");
        assertThat(pg("select * from t where a in (1, x, 2)")).isEqualTo("select * from t where a in (?, x)");
        assertThat(pg("select * from t where a in (select id from u where b in (1, 2))"))
                .isEqualTo("select * from t where a in (select id from u where b in (?))");
        assertThat(pg("select * from (values (1), (2)) as v(x)")).isEqualTo("select * from (values (?)) as v(x)");
    }

    @Test
    void commentsSpacingAndCaseDoNotCount() {
        samePg("SELECT /* app:42 */ a,b FROM t -- trailing\n WHERE x=1", "select a, b\n\tfrom   t where x = 2");
        samePg("select /* outer /* nested */ still comment */ 1", "select 2");
        assertThat(pg("SELECT count(*), t.* FROM \"MyTable\" t WHERE t.\"Col\"::int >= 3"))
                .isEqualTo("select count(*), t.* from \"MyTable\" t where t.\"Col\"::int >= ?");
    }

    @Test
    void mysqlDialectReadsBackticksDoubleQuotedStringsAndHashComments() {
        assertThat(my("SELECT `Name` FROM `Users` WHERE email = \"a@b.c\" # who\n AND note = 'it\\'s'"))
                .isEqualTo("select `Name` from `Users` where email = ? and note = ?");
        assertThat(my("SELECT @@session.sql_mode, @x := 1")).isEqualTo("select @@session.sql_mode, @x := ?");
        assertThat(my("INSERT INTO t (a) VALUES (1),(2),(3) ON DUPLICATE KEY UPDATE a = VALUES(a), b = VALUES(b)"))
                .isEqualTo("insert into t(a) values (?) on duplicate key update a = values (a), b = values (b)");
    }

    @Test
    void hostileInputEndsBoundedAndWithoutException() {
        assertThat(pg("select 'unterminated")).isEqualTo("select ?");
        assertThat(pg("select \"unterminated")).isEqualTo("select \"unterminated\"");
        assertThat(pg("select $a$ never closed")).isEqualTo("select ?");
        assertThat(pg("select /* never closed")).isEqualTo("select");
        assertThat(pg("sel\u0000ect 1")).isEqualTo("sel ect ?");
        assertThat(pg("")).isEmpty();
        assertThat(pg(" ;; ")).isEmpty();
        String huge = "select " + "a,".repeat(1_000_000) + "b";
        assertThat(pg(huge).length()).isLessThanOrEqualTo(StatementNormalizer.MAX_NORMALIZED);
        String manyValues = "insert into t values " + "(1, 'x'),".repeat(200_000) + "(2, 'y')";
        assertThat(pg(manyValues)).isEqualTo("insert into t values (?, ?)");
        assertThat(pg("))))(((([[[ ,,, ]]")).isNotNull();
    }

    @Test
    void theIdIsXxh64OfTheNormalisedTextsUtf8Bytes() {
        // reference values of XXH64 with seed 0, as libxxhash computes them
        assertThat(Fingerprinter.POSTGRESQL.fingerprint("").hex()).isEqualTo("ef46db3751d8e999");
        assertThat(Fingerprinter.POSTGRESQL.fingerprint("A").hex()).isEqualTo("d24ec4f1a98c6e5b");
        assertThat(Fingerprinter.POSTGRESQL.fingerprint("SELECT * FROM t WHERE id = 1 AND name IN (1, 2) ORDER BY x LIMIT 5")
                .hex()).isEqualTo("d67d28ad4643fbfa"); // of "select * from t where id = ? and name in (?) order by x limit ?"
        assertThat(Fingerprinter.POSTGRESQL.id("select 1")).isEqualTo(Fingerprinter.POSTGRESQL.fingerprint("select 2").id());
        byte[] utf8 = new byte[64];
        char[] text = "ü€\uD83D\uDE00\uD800".toCharArray();
        assertThat(java.util.Arrays.copyOf(utf8, Xxh64.utf8(text, text.length, utf8)))
                .isEqualTo("ü€\uD83D\uDE00?".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void realWorldStatementsReadAsADbaWouldGroupThem() {
        String[][] cases = {
            // sysbench oltp_read_write (MySQL)
            {"my", "SELECT c FROM sbtest1 WHERE id=5012", "select c from sbtest1 where id = ?"},
            {"my", "SELECT DISTINCT c FROM sbtest3 WHERE id BETWEEN 4993 AND 5092 ORDER BY c",
                "select distinct c from sbtest3 where id between ? and ? order by c"},
            {"my", "INSERT INTO sbtest1 (id, k, c, pad) VALUES (5012, 4993, '6893-8491', '2233-7789')",
                "insert into sbtest1(id, k, c, pad) values (?, ?, ?, ?)"},
            // Django, Rails, Hibernate
            {"pg", "SELECT \"auth_user\".\"id\", \"auth_user\".\"username\" FROM \"auth_user\" WHERE \"auth_user\".\"id\" = 17 LIMIT 21",
                "select \"auth_user\".\"id\", \"auth_user\".\"username\" from \"auth_user\" where \"auth_user\".\"id\" = ? limit ?"},
            {"pg", "SELECT \"posts\".* FROM \"posts\" WHERE \"posts\".\"author_id\" IN (1, 2, 3) /*application:Blog,controller:posts*/",
                "select \"posts\".* from \"posts\" where \"posts\".\"author_id\" in (?)"},
            {"pg", "select o1_0.id,o1_0.amount from order_line o1_0 where o1_0.order_id=?",
                "select o1_0.id, o1_0.amount from order_line o1_0 where o1_0.order_id = ?"},
            // pgbench and PostgreSQL specifics
            {"pg", "SELECT abalance FROM pgbench_accounts WHERE aid = 42;", "select abalance from pgbench_accounts where aid = ?"},
            {"pg", "SELECT c.oid::regclass, pg_size_pretty(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r'",
                "select c.oid::regclass, pg_size_pretty(pg_total_relation_size(c.oid)) from pg_class c where c.relkind = ?"},
            {"pg", "select * from events where payload @> '{\"a\": 1}'::jsonb and payload ? 'b' and at > now() - interval '5 min'",
                "select * from events where payload @> ?::jsonb and payload ? ? and at > now() - interval ?"},
            {"pg", "SELECT a[1], a[2:3] FROM t WHERE x <> -1 AND y != 2", "select a[?], a[?:?] from t where x <> ? and y != ?"},
            {"pg", "select a - 1, a-1, a -1, 2*-3", "select a - ?, a - ?, a - ?, ? * ?"},
            {"pg", "INSERT INTO t VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v",
                "insert into t values (?, ?) on conflict (id) do update set v = excluded.v"},
            {"pg", "WITH x AS (SELECT 1) SELECT * FROM x UNION ALL SELECT 2", "with x as (select ?) select * from x union all select ?"},
            {"pg", "BEGIN", "begin"},
            {"pg", "SET application_name = 'psql'", "set application_name = ?"},
            {"pg", "select count(*) filter (where ok) over (partition by k order by t) from s",
                "select count(*) filter (where ok) over (partition by k order by t) from s"},
            {"pg", "SELECT 'ü' || \"Größe\" FROM \"Tabelle\"", "select ? || \"Größe\" from \"Tabelle\""},
        };
        for (String[] c : cases) {
            assertThat(c[0].equals("my") ? my(c[1]) : pg(c[1])).as(c[1]).isEqualTo(c[2]);
        }
    }
}
