package io.knobwright.model.value;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How one engine spells values: which boolean words it takes, which units and suffixes, how it rounds, and how a
 * value is best written back. Implementations are stateless.
 */
interface EngineSyntax {

    static EngineSyntax of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> PostgresSyntax.INSTANCE;
            case MYSQL, MARIADB -> SuffixSyntax.MYSQL;
            case ORACLE -> SuffixSyntax.ORACLE;
            case SQLSERVER -> SuffixSyntax.SQL_SERVER;
        };
    }

    /** The boolean a spelling stands for; empty when this engine would not accept it. */
    Optional<Boolean> parseBoolean(String text);

    /** The accepted boolean spellings, for messages ("ON, OFF, TRUE, FALSE, 1 or 0"). */
    String booleanSpellings();

    String formatBoolean(boolean value);

    /** A spelling the engine accepts for an enum choice besides the listed names; the listed name it stands for. */
    default Optional<String> enumSynonym(ParameterSpec spec, String text) {
        return Optional.empty();
    }

    /**
     * The number a text stands for, in the parameter's base unit, rounded as the server rounds it, not yet checked
     * against the parameter's range.
     *
     * @param asServerReads read it exactly as the server would even where a person most likely meant something
     *                      else (PostgreSQL's "010" is 8): for comparing values, never for accepting input
     */
    BigDecimal parseNumber(ParameterSpec spec, Unit base, String text, Refusal refusal, boolean asServerReads);

    /** The most readable exact spelling of an amount in the base unit, as the engine's configuration files write it. */
    String formatNumber(Unit base, BigDecimal amount);

    /** Like {@link #formatNumber} for one parameter, which may have a spelling of its own (PostgreSQL's "0700" modes). */
    default String formatAmount(ParameterSpec spec, BigDecimal amount) {
        return formatNumber(Unit.of(spec), amount);
    }

    /** The lowest value the server can store when the catalog states no minimum; null when unbounded. */
    default BigDecimal implicitMin(ParameterSpec spec) {
        return null;
    }

    /** The highest value the server can store when the catalog states no maximum; null when unbounded. */
    default BigDecimal implicitMax(ParameterSpec spec) {
        return null;
    }
}
