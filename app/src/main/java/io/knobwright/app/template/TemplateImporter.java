package io.knobwright.app.template;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.config.ConfigFileException;
import io.knobwright.model.config.ConfigSetting;
import io.knobwright.model.config.FileSource;
import io.knobwright.model.config.MyCnfParser;
import io.knobwright.model.config.PostgresConfParser;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.io.TemplateFile;
import io.knobwright.model.value.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a file into a template without storing anything: postgresql.conf and my.cnf become literal entries
 * (every parameter checked against the newest catalog of the engine, errors naming file and line); YAML and
 * JSON are read as template files. The caller stores the result only when this returns.
 */
public final class TemplateImporter {

    private final CatalogRepository catalogs;
    private final FileSource files;

    public TemplateImporter(CatalogRepository catalogs, FileSource files) {
        this.catalogs = catalogs;
        this.files = files;
    }

    /**
     * @param engine needed for my.cnf (MySQL or MariaDB) and to override a template file's own; null otherwise
     * @param parent optional parent template name
     */
    public Template read(Path file, String name, Engine engine, String parent) {
        ConfigFormat format = ConfigFormat.of(file);
        try {
            return switch (format) {
                case POSTGRESQL_CONF -> fromSettings(file, new PostgresConfParser(files).parse(file),
                        name, engine == null ? Engine.POSTGRESQL : engine, parent);
                case MY_CNF -> fromSettings(file, new MyCnfParser(files).parse(file),
                        name, engine == null ? Engine.MYSQL : engine, parent);
                case YAML, JSON -> fromTemplateFile(file, format, name, engine, parent);
                case SQL -> throw new TemplateException("SQL scripts are an export format; import a postgresql.conf, my.cnf, YAML or JSON file");
            };
        } catch (IllegalArgumentException refusedByTemplate) {
            // The name, parent or entries given do not make a template (too long, own parent, a parameter twice).
            throw new TemplateException(refusedByTemplate.getMessage() + ". Nothing was imported.", refusedByTemplate);
        }
    }

    private Template fromTemplateFile(Path file, ConfigFormat format, String name, Engine engine, String parent) {
        String text = files.read(file).orElseThrow(() -> new ConfigFileException(file.toString(), 0, "file not found"));
        Template t = TemplateFile.read(text, format == ConfigFormat.YAML ? TemplateFile.Format.YAML : TemplateFile.Format.JSON);
        return new Template(name != null ? name : t.name(), engine != null ? engine : t.engine(), t.targetVersions(),
                parent != null ? parent : t.parent(), t.entries(), false, t.description());
    }

    private Template fromSettings(Path file, Map<String, ConfigSetting> settings, String name, Engine engine, String parent) {
        if (name == null || name.isBlank()) {
            throw new TemplateException("Give the new template a name (--name)");
        }
        ParameterCatalog catalog = catalogs.require(engine, engine.supportedVersions().getLast());
        List<String> problems = new ArrayList<>();
        List<TemplateEntry> entries = new ArrayList<>();
        for (ConfigSetting s : settings.values()) {
            if (catalog.find(s.name()).isEmpty()) {
                problems.add(s.file() + " line " + s.line() + ": " + s.name() + " is not a " + catalog.engineVersion() + " parameter");
                continue;
            }
            var spec = catalog.find(s.name()).get();
            var problem = Values.problem(spec, s.value());
            if (problem.isPresent()) {
                problems.add(s.file() + " line " + s.line() + ": " + problem.get());
                continue;
            }
            entries.add(TemplateEntry.literal(spec.name(), s.value(),
                    "imported from " + file.getFileName() + " line " + s.line()));
        }
        if (!problems.isEmpty()) {
            throw new TemplateException("Nothing was imported; fix these first:\n  " + String.join("\n  ", problems));
        }
        if (entries.isEmpty()) {
            throw new TemplateException(file + " sets no parameters; nothing to import");
        }
        return new Template(name, engine, List.of(), parent, entries, false, "Imported from " + file.getFileName());
    }
}
