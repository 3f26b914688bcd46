package io.knobwright.model.template.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;

import java.util.ArrayList;
import java.util.List;

/**
 * Templates as YAML or JSON files (same shape), the form built-in templates ship in and users exchange:
 * <pre>
 * name: pg-oltp
 * engine: postgresql
 * parent: pg-base
 * entries:
 *   - parameter: shared_buffers
 *     expression: 25% of RAM
 *     rationale: a quarter of RAM leaves the rest to the OS page cache
 *   - parameter: wal_level
 *     value: logical
 *     locked: true
 *   - parameter: jit
 *     reset: true
 * </pre>
 */
public final class TemplateFile {

    public enum Format { YAML, JSON }

    /** JSON/YAML shape of one entry: exactly one of value, expression, reset. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record EntryDocument(String parameter, String value, String expression, boolean reset, boolean locked,
                                String rationale) {
    }

    /** JSON/YAML shape of a template. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Document(String name, String engine, List<String> targetVersions, String parent, String description,
                           List<EntryDocument> entries) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TemplateFile() {
    }

    /** Parses a whole file; any problem names the place and leaves nothing half-read. */
    public static Template read(String text, Format format) {
        Document doc;
        try {
            doc = mapper(format).readValue(text, Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw new TemplateException("Line " + e.getLocation().getLineNr() + ": unknown key '" + e.getPropertyName()
                    + "' (known: name, engine, targetVersions, parent, description, entries; in entries: parameter, value, expression, reset, locked, rationale)");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TemplateException("Line " + line + ": not a valid " + format.name() + " template: " + e.getOriginalMessage());
        }
        if (doc == null) {
            throw new TemplateException("The file is empty");
        }
        return toTemplate(doc);
    }

    public static String write(Template template, Format format) {
        List<EntryDocument> entries = template.entries().stream().map(TemplateFile::toDocument).toList();
        Document doc = new Document(template.name(), template.engine().id(), template.targetVersions(), template.parent(),
                template.description(), entries);
        try {
            return mapper(format).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write template " + template.name(), e);
        }
    }

    private static ObjectMapper mapper(Format format) {
        return format == Format.YAML ? YAML : JSON;
    }

    private static Template toTemplate(Document doc) {
        if (doc.engine() == null) {
            throw new TemplateException("Template '" + doc.name() + "' has no engine (postgresql, mysql, mariadb, sqlserver, oracle)");
        }
        try {
            Engine engine = Engine.require(doc.engine());
            List<TemplateEntry> entries = new ArrayList<>();
            List<EntryDocument> docs = doc.entries() == null ? List.of() : doc.entries();
            for (int i = 0; i < docs.size(); i++) {
                entries.add(toEntry(docs.get(i), i + 1));
            }
            return new Template(doc.name(), engine, doc.targetVersions(), doc.parent(), entries, false, doc.description());
        } catch (IllegalArgumentException e) {
            throw new TemplateException(e.getMessage(), e);
        }
    }

    private static TemplateEntry toEntry(EntryDocument e, int position) {
        if (e == null || e.parameter() == null || e.parameter().isBlank()) {
            throw new TemplateException("Entry " + position + " has no parameter name");
        }
        int kinds = (e.value() != null ? 1 : 0) + (e.expression() != null ? 1 : 0) + (e.reset() ? 1 : 0);
        if (kinds != 1) {
            throw new TemplateException("Entry " + position + " (" + e.parameter()
                    + ") must have exactly one of: value, expression, reset: true");
        }
        EntryValue value = e.value() != null ? new EntryValue.Literal(e.value())
                : e.expression() != null ? new EntryValue.Expression(e.expression())
                : new EntryValue.ResetToDefault();
        return new TemplateEntry(e.parameter(), value, e.locked(), e.rationale());
    }

    private static EntryDocument toDocument(TemplateEntry entry) {
        return switch (entry.value()) {
            case EntryValue.Literal l -> new EntryDocument(entry.parameter(), l.text(), null, false, entry.locked(), entry.rationale());
            case EntryValue.Expression x -> new EntryDocument(entry.parameter(), null, x.source(), false, entry.locked(), entry.rationale());
            case EntryValue.ResetToDefault r -> new EntryDocument(entry.parameter(), null, null, true, entry.locked(), entry.rationale());
        };
    }
}
