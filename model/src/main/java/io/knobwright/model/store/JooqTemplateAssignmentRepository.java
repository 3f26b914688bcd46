package io.knobwright.model.store;

import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateAssignmentRepository;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.INSTANCE;
import static io.knobwright.model.store.jooq.Tables.INSTANCE_TEMPLATE;

/** Which template each instance follows, one row per instance. */
final class JooqTemplateAssignmentRepository implements TemplateAssignmentRepository {

    private final DSLContext dsl;

    JooqTemplateAssignmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void assign(TemplateAssignment a) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            if (!db.fetchExists(INSTANCE, INSTANCE.ID.eq(a.instanceId()))) {
                throw new StoreException("No instance with id " + a.instanceId() + " is in the store; nothing was assigned.");
            }
            db.deleteFrom(INSTANCE_TEMPLATE).where(INSTANCE_TEMPLATE.INSTANCE_ID.eq(a.instanceId())).execute();
            db.insertInto(INSTANCE_TEMPLATE, INSTANCE_TEMPLATE.INSTANCE_ID, INSTANCE_TEMPLATE.TEMPLATE_NAME,
                    INSTANCE_TEMPLATE.PINNED_VERSION).values(a.instanceId(), a.templateName(), a.pinnedVersion()).execute();
        });
    }

    @Override
    public void unassign(long instanceId) {
        // in a transaction like every write: H2 would repeat an autocommit statement by itself after a hand-over (0043)
        dsl.transaction(tx -> tx.dsl().deleteFrom(INSTANCE_TEMPLATE).where(INSTANCE_TEMPLATE.INSTANCE_ID.eq(instanceId)).execute());
    }

    @Override
    public Optional<TemplateAssignment> find(long instanceId) {
        return dsl.selectFrom(INSTANCE_TEMPLATE).where(INSTANCE_TEMPLATE.INSTANCE_ID.eq(instanceId))
                .fetchOptional(r -> new TemplateAssignment(r.getInstanceId(), r.getTemplateName(), r.getPinnedVersion()));
    }

    @Override
    public Map<Long, TemplateAssignment> findAll() {
        Map<Long, TemplateAssignment> all = new LinkedHashMap<>();
        dsl.selectFrom(INSTANCE_TEMPLATE).forEach(r -> all.put(r.getInstanceId(),
                new TemplateAssignment(r.getInstanceId(), r.getTemplateName(), r.getPinnedVersion())));
        return all;
    }
}
