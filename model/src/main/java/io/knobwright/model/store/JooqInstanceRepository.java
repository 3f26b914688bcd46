package io.knobwright.model.store;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceLimits;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.store.jooq.tables.records.InstanceRecord;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static io.knobwright.model.store.jooq.Tables.INSTANCE;
import static io.knobwright.model.store.jooq.Tables.INSTANCE_TAG;

/**
 * Instances and their tags in H2. Reads cost two queries whatever the fleet size (rows, then all their tags);
 * every write runs in one transaction.
 */
final class JooqInstanceRepository implements InstanceRepository {

    /** Keeps IN lists of names well below what H2 parses comfortably. */
    private static final int NAME_CHUNK = 1000;

    private final DSLContext dsl;
    private final Clock clock;

    JooqInstanceRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public List<Instance> findAll() {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            List<InstanceRecord> rows = db.selectFrom(INSTANCE).orderBy(INSTANCE.NAME).fetch();
            return toInstances(rows, tags(db, DSL.noCondition()));
        });
    }

    @Override
    public Optional<Instance> findById(long id) {
        return findOne(INSTANCE.ID.eq(id));
    }

    @Override
    public Optional<Instance> findByName(String name) {
        return name == null ? Optional.empty() : findOne(INSTANCE.NAME.eq(name));
    }

    /** Two queries per {@value InLists#CHUNK} ids: the rows, then their tags. */
    @Override
    public Map<Long, Instance> findByIds(Collection<Long> ids) {
        List<List<Long>> chunks = InLists.chunks(ids);
        if (chunks.isEmpty()) {
            return Map.of();
        }
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<Long, Instance> found = new HashMap<>();
            for (List<Long> chunk : chunks) {
                List<InstanceRecord> rows = db.selectFrom(INSTANCE).where(InLists.in(INSTANCE.ID, chunk)).fetch();
                toInstances(rows, tags(db, InLists.in(INSTANCE_TAG.INSTANCE_ID, chunk))).forEach(i -> found.put(i.id(), i));
            }
            return found;
        });
    }

    @Override
    public Instance save(Instance instance) {
        return saveAll(List.of(instance)).getFirst();
    }

    @Override
    public List<Instance> saveAll(List<Instance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        instances.forEach(JooqInstanceRepository::checkLimits);
        refuseDuplicatesWithin(instances);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try {
            return dsl.transactionResult(tx -> {
                DSLContext db = tx.dsl();
                refuseNamesTakenByOthers(db, instances);
                insertNew(db, instances, now);
                Map<String, Long> ids = idsByName(db, instances);
                List<Instance> saved = new ArrayList<>(instances.size());
                for (Instance instance : instances) {
                    saved.add(instance.id() == 0 ? instance.withId(ids.get(instance.name())) : update(db, instance, now));
                }
                replaceTags(db, saved);
                return saved;
            });
        } catch (IntegrityConstraintViolationException e) {
            // Another window or the CLI stored the same name between our check and our insert.
            throw duplicateFrom(e, instances);
        }
    }

    @Override
    public boolean delete(long id) {
        // in a transaction like every write: H2 would repeat an autocommit statement by itself after a hand-over (0043)
        return dsl.transactionResult(tx -> tx.dsl().deleteFrom(INSTANCE).where(INSTANCE.ID.eq(id)).execute() > 0);
    }

    @Override
    public int deleteDemoInstances() {
        return dsl.transactionResult(tx -> tx.dsl().deleteFrom(INSTANCE).where(INSTANCE.DEMO.isTrue()).execute());
    }

    @Override
    public int count() {
        return dsl.fetchCount(INSTANCE);
    }

    private Optional<Instance> findOne(Condition condition) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            InstanceRecord row = db.selectFrom(INSTANCE).where(condition).fetchOne();
            if (row == null) {
                return Optional.empty();
            }
            Map<String, String> tags = tags(db, INSTANCE_TAG.INSTANCE_ID.eq(row.getId())).getOrDefault(row.getId(), Map.of());
            return Optional.of(InstanceRows.toInstance(row, tags));
        });
    }

    /** One JDBC batch for all new rows: an import of thousands of instances is one round of statements. */
    private static void insertNew(DSLContext db, List<Instance> instances, OffsetDateTime now) {
        List<InstanceRecord> rows = new ArrayList<>();
        for (Instance instance : instances) {
            if (instance.id() == 0) {
                InstanceRecord row = db.newRecord(INSTANCE);
                InstanceRows.fill(row, instance, now);
                row.setCreatedAt(now);
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            db.batchInsert(rows).execute();
        }
    }

    private static Map<String, Long> idsByName(DSLContext db, List<Instance> instances) {
        List<String> names = instances.stream().filter(i -> i.id() == 0).map(Instance::name).toList();
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < names.size(); from += NAME_CHUNK) {
            db.select(INSTANCE.NAME, INSTANCE.ID).from(INSTANCE)
                    .where(INSTANCE.NAME.in(names.subList(from, Math.min(names.size(), from + NAME_CHUNK))))
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        return ids;
    }

    private static Instance update(DSLContext db, Instance instance, OffsetDateTime now) {
        InstanceRecord row = db.selectFrom(INSTANCE).where(INSTANCE.ID.eq(instance.id())).fetchOne();
        if (row == null) {
            throw new StoreException("Instance '" + instance.name() + "' (id " + instance.id() + ") is no longer in the"
                    + " store; it was removed elsewhere. Reload the fleet and add it again if needed.");
        }
        InstanceRows.fill(row, instance, now);
        row.update();
        return instance;
    }

    private static void replaceTags(DSLContext db, List<Instance> saved) {
        for (List<Long> chunk : InLists.chunks(saved.stream().map(Instance::id).toList())) {
            db.deleteFrom(INSTANCE_TAG).where(InLists.in(INSTANCE_TAG.INSTANCE_ID, chunk)).execute();
        }
        BatchBindStep batch = db.batch(db.insertInto(INSTANCE_TAG, INSTANCE_TAG.INSTANCE_ID, INSTANCE_TAG.TAG_KEY,
                INSTANCE_TAG.TAG_VALUE).values((Long) null, null, null));
        int tagCount = 0;
        for (Instance instance : saved) {
            for (Map.Entry<String, String> tag : instance.tags().entrySet()) {
                batch.bind(instance.id(), tag.getKey(), tag.getValue());
                tagCount++;
            }
        }
        if (tagCount > 0) {
            batch.execute();
        }
    }

    /** The tags that match {@code which}, keyed by instance id. */
    private static Map<Long, Map<String, String>> tags(DSLContext db, Condition which) {
        Map<Long, Map<String, String>> byInstance = new HashMap<>();
        db.select(INSTANCE_TAG.INSTANCE_ID, INSTANCE_TAG.TAG_KEY, INSTANCE_TAG.TAG_VALUE).from(INSTANCE_TAG).where(which)
                .forEach(r -> byInstance.computeIfAbsent(r.value1(), k -> new TreeMap<>()).put(r.value2(), r.value3()));
        return byInstance;
    }

    private static List<Instance> toInstances(List<InstanceRecord> rows, Map<Long, Map<String, String>> tags) {
        List<Instance> result = new ArrayList<>(rows.size());
        for (InstanceRecord row : rows) {
            result.add(InstanceRows.toInstance(row, tags.getOrDefault(row.getId(), Map.of())));
        }
        return List.copyOf(result);
    }

    private static void checkLimits(Instance instance) {
        InstanceLimits.violation(instance).ifPresent(problem -> {
            throw new StoreException("Instance '" + abbreviate(instance.name()) + "' cannot be stored: " + problem + ".");
        });
    }

    private static void refuseDuplicatesWithin(List<Instance> instances) {
        Set<String> seen = new HashSet<>();
        for (Instance instance : instances) {
            if (!seen.add(instance.name())) {
                throw new DuplicateInstanceNameException(instance.name());
            }
        }
    }

    private static void refuseNamesTakenByOthers(DSLContext db, List<Instance> instances) {
        Map<String, Long> idByName = new HashMap<>();
        instances.forEach(i -> idByName.put(i.name(), i.id()));
        List<String> names = new ArrayList<>(idByName.keySet());
        for (int from = 0; from < names.size(); from += NAME_CHUNK) {
            Collection<String> chunk = names.subList(from, Math.min(names.size(), from + NAME_CHUNK));
            for (var taken : db.select(INSTANCE.ID, INSTANCE.NAME).from(INSTANCE).where(INSTANCE.NAME.in(chunk)).fetch()) {
                if (!taken.value1().equals(idByName.get(taken.value2()))) {
                    throw new DuplicateInstanceNameException(taken.value2());
                }
            }
        }
    }

    private StoreException duplicateFrom(IntegrityConstraintViolationException e, List<Instance> instances) {
        String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        if (message.contains("UK_INSTANCE_NAME")) {
            for (Instance instance : instances) {
                if (findByName(instance.name()).filter(found -> found.id() != instance.id()).isPresent()) {
                    return new DuplicateInstanceNameException(instance.name());
                }
            }
            return new StoreException("Another program stored an instance with one of these names at the same time."
                    + " Nothing was saved; reload the fleet and try again.", e);
        }
        return new StoreException("The store refused these instances: " + e.getMessage().lines().findFirst().orElse("")
                + ". Nothing was saved.", e);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
