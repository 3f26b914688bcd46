package io.knobwright.model.store;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.HostDependentDefaults;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.catalog.ServerCatalog;
import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.store.jooq.tables.records.ServerCatalogParameterRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.knobwright.model.store.jooq.Tables.INSTANCE;
import static io.knobwright.model.store.jooq.Tables.INSTANCE_SERVER_CATALOG;
import static io.knobwright.model.store.jooq.Tables.SERVER_CATALOG;
import static io.knobwright.model.store.jooq.Tables.SERVER_CATALOG_PARAMETER;

/**
 * Servers' own parameter descriptions in H2, stored once per distinct description. A stored description never
 * changes, so one read from the store is kept in memory by id for the life of the store.
 */
final class JooqServerCatalogRepository implements ServerCatalogRepository {

    private final DSLContext dsl;
    private final Map<Long, ParameterCatalog> byId;

    JooqServerCatalogRepository(DSLContext dsl, Map<Long, ParameterCatalog> sharedCache) {
        this.dsl = dsl;
        this.byId = sharedCache;
    }

    /** The cache a store shares between its repositories (those bound to one transaction included). */
    static Map<Long, ParameterCatalog> newCache() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public void record(long instanceId, ParameterCatalog catalog, Instant readAt) {
        try {
            recordOnce(instanceId, catalog, readAt);
        } catch (IntegrityConstraintViolationException storedMeanwhile) {
            // another process stored the same description between our lookup and our insert: now it is there
            recordOnce(instanceId, catalog, readAt);
        }
    }

