package io.knobwright.model.template;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.math.BigDecimal;
import java.util.List;

/** A small PostgreSQL 16-like catalog with the units and ranges pg_settings reports. */
final class TestCatalogs {

    private TestCatalogs() {
    }

    static ParameterCatalog postgres16() {
        return new ParameterCatalog(new EngineVersion(Engine.POSTGRESQL, "16"), "test", List.of(
                spec("shared_buffers", ParameterType.INTEGER, "8kB", 16, 1073741823, "16384", ApplyMode.RESTART),
                spec("effective_cache_size", ParameterType.INTEGER, "8kB", 1, 2147483647, "524288", ApplyMode.ONLINE),
                spec("work_mem", ParameterType.INTEGER, "kB", 64, 2147483647, "4096", ApplyMode.ONLINE),
                spec("maintenance_work_mem", ParameterType.INTEGER, "kB", 1024, 2147483647, "65536", ApplyMode.ONLINE),
                spec("max_connections", ParameterType.INTEGER, null, 1, 262143, "100", ApplyMode.RESTART),
                spec("checkpoint_timeout", ParameterType.INTEGER, "s", 30, 86400, "300", ApplyMode.RELOAD),
                spec("random_page_cost", ParameterType.REAL, null, 0, 1.79769e308, "4", ApplyMode.ONLINE),
                new ParameterSpec(Engine.POSTGRESQL, "16", "wal_level", ParameterType.ENUM, null, null, null,
                        List.of("minimal", "replica", "logical"), "replica", ApplyMode.RESTART, "WAL", "", "test"),
                new ParameterSpec(Engine.POSTGRESQL, "16", "jit", ParameterType.BOOLEAN, null, null, null,
                        List.of(), "on", ApplyMode.ONLINE, "Query Tuning", "", "test")));
    }

    private static ParameterSpec spec(String name, ParameterType type, String unit, double min, double max,
                                      String def, ApplyMode mode) {
        return new ParameterSpec(Engine.POSTGRESQL, "16", name, type, unit, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                List.of(), def, mode, "Resource Usage", "", "test");
    }
}
