package io.knobwright.model.template.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.text.ReadLimits;
import io.knobwright.model.text.ShownText;

import java.io.IOException;
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

    /**
     * What reading keeps of an entry besides its content: the line it starts on, so an import's messages
     * name file and line as they do for postgresql.conf.
     */
    @JsonDeserialize(using = LocatedEntry.Reader.class)
    record LocatedEntry(int line, EntryDocument entry) {

        static final class Reader extends StdDeserializer<LocatedEntry> {
            Reader() {
                super(LocatedEntry.class);
            }

            @Override
            public LocatedEntry deserialize(JsonParser p, DeserializationContext context) throws IOException {
                int line = p.currentTokenLocation().getLineNr();
                return new LocatedEntry(line, context.readValue(p, EntryDocument.class));
            }
        }
    }

    /** The shape files are read into: a {@link Document} whose entries know their lines. */
    record SourceDocument(String name, String engine, List<String> targetVersions, String parent, String description,
                          List<LocatedEntry> entries) {
    }

    /**
     * A template read from a file and the line each of its entries starts on (0 where unknown).
     *
     * @param entryLines one per entry of {@code template}, in the same order
     */
    public record Located(Template template, List<Integer> entryLines) {

        public Located {
            entryLines = List.copyOf(entryLines);
            if (entryLines.size() != template.entries().size()) {
                throw new IllegalArgumentException("One line per entry: " + entryLines.size() + " for " + template.entries().size());
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper(ReadLimits.applied(new JsonFactory()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper YAML = new ObjectMapper(ReadLimits.applied(YAMLFactory.builder()
            .loaderOptions(ReadLimits.yamlLoader())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TemplateFile() {
    }

    /** Parses a whole file; any problem names the place and leaves nothing half-read. */
    public static Template read(String text, Format format) {
        return readLocated(text, format, null).template();
    }

    /**
     * Parses a whole file, keeping each entry's line; any problem names {@code source} and the line and leaves
     * nothing half-read.
     *
     * @param source how messages name the file ("oltp.yaml"); null: they say "Line 3"
     */
    public static Located readLocated(String text, Format format, String source) {
        SourceDocument doc;
        try {
            doc = mapper(format).readValue(text, SourceDocument.class);
        } catch (UnrecognizedPropertyException e) {
            throw new TemplateException(place(source, e) + ": unknown key '" + ShownText.excerpt(e.getPropertyName(), ShownText.EXCERPT)
                    + "' (known: name, engine, targetVersions, parent, description, entries; in entries: parameter, value, expression, reset, locked, rationale)");
        } catch (JsonProcessingException e) {
            throw new TemplateException(ReadLimits.exceeded(e, source == null ? "The file" : source).orElseGet(() -> place(source, e) + ": not a valid "
                    + format.name() + " template: " + ShownText.excerpt(e.getOriginalMessage(), 300)), e);
        }
        if (doc == null) {
            throw new TemplateException(source == null ? "The file is empty" : source + " is empty");
        }
        return toTemplate(doc);
    }

    /** "oltp.yaml line 3", or "Line 3" for text that is no file; without the line when Jackson knows none. */
    private static String place(String source, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (source == null) {
            return "Line " + line;
        }
        return line <= 0 ? source : source + " line " + line;
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

    private static Located toTemplate(SourceDocument doc) {
        if (doc.engine() == null) {
            throw new TemplateException("Template '" + ShownText.excerpt(doc.name(), ShownText.EXCERPT)
                    + "' has no engine (postgresql, mysql, mariadb, sqlserver, oracle)");
        }
        try {
            Engine engine = Engine.require(doc.engine());
            List<TemplateEntry> entries = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            List<LocatedEntry> docs = doc.entries() == null ? List.of() : doc.entries();
            for (int i = 0; i < docs.size(); i++) {
                LocatedEntry located = docs.get(i);
                entries.add(toEntry(located == null ? null : located.entry(), i + 1));
                lines.add(located == null ? 0 : located.line());
            }
            return new Located(new Template(doc.name(), engine, doc.targetVersions(), doc.parent(), entries, false,
                    doc.description()), lines);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(ShownText.escaped(e.getMessage()), e);
        }
    }

    private static TemplateEntry toEntry(EntryDocument e, int position) {
        if (e == null || e.parameter() == null || e.parameter().isBlank()) {
            throw new TemplateException("Entry " + position + " has no parameter name");
        }
        int kinds = (e.value() != null ? 1 : 0) + (e.expression() != null ? 1 : 0) + (e.reset() ? 1 : 0);
        if (kinds != 1) {
            throw new TemplateException("Entry " + position + " (" + ShownText.excerpt(e.parameter(), ShownText.EXCERPT)
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
