package io.knobwright.model.store;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateRepository;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.io.TemplateFile;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.TEMPLATE;
import static io.knobwright.model.store.jooq.Tables.TEMPLATE_VERSION;

/**
 * User templates in H2. A version row is only ever inserted; its document column holds the template in its
 * JSON file form, so what is read back is exactly what was saved.
 */
final class JooqTemplateRepository implements TemplateRepository {

    private final DSLContext dsl;
    private final Clock clock;

    JooqTemplateRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public List<TemplateVersion> latestVersions() {
        var latest = dsl.select(TEMPLATE_VERSION.TEMPLATE_ID, org.jooq.impl.DSL.max(TEMPLATE_VERSION.VERSION).as("v"))
                .from(TEMPLATE_VERSION).groupBy(TEMPLATE_VERSION.TEMPLATE_ID).asTable("latest");
        return dsl.select().from(TEMPLATE)
                .join(TEMPLATE_VERSION).on(TEMPLATE_VERSION.TEMPLATE_ID.eq(TEMPLATE.ID))
                .join(latest).on(latest.field(TEMPLATE_VERSION.TEMPLATE_ID).eq(TEMPLATE.ID)
                        .and(latest.field("v", Integer.class).eq(TEMPLATE_VERSION.VERSION)))
                .orderBy(TEMPLATE.NAME)
                .fetch(this::toVersion);
    }

    @Override
    public Optional<TemplateVersion> latest(String name) {
        return dsl.select().from(TEMPLATE).join(TEMPLATE_VERSION).on(TEMPLATE_VERSION.TEMPLATE_ID.eq(TEMPLATE.ID))
                .where(TEMPLATE.NAME.eq(name))
                .orderBy(TEMPLATE_VERSION.VERSION.desc()).limit(1)
                .fetchOptional(this::toVersion);
    }

    @Override
    public Optional<TemplateVersion> version(String name, int version) {
        return dsl.select().from(TEMPLATE).join(TEMPLATE_VERSION).on(TEMPLATE_VERSION.TEMPLATE_ID.eq(TEMPLATE.ID))
                .where(TEMPLATE.NAME.eq(name).and(TEMPLATE_VERSION.VERSION.eq(version)))
                .fetchOptional(this::toVersion);
    }

    @Override
    public List<TemplateVersion> history(String name) {
        return dsl.select().from(TEMPLATE).join(TEMPLATE_VERSION).on(TEMPLATE_VERSION.TEMPLATE_ID.eq(TEMPLATE.ID))
                .where(TEMPLATE.NAME.eq(name))
                .orderBy(TEMPLATE_VERSION.VERSION.desc())
                .fetch(this::toVersion);
    }

    @Override
    public TemplateVersion save(Template template, String author, String comment) {
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        String document = TemplateFile.write(template, TemplateFile.Format.JSON);
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Long id = db.select(TEMPLATE.ID, TEMPLATE.ENGINE).from(TEMPLATE).where(TEMPLATE.NAME.eq(template.name()))
                    .forUpdate().fetchOptional()
                    .map(r -> {
                        if (!r.get(TEMPLATE.ENGINE).equals(template.engine().id())) {
                            throw new TemplateException("Template '" + template.name() + "' is for " + r.get(TEMPLATE.ENGINE)
                                    + "; a template keeps its engine. Save it under another name.");
                        }
                        return r.get(TEMPLATE.ID);
                    })
                    .orElseGet(() -> db.insertInto(TEMPLATE, TEMPLATE.NAME, TEMPLATE.ENGINE, TEMPLATE.CREATED_AT)
                            .values(template.name(), template.engine().id(), now)
                            .returning(TEMPLATE.ID).fetchOne().getId());
            Integer last = db.select(org.jooq.impl.DSL.max(TEMPLATE_VERSION.VERSION)).from(TEMPLATE_VERSION)
                    .where(TEMPLATE_VERSION.TEMPLATE_ID.eq(id)).fetchOne(0, Integer.class);
            int next = last == null ? 1 : last + 1;
            db.insertInto(TEMPLATE_VERSION)
                    .set(TEMPLATE_VERSION.TEMPLATE_ID, id)
                    .set(TEMPLATE_VERSION.VERSION, next)
                    .set(TEMPLATE_VERSION.PARENT_NAME, template.parent())
                    .set(TEMPLATE_VERSION.TARGET_VERSIONS, String.join(",", template.targetVersions()))
                    .set(TEMPLATE_VERSION.DESCRIPTION, truncate(template.description(), 2000))
                    .set(TEMPLATE_VERSION.DOCUMENT, document)
                    .set(TEMPLATE_VERSION.AUTHOR, truncate(author == null ? "" : author, 200))
                    .set(TEMPLATE_VERSION.SAVED_AT, now)
                    .set(TEMPLATE_VERSION.CHANGE_COMMENT, truncate(comment == null ? "" : comment, 2000))
                    .execute();
            return new TemplateVersion(template, next, author, now.toInstant(), comment);
        });
    }

    private TemplateVersion toVersion(Record r) {
        Template parsed = TemplateFile.read(r.get(TEMPLATE_VERSION.DOCUMENT), TemplateFile.Format.JSON);
        Template template = new Template(parsed.name(), Engine.require(r.get(TEMPLATE.ENGINE)),
                Arrays.stream(r.get(TEMPLATE_VERSION.TARGET_VERSIONS).split(",")).filter(s -> !s.isBlank()).toList(),
                r.get(TEMPLATE_VERSION.PARENT_NAME), parsed.entries(), false, parsed.description());
        return new TemplateVersion(template, r.get(TEMPLATE_VERSION.VERSION), r.get(TEMPLATE_VERSION.AUTHOR),
                r.get(TEMPLATE_VERSION.SAVED_AT).toInstant(), r.get(TEMPLATE_VERSION.CHANGE_COMMENT));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
