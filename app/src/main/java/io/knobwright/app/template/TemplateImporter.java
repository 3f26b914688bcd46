package io.knobwright.app.template;

import io.knobwright.model.catalog.BuildVariants;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.InstanceCatalogs;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.config.ConfigFileException;
import io.knobwright.model.config.ConfigSetting;
import io.knobwright.model.config.FileSource;
import io.knobwright.model.config.MyCnfFile;
import io.knobwright.model.config.MyCnfOptions;
import io.knobwright.model.config.MyCnfParser;
import io.knobwright.model.config.PostgresConfParser;
import io.knobwright.model.config.SkippedSetting;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateResolver.TemplateSource;
import io.knobwright.model.template.TemplateValidator;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.io.TemplateFile;
import io.knobwright.model.text.Names;
import io.knobwright.model.text.ShownText;
import io.knobwright.app.template.ImportedEntryCheck.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final BuildVariants buildOptions = BuildVariants.curated();

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

    /** {@link #read(ImportOptions, Instance, TemplateSource)} for a file whose template has no parent. */
    public Result read(ImportOptions options, Instance instance) {
        return read(options, instance, name -> Optional.empty());
    }

    /**
     * @param instance the instance named in the options, looked up by the caller; null when none was named
     * @param parents  the stored templates a YAML/JSON template's parent chain is resolved from
     */
    public Result read(ImportOptions options, Instance instance, TemplateSource parents) {
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
                case YAML, JSON -> fromTemplateFile(options, format, instance, parents);
                case SQL -> throw new TemplateException("SQL scripts are an export format; import a postgresql.conf, my.cnf, YAML or JSON file");
            };
        } catch (IllegalArgumentException refusedByTemplate) {
            // The name, parent or entries given do not make a template (too long, own parent, a parameter twice).
            throw new TemplateException(ShownText.escaped(refusedByTemplate.getMessage()) + ". Nothing was imported.", refusedByTemplate);
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
        return catalog(target.version(), instance);
    }

    /**
     * Without an instance, the shipped catalog with the values documented build options add (lz4 where a build
     * has --with-lz4): validation calls those a warning for the version, so an import does not refuse them.
     */
    private ParameterCatalog catalog(EngineVersion version, Instance instance) {
        return instance != null ? perInstance.forInstance(instance.id(), version)
                : buildOptions.widen(catalogs.require(version.engine(), version.major()));
    }

    private Result fromSettings(ImportOptions options, CheckedAgainst target, Instance instance,
                                Map<String, ConfigSetting> settings, List<SkippedSetting> alreadySkipped) {
        ParameterCatalog catalog = catalog(target, instance);
        EngineVersion version = catalog.engineVersion();
        List<String> problems = new ArrayList<>();
        List<TemplateEntry> entries = new ArrayList<>();
        List<SkippedSetting> skipped = new ArrayList<>(alreadySkipped);
        for (ConfigSetting s : settings.values()) {
            boolean named = s.file().equals(options.file().toString());
            Verdict verdict = ImportedEntryCheck.check(s.name(), s.value(), s.file(), s.line(), named, catalog);
            if (verdict.problem() != null) {
                problems.add(verdict.problem());
            } else if (verdict.skipped() != null) {
                skipped.add(verdict.skipped());
            } else {
                entries.add(TemplateEntry.literal(verdict.kept().name(), s.value(), "imported from " + s.where()));
            }
        }
        refuseIfAny(problems, target);
        if (entries.isEmpty()) {
            throw new TemplateException(options.file() + " sets no parameters a template can hold; nothing to import"
                    + (skipped.isEmpty() ? "" : " (skipped: " + String.join(", ", skipped.stream().map(SkippedSetting::name).toList()) + ")"));
        }
        Template template = new Template(options.name(), version.engine(), List.of(version.major()), options.parent(), entries,
                false, "Imported from " + options.file().getFileName() + ", checked against " + version);
        return new Result(template, target, skipped);
    }

    /** All-or-nothing: one problem and nothing is stored; every problem is named, not only the first. */
    private static void refuseIfAny(List<String> problems, CheckedAgainst target) {
        String guess = target.guessed() ? "\n(checked against " + target.version() + ", the newest catalog: if the"
                + " server runs another version, say which with --version or --instance)" : "";
        refuseIfAny(problems, guess);
    }

    /** @param versions the versions a template file targets, each of which its entries were checked against */
    private static void refuseIfAny(List<String> problems, List<String> versions) {
        refuseIfAny(problems, versions.size() < 2 ? "" : "\n(the template targets versions " + String.join(", ", versions)
                + " and is checked against each: list fewer under targetVersions, or give --version or --instance)");
    }

    /** Beyond this many, a message lists only the first: a page of errors means the wrong file, not twenty typos. */
    static final int MAX_PROBLEMS_LISTED = 20;

    private static void refuseIfAny(List<String> problems, String hint) {
        if (problems.isEmpty()) {
            return;
        }
        List<String> listed = problems.size() <= MAX_PROBLEMS_LISTED ? problems : problems.subList(0, MAX_PROBLEMS_LISTED);
        String more = problems.size() > listed.size() ? "\n  ... and " + (problems.size() - listed.size()) + " more" : "";
        throw new TemplateException("Nothing was imported; fix these first:\n  " + String.join("\n  ", listed) + more + hint);
    }

    /**
     * A YAML or JSON template, checked like a server's file against the catalog of every version it targets
     * (newest first, one problem per entry), then its expressions and resets resolved on the reference
     * machines with its parents: what the editor's validation calls an error is not stored.
     */
    private Result fromTemplateFile(ImportOptions options, ConfigFormat format, Instance instance, TemplateSource parents) {
        Path file = options.file();
        String text = files.read(file).orElseThrow(() -> new ConfigFileException(file.toString(), 0, "file not found"));
        TemplateFile.Located read = TemplateFile.readLocated(text,
                format == ConfigFormat.YAML ? TemplateFile.Format.YAML : TemplateFile.Format.JSON, file.toString());
        Template t = read.template();
        Engine engine = options.engine() != null ? options.engine() : t.engine();
        // a version or an instance narrows the versions the template targets
        List<String> versions = instance == null && options.version() == null ? t.targetVersions()
                : List.of(VersionChoice.choose(format, engine, options.version(), instance, null).version().major());
        List<ParameterCatalog> newestFirst = versions.stream()
                .map(v -> catalog(new EngineVersion(engine, v), instance)).toList().reversed();
        String name = options.name() != null ? options.name() : t.name();
        // by line, so the list reads like the file whatever check found a problem
        Map<Integer, List<String>> problems = new java.util.TreeMap<>();
        Names.problem("The template name", name).ifPresent(p -> problems.computeIfAbsent(0, l -> new ArrayList<>()).add(file + ": " + p));
        List<TemplateEntry> entries = new ArrayList<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, SkippedSetting> skipped = new LinkedHashMap<>();
        for (int i = 0; i < t.entries().size(); i++) {
            TemplateEntry e = t.entries().get(i);
            int line = read.entryLines().get(i);
            String literal = e.value() instanceof EntryValue.Literal l ? l.text() : null;
            Verdict verdict = null;
            for (ParameterCatalog catalog : newestFirst) {
                verdict = ImportedEntryCheck.check(e.parameter(), literal, file.toString(), line, true, catalog);
                if (verdict.kept() == null) {
                    break;
                }
            }
            if (verdict.problem() != null) {
                problems.computeIfAbsent(line, l -> new ArrayList<>()).add(verdict.problem());
            } else if (verdict.skipped() != null) {
                skipped.putIfAbsent(e.parameter(), verdict.skipped());
            } else {
                entries.add(e);
                lines.put(e.parameter(), line);
            }
        }
        Template template = new Template(name, engine, versions,
                options.parent() != null ? options.parent() : t.parent(), entries, false, t.description());
        resolutionProblems(template, newestFirst, parents, file, lines)
                .forEach((line, found) -> problems.computeIfAbsent(line, l -> new ArrayList<>()).addAll(found));
        refuseIfAny(problems.values().stream().flatMap(List::stream).toList(), versions);
        return new Result(template, null, List.copyOf(skipped.values()));
    }

    /** What only resolving finds (expressions, references to other parameters and to parents), by file and line. */
    private Map<Integer, List<String>> resolutionProblems(Template template, List<ParameterCatalog> newestFirst,
                                                         TemplateSource parents, Path file, Map<String, Integer> lines) {
        TemplateVersion candidate = new TemplateVersion(template, 1, "import", Instant.EPOCH, "import");
        TemplateValidator validator = new TemplateValidator(new TemplateResolver(
                n -> n.equals(template.name()) ? Optional.of(candidate) : parents.find(n)), catalogs);
        Map<String, String> found = new LinkedHashMap<>();
        for (ParameterCatalog catalog : newestFirst) {
            validator.resolutionProblems(candidate, catalog).forEach(found::putIfAbsent);
        }
        Map<Integer, List<String>> problems = new LinkedHashMap<>();
        found.forEach((parameter, message) -> {
            int line = lines.getOrDefault(parameter, 0);
            problems.computeIfAbsent(line, l -> new ArrayList<>())
                    .add(file + (line > 0 ? " line " + line : "") + ": " + ShownText.escaped(message));
        });
        return problems;
    }
}
