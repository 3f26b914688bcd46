package io.knobwright.model.apply;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One statement for a server, in two forms. {@code sql} is the complete text, with every name and value already
 * quoted: it is what the journal records and a person reads, and what is executed when there are no binds.
 * {@code parameterizedSql}, when present, is the same statement with {@code ?} markers that the driver fills from
 * {@code binds}: the form to execute, so that a value reaches the server quoted by the driver (MySQL/MariaDB string
 * values, names in WHERE clauses). PostgreSQL's ALTER SYSTEM and Oracle's ALTER SYSTEM take no bind parameters;
 * theirs are text only, quoted as the server's own functions quote (docs/decisions/0117).
 *
 * @param binds String, Long or BigDecimal values, one per marker
 */
public record ApplyStatement(String sql, String parameterizedSql, List<Object> binds) {

    public ApplyStatement {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("A statement needs its text");
        }
        binds = List.copyOf(binds == null ? List.of() : binds);
        if (parameterizedSql == null && !binds.isEmpty()) {
            throw new IllegalArgumentException("Binds without a parameterized statement: " + sql);
        }
        if (parameterizedSql != null) {
            long markers = parameterizedSql.chars().filter(c -> c == '?').count();
            if (markers != binds.size()) {
                throw new IllegalArgumentException(parameterizedSql + " has " + markers + " markers for "
                        + binds.size() + " binds");
            }
        }
        for (Object bind : binds) {
            if (!(bind instanceof String || bind instanceof Long || bind instanceof BigDecimal)) {
                throw new IllegalArgumentException("Unsupported bind " + Objects.toString(bind) + " in " + sql);
            }
        }
    }

    /** A statement executed as its text. */
    public static ApplyStatement text(String sql) {
        return new ApplyStatement(sql, null, List.of());
    }

    /** A statement shown as {@code sql} and executed as {@code parameterizedSql} with {@code binds}. */
    public static ApplyStatement bound(String sql, String parameterizedSql, Object... binds) {
        return new ApplyStatement(sql, parameterizedSql, List.of(binds));
    }

    /** True when the statement is to be executed through a prepared statement with its binds. */
    public boolean isBound() {
        return parameterizedSql != null;
    }

    /** The text to hand to the driver: the parameterized form when there is one, else the complete text. */
    public String executable() {
        return parameterizedSql != null ? parameterizedSql : sql;
    }
}
