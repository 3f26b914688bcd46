package io.knobwright.model.catalog.curated;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * One hand-curated catalog entry while it is being written down: a small immutable builder so the tables in
 * {@link MySqlCuratedCatalog} and its siblings read one parameter per statement. Numbers are strings so that
 * 64-bit limits (18446744073709551615) are written exactly as the vendor documents them.
 *
 * @param source documentation URL; {@code {v}} is replaced by the version's path segment (8.0, 19, 23)
 */
record Curated(String name, ParameterType type, String unit, String min, String max, List<String> enumValues,
               String defaultValue, ApplyMode applyMode, String category, String description, String source) {

    /** 2^64-1, the documented maximum of many 64-bit MySQL variables. */
    static final String U64 = "18446744073709551615";

    static Curated integer(String name) {
        return new Curated(name, ParameterType.INTEGER, null, null, null, List.of(), null, ApplyMode.ONLINE, "", "", "");
    }

    static Curated real(String name) {
        return integer(name).type(ParameterType.REAL);
    }

    static Curated bool(String name) {
        return integer(name).type(ParameterType.BOOLEAN);
    }

    static Curated string(String name) {
        return integer(name).type(ParameterType.STRING);
    }

    static Curated choice(String name, String... values) {
        return new Curated(name, ParameterType.ENUM, null, null, null, List.of(values), null, ApplyMode.ONLINE, "",
                "", "");
    }

    Curated type(ParameterType t) {
        return new Curated(name, t, unit, min, max, enumValues, defaultValue, applyMode, category, description, source);
    }

    Curated unit(String u) {
        return new Curated(name, type, u, min, max, enumValues, defaultValue, applyMode, category, description, source);
    }

    Curated range(String lo, String hi) {
        return new Curated(name, type, unit, lo, hi, enumValues, defaultValue, applyMode, category, description, source);
    }

    Curated range(long lo, long hi) {
        return range(Long.toString(lo), Long.toString(hi));
    }

    Curated def(String d) {
        return new Curated(name, type, unit, min, max, enumValues, d, applyMode, category, description, source);
    }

    Curated def(long d) {
        return def(Long.toString(d));
    }

    Curated mode(ApplyMode m) {
        return new Curated(name, type, unit, min, max, enumValues, defaultValue, m, category, description, source);
    }

    Curated restart() {
        return mode(ApplyMode.RESTART);
    }

    Curated cat(String c) {
        return new Curated(name, type, unit, min, max, enumValues, defaultValue, applyMode, c, description, source);
    }

    Curated doc(String d) {
        return new Curated(name, type, unit, min, max, enumValues, defaultValue, applyMode, category, d, source);
    }

    Curated src(String s) {
        return new Curated(name, type, unit, min, max, enumValues, defaultValue, applyMode, category, description, s);
    }

    ParameterSpec toSpec(Engine engine, String version, String docVersion) {
        return new ParameterSpec(engine, version, name, type, unit, number(min), number(max), enumValues, defaultValue,
                applyMode, category, description, source.replace("{v}", docVersion));
    }

    private static BigDecimal number(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