    private void recordOnce(long instanceId, ParameterCatalog catalog, Instant readAt) {
        String hash = contentHash(catalog);
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            if (!db.fetchExists(INSTANCE, INSTANCE.ID.eq(instanceId))) {
                throw new StoreException("No instance with id " + instanceId + " is in the store; it may have been removed"
                        + " elsewhere. Its server's parameter description was not saved.");
            }
            Long catalogId = db.select(SERVER_CATALOG.ID).from(SERVER_CATALOG).where(SERVER_CATALOG.CONTENT_HASH.eq(hash))
                    .fetchOne(SERVER_CATALOG.ID);
            if (catalogId == null) {
                catalogId = insert(db, catalog, hash);
            }
            db.deleteFrom(INSTANCE_SERVER_CATALOG).where(INSTANCE_SERVER_CATALOG.INSTANCE_ID.eq(instanceId)).execute();
            db.insertInto(INSTANCE_SERVER_CATALOG, INSTANCE_SERVER_CATALOG.INSTANCE_ID, INSTANCE_SERVER_CATALOG.CATALOG_ID,
                    INSTANCE_SERVER_CATALOG.READ_AT).values(instanceId, catalogId, readAt.atOffset(ZoneOffset.UTC)).execute();
        });
    }

    private static long insert(DSLContext db, ParameterCatalog catalog, String hash) {
        EngineVersion version = catalog.engineVersion();
        long id = db.insertInto(SERVER_CATALOG, SERVER_CATALOG.CONTENT_HASH, SERVER_CATALOG.ENGINE, SERVER_CATALOG.VERSION,
                        SERVER_CATALOG.ORIGIN)
                .values(hash, version.engine().id(), version.major(), clip(catalog.origin(), 1000))
                .returningResult(SERVER_CATALOG.ID).fetchOne().value1();
        if (catalog.parameters().isEmpty()) {
            return id;
        }
        BatchBindStep batch = db.batch(db.insertInto(SERVER_CATALOG_PARAMETER,
                SERVER_CATALOG_PARAMETER.CATALOG_ID, SERVER_CATALOG_PARAMETER.ORDINAL, SERVER_CATALOG_PARAMETER.NAME,
                SERVER_CATALOG_PARAMETER.PARAM_TYPE, SERVER_CATALOG_PARAMETER.UNIT, SERVER_CATALOG_PARAMETER.MIN_VALUE,
                SERVER_CATALOG_PARAMETER.MAX_VALUE, SERVER_CATALOG_PARAMETER.ENUM_VALUES,
                SERVER_CATALOG_PARAMETER.DEFAULT_VALUE, SERVER_CATALOG_PARAMETER.APPLY_MODE,
                SERVER_CATALOG_PARAMETER.CATEGORY, SERVER_CATALOG_PARAMETER.DESCRIPTION)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null, null));
        int ordinal = 0;
        for (ParameterSpec p : catalog.parameters()) {
            batch.bind(id, ordinal++, p.name(), p.type().name(), p.unit(), text(p.min()), text(p.max()),
                    p.enumValues().isEmpty() ? null : String.join("\n", p.enumValues()), p.defaultValue(),
                    p.applyMode().name(), clip(p.category(), 500), clip(p.description(), 4000));
        }
        batch.execute();
        return id;
    }

    @Override
    public Optional<ServerCatalog> latest(long instanceId) {
        return Optional.ofNullable(latestOf(List.of(instanceId)).get(instanceId));
    }

    @Override
    public Map<Long, ServerCatalog> latestOf(Collection<Long> instanceIds) {
        Map<Long, ServerCatalog> result = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(instanceIds)) {
            for (Record3<Long, Long, java.time.OffsetDateTime> row : dsl
                    .select(INSTANCE_SERVER_CATALOG.INSTANCE_ID, INSTANCE_SERVER_CATALOG.CATALOG_ID, INSTANCE_SERVER_CATALOG.READ_AT)
                    .from(INSTANCE_SERVER_CATALOG)
                    .where(InLists.in(INSTANCE_SERVER_CATALOG.INSTANCE_ID, chunk))
                    .fetch()) {
                result.put(row.value1(), new ServerCatalog(catalog(row.value2()), row.value3().toInstant()));
            }
        }
        return result;
    }

    @Override
    public List<ParameterCatalog> inUse() {
        return dsl.selectDistinct(INSTANCE_SERVER_CATALOG.CATALOG_ID).from(INSTANCE_SERVER_CATALOG)
                .orderBy(INSTANCE_SERVER_CATALOG.CATALOG_ID)
                .fetch(INSTANCE_SERVER_CATALOG.CATALOG_ID).stream()
                .map(this::catalog)
                .toList();
    }

    private ParameterCatalog catalog(long id) {
        return byId.computeIfAbsent(id, this::load);
    }

    private ParameterCatalog load(long id) {
        var header = dsl.selectFrom(SERVER_CATALOG).where(SERVER_CATALOG.ID.eq(id)).fetchOne();
        if (header == null) {
            throw new StoreException("The store lost server parameter description #" + id + " while it was being read.");
        }
        Engine engine = Engine.require(header.getEngine());
        String major = header.getVersion();
        String origin = header.getOrigin();
        List<ParameterSpec> specs = new ArrayList<>();
        for (ServerCatalogParameterRecord p : dsl.selectFrom(SERVER_CATALOG_PARAMETER)
                .where(SERVER_CATALOG_PARAMETER.CATALOG_ID.eq(id)).orderBy(SERVER_CATALOG_PARAMETER.ORDINAL).fetch()) {
            specs.add(new ParameterSpec(engine, major, p.getName(), ParameterType.valueOf(p.getParamType()), p.getUnit(),
                    decimal(p.getMinValue()), decimal(p.getMaxValue()),
                    p.getEnumValues() == null ? List.of() : Arrays.asList(p.getEnumValues().split("\n")),
                    p.getDefaultValue(), ApplyMode.valueOf(p.getApplyMode()), p.getCategory(), p.getDescription(), origin));
        }
        // Which defaults depend on the host is not stored: the table that says so is applied on the way back in,
        // as each catalog reader applies it on the way out of a server.
        return HostDependentDefaults.mark(new ParameterCatalog(new EngineVersion(engine, major), origin, specs));
    }

    /** Equal descriptions hash equally, whatever server or moment they were read from. */
    static String contentHash(ParameterCatalog catalog) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, catalog.engineVersion().engine().id(), catalog.engineVersion().major(), catalog.origin());
            for (ParameterSpec p : catalog.parameters()) {
                update(sha, p.name(), p.type().name(), p.unit(), text(p.min()), text(p.max()),
                        String.join("\n", p.enumValues()), p.defaultValue(), p.applyMode().name(), p.category(), p.description());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void update(MessageDigest sha, String... fields) {
        for (String field : fields) {
            // a length prefix keeps ("ab", "c") and ("a", "bc") apart; -1 marks null
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            sha.update(Integer.toString(field == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toString();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
