package io.knobwright.app.template;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.InstanceCatalogs;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.config.ConfigFileException;
import io.knobwright.model.config.ConfigSetting;
import io.knobwright.model.config.FileSource;
import io.knobwright.model.config.MyCnfFile;
import io.knobwright.model.config.MyCnfOptions;
import io.knobwright.model.config.MyCnfParser;
import io.knobwright.model.config.PostgresConfParser;
import io.knobwright.model.config.ServerLocalSettings;
import io.knobwright.model.config.SkippedSetting;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.io.TemplateFile;
import io.knobwright.model.value.Values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a file into a template without storing anything. postgresql.conf and my.cnf become literal entries,
 * every value checked against the catalog of the server version the file is for ({@link VersionChoice}); errors
 * name file and line, and settings that belong to one server or are no settings are skipped and reported
 * rather than fatal. YAML and JSON are read as template files. The caller stores the result only when this returns.
 */
public final class TemplateImporter {

    /** What was read: the template to store, the catalog it was checked against (null for YAML/JSON), what was left out. */
    public record Result(Template template, CheckedAgainst checkedAgainst, List<SkippedSetting> skipped) {

        public ImportReport stored(TemplateVersion saved) {
            return new ImportReport(saved, checkedAgainst, skipped);
        }
    }

    private final CatalogRepository catalogs;
    private final InstanceCatalogs perInstance;
    private final FileSource files;

    /** Checks every file against the shipped catalogs, also for an instance. */
    public TemplateImporter(CatalogRepository catalogs, FileSource files) {
        this(catalogs, InstanceCatalogs.shippedOnly(catalogs), files);
    }

    /** @param perInstance the catalog in force for an instance named with --instance: its server's own once read */
    public TemplateImporter(CatalogRepository catalogs, InstanceCatalogs perInstance, FileSource files) {
        this.catalogs = catalogs;
        this.perInstance = perInstance;
        this.files = files;
    }

    /** @param instance the instance named in the options, looked up by the caller; null when none was named */
    public Result read(ImportOptions options, Instance instance) {
        Path file = options.file();
        ConfigFormat format = ConfigFormat.of(file);
        try {
            return switch (format) {
                case POSTGRESQL_CONF -> {
                    requireName(options);
                    CheckedAgainst target = VersionChoice.choose(format, options.engine(), options.version(), instance, null);
                    yield fromSettings(options, target, instance, new PostgresConfParser(files).parse(file), List.of());
                }
                case MY_CNF -> {
                    requireName(options);
                    MyCnfFile cnf = new MyCnfParser(files).parse(file);
                    CheckedAgainst target = VersionChoice.choose(format, options.engine(), options.version(), instance, cnf);
                    MyCnfOptions.Resolution read = MyCnfOptions.resolve(cnf.serverOptions(target.version()),
                            catalog(target, instance));
                    Result result = fromSettings(options, target, instance, read.settings(), read.skipped());
                    yield new Result(result.template(), target, inReadingOrder(result.skipped(), cnf));
                }
                case YAML, JSON -> fromTemplateFile(options, format, instance);
                case SQL -> throw new TemplateException("SQL scripts are an export format; import a postgresql.conf, my.cnf, YAML or JSON file");
            };
        } catch (IllegalArgumentException refusedByTemplate) {
            // The name, parent or entries given do not make a template (too long, own parent, a parameter twice).
            throw new TemplateException(refusedByTemplate.getMessage() + ". Nothing was imported.", refusedByTemplate);
        }
    }

    private static void requireName(ImportOptions options) {
        if (options.name() == null) {
            throw new TemplateException("Give the new template a name (--name)");
        }
    }

    /** Skipped options in the order the server reads them, whichever step left them out. */
    private static List<SkippedSetting> inReadingOrder(List<SkippedSetting> skipped, MyCnfFile cnf) {
        List<String> order = cnf.options().stream().map(o -> o.file() + ":" + o.line()).toList();
        return skipped.stream().sorted(Comparator.comparingInt(s -> order.indexOf(s.file() + ":" + s.line()))).toList();
    }

    /** The instance's catalog when the file is checked for one (its server's own description once read). */
    private ParameterCatalog catalog(CheckedAgainst target, Instance instance) {
        return instance != null ? perInstance.forInstance(instance.id(), target.version())
                : catalogs.require(target.version().engine(), target.version().major());
    }

