package io.knobwright.model.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The on-disk form of a catalog: resources/catalog/{engine}-{version}.json. One file per engine major
 * version, parameters sorted by name so regenerated files diff cleanly.
 */
public final class CatalogFile {

    /**
     * JSON shape of one parameter; engine and version live once at the top of the file. An empty default
     * ("" for application_name) is kept: it is a real default, unlike a missing one (null, data_directory).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(String name, ParameterType type, String unit, BigDecimal min, BigDecimal max,
                        List<String> enumValues, @JsonInclude(JsonInclude.Include.NON_NULL) String defaultValue,
                        ApplyMode applyMode, String category,
                        String description, String source, String defaultDependsOn) {
    }

    /** JSON shape of a whole file. */
    public record Document(String engine, String version, String origin, List<Entry> parameters) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CatalogFile() {
    }

    public static String resourcePath(EngineVersion v) {
        return "/catalog/" + v.engine().id() + "-" + v.major() + ".json";
    }

    public static ParameterCatalog read(InputStream in) {
        try {
            Document doc = MAPPER.readValue(in, Document.class);
            Engine engine = Engine.require(doc.engine());
            List<ParameterSpec> specs = doc.parameters().stream()
                    .map(e -> new ParameterSpec(engine, doc.version(), e.name(), e.type(), e.unit(), e.min(), e.max(),
                            e.enumValues(), e.defaultValue(), e.applyMode(), e.category(), e.description(), e.source(),
                            e.defaultDependsOn()))
                    .toList();
            return new ParameterCatalog(new EngineVersion(engine, doc.version()), doc.origin(), specs);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalog: " + e.getMessage(), e);
        }
    }

    public static void write(ParameterCatalog catalog, OutputStream out) {
        List<Entry> entries = catalog.parameters().stream()
                .sorted(Comparator.comparing(ParameterSpec::name))
                .map(p -> new Entry(p.name(), p.type(), p.unit(), p.min(), p.max(), p.enumValues(), p.defaultValue(),
                        p.applyMode(), p.category(), p.description(), p.source(), p.defaultDependsOn()))
                .toList();
        EngineVersion v = catalog.engineVersion();
        try {
            MAPPER.writeValue(out, new Document(v.engine().id(), v.major(), catalog.origin(), entries));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write catalog: " + e.getMessage(), e);
        }
    }
}
