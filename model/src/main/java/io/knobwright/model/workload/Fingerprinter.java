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
 */
public final class Fingerprinter {

    /** Standard SQL quoting: "identifiers", '' inside strings, E'..' with backslashes, $tag$ dollar quotes. */
    public static final Fingerprinter POSTGRESQL = new Fingerprinter(false);
    /** MySQL and MariaDB: "strings" as well as 'strings', backslash escapes in both, # comments, @variables. */
    public static final Fingerprinter MYSQL = new Fingerprinter(true);

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

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
        return new Fingerprint(hash(n.out, n.len), new String(n.out, 0, n.len));
    }

    /** The fingerprint's id alone, without building its text: for counting statements whose text is known. */
    public long id(CharSequence sql) {
        StatementNormalizer n = normalizers.get();
        n.normalize(sql);
        return hash(n.out, n.len);
    }

    /** FNV-1a 64 over the UTF-8 encoding of {@code text}[0, length); a lone surrogate counts as '?', as Java encodes it. */
    static long hash(char[] text, int length) {
        long h = FNV_OFFSET;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c < 0x80) {
                h = (h ^ c) * FNV_PRIME;
            } else if (c < 0x800) {
                h = (h ^ (0xc0 | (c >> 6))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3f))) * FNV_PRIME;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text[i + 1])) {
                int cp = Character.toCodePoint(c, text[++i]);
                h = (h ^ (0xf0 | (cp >> 18))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 12) & 0x3f))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 6) & 0x3f))) * FNV_PRIME;
                h = (h ^ (0x80 | (cp & 0x3f))) * FNV_PRIME;
            } else if (Character.isSurrogate(c)) {
                h = (h ^ '?') * FNV_PRIME;
            } else {
                h = (h ^ (0xe0 | (c >> 12))) * FNV_PRIME;
                h = (h ^ (0x80 | ((c >> 6) & 0x3f))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3f))) * FNV_PRIME;
            }
        }
        return h;
    }
}