    private Result fromSettings(ImportOptions options, CheckedAgainst target, Instance instance,
                                Map<String, ConfigSetting> settings, List<SkippedSetting> alreadySkipped) {
        ParameterCatalog catalog = catalog(target, instance);
        EngineVersion version = catalog.engineVersion();
        List<String> problems = new ArrayList<>();
        List<TemplateEntry> entries = new ArrayList<>();
        List<SkippedSetting> skipped = new ArrayList<>(alreadySkipped);
        for (ConfigSetting s : settings.values()) {
            String where = s.file() + " line " + s.line();
            Optional<String> local = ServerLocalSettings.reason(version.engine(), s.name());
            Optional<ParameterSpec> spec = catalog.find(s.name());
            if (local.isPresent()) {
                skipped.add(new SkippedSetting(s.name(), s.file(), s.line(), "it " + local.get()));
            } else if (spec.isEmpty()) {
                unknown(s, version, catalog).ifPresentOrElse(skipped::add,
                        () -> problems.add(where + ": " + s.name() + " is not a " + version + " parameter"));
            } else if (spec.get().applyMode() == ApplyMode.READ_ONLY) {
                skipped.add(new SkippedSetting(s.name(), s.file(), s.line(), "read-only on " + version + ": no configuration changes it"));
            } else if (hasLineBreak(s.value())) {
                problems.add(where + ": " + lineBreakProblem(s.name()));
            } else {
                Values.problem(spec.get(), s.value()).ifPresentOrElse(p -> problems.add(where + ": " + p),
                        () -> entries.add(TemplateEntry.literal(spec.get().name(), s.value(), "imported from " + s.where())));
            }
        }
        if (!problems.isEmpty()) {
            String guess = target.guessed() ? "\n(checked against " + target.version() + ", the newest catalog: if the"
                    + " server runs another version, say which with --version or --instance)" : "";
            throw new TemplateException("Nothing was imported; fix these first:\n  " + String.join("\n  ", problems) + guess);
        }
        if (entries.isEmpty()) {
            throw new TemplateException(options.file() + " sets no parameters a template can hold; nothing to import"
                    + (skipped.isEmpty() ? "" : " (skipped: " + String.join(", ", skipped.stream().map(SkippedSetting::name).toList()) + ")"));
        }
        Template template = new Template(options.name(), version.engine(), List.of(version.major()), options.parent(), entries,
                false, "Imported from " + options.file().getFileName() + ", checked against " + version);
        return new Result(template, target, skipped);
    }

    /**
     * A name the catalog does not know that the server would still accept: an extension's parameter in
     * postgresql.conf (it has a dot), or anything when the catalog is curated and partial (decision 0022).
     */
    private static Optional<SkippedSetting> unknown(ConfigSetting s, EngineVersion version, ParameterCatalog catalog) {
        if (version.engine() == Engine.POSTGRESQL && s.name().contains(".")) {
            return Optional.of(new SkippedSetting(s.name(), s.file(), s.line(),
                    "an extension's parameter; the " + version + " catalog has the server's own parameters only"));
        }
        if (catalog.origin().startsWith("Curated")) {
            return Optional.of(new SkippedSetting(s.name(), s.file(), s.line(), "not in Knobwright's " + version
                    + " catalog, which is curated and holds only the parameters DBAs tune most"));
        }
        return Optional.empty();
    }

    private Result fromTemplateFile(ImportOptions options, ConfigFormat format, Instance instance) {
        Path file = options.file();
        String text = files.read(file).orElseThrow(() -> new ConfigFileException(file.toString(), 0, "file not found"));
        Template t = TemplateFile.read(text, format == ConfigFormat.YAML ? TemplateFile.Format.YAML : TemplateFile.Format.JSON);
        Engine engine = options.engine() != null ? options.engine() : t.engine();
        // a version or an instance narrows the versions the template targets; its entries are checked by validation
        List<String> versions = instance == null && options.version() == null ? t.targetVersions()
                : List.of(VersionChoice.choose(format, engine, options.version(), instance, null).version().major());
        List<String> problems = new ArrayList<>();
        List<TemplateEntry> entries = new ArrayList<>();
        List<SkippedSetting> skipped = new ArrayList<>();
        for (TemplateEntry e : t.entries()) {
            Optional<String> local = ServerLocalSettings.reason(engine, e.parameter());
            if (local.isPresent()) {
                skipped.add(new SkippedSetting(e.parameter(), file.toString(), 0, "it " + local.get()));
            } else if (e.value() instanceof EntryValue.Literal l && hasLineBreak(l.text())) {
                problems.add(file + ": " + lineBreakProblem(e.parameter()));
            } else {
                entries.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException("Nothing was imported; fix these first:\n  " + String.join("\n  ", problems));
        }
        Template template = new Template(options.name() != null ? options.name() : t.name(), engine, versions,
                options.parent() != null ? options.parent() : t.parent(), entries, false, t.description());
        return new Result(template, null, skipped);
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }

    /** postgresql.conf and my.cnf hold one setting per line: a value with a line break cannot be exported and read back. */
    private static String lineBreakProblem(String parameter) {
        return "the value of " + parameter + " holds a line break, which a configuration file cannot hold;"
                + " write it on one line";
    }
}
