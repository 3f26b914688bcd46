package io.knobwright.model.workload;

import io.knobwright.model.engine.Engine;

/**
 * Fingerprints statements: the same fingerprint for a statement whatever its literal values, the length of its IN
 * and VALUES lists, its comments, spacing and keyword case, so a statement logged with literals and its
 * pg_stat_statements text with {@code $1} placeholders fall together (decision 0121). Thread-safe: each thread
 * lexes into its own reused buffer, so fingerprinting allocates nothing but the {@link Fingerprint} it returns
 * ({@link #id} allocates nothing at all).
 *
 * <p>Any input is accepted (unterminated quotes, NUL characters, megabytes of text): the normalised text stops at
 * {@value StatementNormalizer#MAX_NORMALIZED} characters and no exception is thrown.
 *
 * <p>Each thread that fingerprints keeps ~112 KB of buffers for its life: fingerprint from a few long-lived threads
 * (a pool), not from a virtual thread per statement.
 */
public final class Fingerprinter {

    /** Standard SQL quoting: "identifiers", '' inside strings, E'..' with backslashes, $tag$ dollar quotes. */
    public static final Fingerprinter POSTGRESQL = new Fingerprinter(false);
    /** MySQL and MariaDB: "strings" as well as 'strings', backslash escapes in both, # comments, @variables. */
    public static final Fingerprinter MYSQL = new Fingerprinter(true);

    private final ThreadLocal<StatementNormalizer> normalizers;

    private Fingerprinter(boolean mysql) {
        this.normalizers = ThreadLocal.withInitial(() -> new StatementNormalizer(mysql));
    }

    /** The rules of the engine's SQL: MySQL's for MySQL and MariaDB, standard SQL's (PostgreSQL's) for the others. */
    public static Fingerprinter of(Engine engine) {
        return engine == Engine.MYSQL || engine == Engine.MARIADB ? MYSQL : POSTGRESQL;
    }

    public Fingerprint fingerprint(CharSequence sql) {
        StatementNormalizer n = normalizers.get();
        n.normalize(sql);
        return new Fingerprint(hash(n), new String(n.out, 0, n.len));
    }

    /** The fingerprint's id alone, without building its text: for counting statements whose text is known. */
    public long id(CharSequence sql) {
        StatementNormalizer n = normalizers.get();
        n.normalize(sql);
        return hash(n);
    }

    /** XXH64 (seed 0) of the UTF-8 encoding of the normalised text. */
    private static long hash(StatementNormalizer n) {
        return Xxh64.hash(n.utf8, Xxh64.utf8(n.out, n.len, n.utf8));
    }
}
