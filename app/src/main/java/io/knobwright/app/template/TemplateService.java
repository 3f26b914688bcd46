package io.knobwright.app.template;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.model.catalog.BuildVariants;
import io.knobwright.model.catalog.CatalogSource;
import io.knobwright.model.catalog.EffectiveCatalog;
import io.knobwright.model.catalog.EffectiveCatalogs;
import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.config.ConfigWriter;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.diff.ConfigurationDiff;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.plan.TemplatePlanner;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.MissingFactException;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateLibrary;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateValidator;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.ValidationIssue;
import io.knobwright.model.template.io.TemplateFile;
import io.knobwright.model.value.Values;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the workbench and the CLI do with templates (plans and drift are {@code PlanService}'s), in one place
 * so both behave the same.
 * Every method blocks (store, files, possibly servers): UIs call it through the TaskRunner.
 */
public final class TemplateService {

    private final TemplateLibrary library;
    private final TemplateAssignmentRepository assignments;
    private final EffectiveCatalogs catalogs;
    private final ServerCatalogRepository serverCatalogs;
    private volatile KnownVariants variants;
    private final FleetService fleet;
    private final TemplateImporter importer;
    private final TemplatePlanner planner;
    /** The one comparison of values, shared by Compare, plans and drift (and the instance pane). */
    private final CatalogValueEquivalence equivalence = new CatalogValueEquivalence();
    private final ConfigurationDiff diff = new ConfigurationDiff(equivalence);
    private final Clock clock;
    private final String author;

    public TemplateService(TemplateLibrary library, TemplateAssignmentRepository assignments, EffectiveCatalogs catalogs,
                           ServerCatalogRepository serverCatalogs, FleetService fleet, TemplateImporter importer,
                           Clock clock, String author) {
        this.library = library;
        this.assignments = assignments;
        this.catalogs = catalogs;
        this.serverCatalogs = serverCatalogs;
        this.fleet = fleet;
        this.importer = importer;
        this.clock = clock;
        this.author = author;
        this.planner = new TemplatePlanner(library::latest, catalogs.shipped(), catalogs, equivalence);
    }

    public List<TemplateVersion> list() {
        return library.all();
    }

    public TemplateVersion require(String reference) {
        return library.require(reference);
    }

    public List<TemplateVersion> history(String name) {
        return library.history(name);
    }

    public boolean isBuiltIn(String name) {
        return library.isBuiltIn(name);
    }

    public TemplateVersion save(Template template, String comment) {
        return library.save(template, author, comment);
    }

    public TemplateVersion copy(String source, String newName) {
        return library.copy(source, newName, author);
    }

    public TemplateVersion rollback(String name, int version) {
        return library.rollback(name, version, author);
    }

    /** Reads the file completely and checks it before anything is stored; says what it checked against and left out. */
    public ImportReport importFile(ImportOptions options) {
        Instance instance = options.instance() == null ? null : fleet.require(options.instance());
        TemplateImporter.Result read = importer.read(options, instance, library::latest);
        return read.stored(library.save(read.template(), author, "Imported from " + options.file().getFileName()));
    }

    /**
     * Checks a template against the shipped catalog of every version it targets. A value that only some builds
     * of a version accept (documented build options, or servers of the fleet that described themselves) is a
     * warning, not an error.
     */
    public List<ValidationIssue> validate(String reference) {
        return validator(resolver()).validate(library.require(reference));
    }

    /**
     * Checks a template against the catalog in force for one instance: its server's own description once it
     * was read (so what that server accepts passes, whatever the shipped catalog says), else the shipped one.
     */
    public InstanceValidation validateFor(String reference, String instance) {
        TemplateVersion template = library.require(reference);
        Instance target = fleet.require(instance);
        EngineVersion version = new EngineVersion(target.engine(), target.version());
        EffectiveCatalog catalog = catalogs.describe(target.id(), version);
        String server = catalog.source() == CatalogSource.SERVER
                ? target.name() + " (" + version.engine().displayName() + " " + target.fullVersion() + ")"
                : target.name() + " (the shipped " + version.engine().displayName() + " " + version.major()
                        + " catalog: its server was never read)";
        List<ValidationIssue> issues = validator(resolver()).validateAgainst(template, catalog.catalog(), server);
        return new InstanceValidation(target, catalog.source(), catalog.readAt(), issues);
    }

    /** Checks a template being edited (not stored yet) against every version it targets. */
    public List<ValidationIssue> validateDraft(Template draft) {
        TemplateVersion candidate = draftVersion(draft);
        return validator(resolverWith(candidate)).validate(candidate);
    }

    private TemplateValidator validator(TemplateResolver resolver) {
        return new TemplateValidator(resolver, catalogs.shipped(), buildVariants());
    }

    /**
     * The documented build options plus what the fleet's servers accept, worked out again only when the set of
     * server descriptions in use changed: the editor validates after every pause in typing.
     */
    private BuildVariants buildVariants() {
        List<ParameterCatalog> inUse = serverCatalogs.inUse();
        KnownVariants known = variants;
        if (known == null || !known.from().equals(inUse)) {
            known = new KnownVariants(inUse, BuildVariants.curated().withServers(inUse, catalogs.shipped()));
            variants = known;
        }
        return known.variants();
    }

    /** Build variants and the server descriptions they were made from (stored descriptions are shared instances). */
    private record KnownVariants(List<ParameterCatalog> from, BuildVariants variants) {
    }

    /** A template being edited, as the version saving it would make; its parents come from the library. */
    private TemplateVersion draftVersion(Template draft) {
        int next = library.latest(draft.name()).map(v -> v.version() + 1).orElse(1);
        return new TemplateVersion(draft, next, author, clock.instant(), "draft");
    }

    public List<TemplateResolver.EffectiveEntry> effectiveEntries(String reference) {
        return resolver().effectiveEntries(library.require(reference));
    }

    /** The catalog an editor explains a template's parameters with: its newest target version's. */
    public ParameterCatalog catalogFor(Template template) {
        return catalogs.shipped().require(template.engine(), template.targetVersions().getLast());
    }

    /**
     * A template being edited against something else, so the editor shows what the edit does: against a
     * stored template it compares entries as written, against an instance the draft resolved for that instance.
     */
    public ConfigurationView[] compareDraft(Template draft, ConfigurationRef other) {
        TemplateVersion candidate = draftVersion(draft);
        Instance context = other instanceof ConfigurationRef.InstanceRef i ? fleet.require(i.idOrName()) : null;
        ConfigurationView left = context == null
                ? templateView(candidate, "Draft of " + draft.name(), null, resolverWith(candidate))
                : draftFor(candidate, context);
        ConfigurationView right = context == null ? view(other, null) : instanceViewOf(context, left.values().keySet());
        return new ConfigurationView[] {left, right};
    }

    /** The rows of a comparison between two views. */
    public List<DiffRow> compare(ConfigurationView left, ConfigurationView right) {
        return diff.compare(left.values(), right.values(), left.catalog());
    }

    /** Instances of the template's engine, those assigned to it first; for choosing what to compare or plan for. */
    public List<Instance> candidateInstances(String templateName, Engine engine) {
        return candidates(engine, instancesUsing(templateName));
    }

    private List<Instance> candidates(Engine engine, Set<Long> using) {
        return fleet.list().stream().filter(i -> i.engine() == engine)
                .sorted(java.util.Comparator.comparing((Instance i) -> !using.contains(i.id())))
                .toList();
    }

    /**
     * The instances a template's plans can be made for: those of its engine, those following it first, each with
     * when its settings were last read (the newest snapshots of all of them in one batch, without their settings).
     */
    public List<PlanCandidate> planCandidates(String templateName) {
        Engine engine = library.require(templateName).template().engine();
        Set<Long> using = instancesUsing(templateName);
        List<Instance> candidates = candidates(engine, using);
        Map<Long, SettingsSnapshot> newest = fleet.latestSnapshots(candidates.stream().map(Instance::id).toList(), Set.of());
        return candidates.stream()
                .map(i -> new PlanCandidate(i, using.contains(i.id()),
                        newest.containsKey(i.id()) ? newest.get(i.id()).takenAt() : null))
                .toList();
    }

    /** Ids of the instances assigned to a template (any version). */
    public Set<Long> instancesUsing(String templateName) {
        Set<Long> ids = new java.util.LinkedHashSet<>();
        assignments.findAll().forEach((id, a) -> {
            if (a.templateName().equals(templateName)) {
                ids.add(id);
            }
        });
        return ids;
    }

    public List<ResolvedParameter> resolve(String reference, String instance) {
        return planner.resolve(library.require(reference), fleet.require(instance));
    }

    /**
     * The resolved configuration in a deployable format. postgresql.conf, my.cnf and SQL need an instance
     * (expressions depend on its facts); YAML and JSON without one export the template itself. A reset to a default
     * that is each server's own (wsrep_node_name) is left out, so the server keeps it; the header names it.
     */
    public String export(String reference, String instance, ConfigFormat format) {
        TemplateVersion template = library.require(reference);
        if (instance == null) {
            return switch (format) {
                case YAML -> TemplateFile.write(template.template(), TemplateFile.Format.YAML);
                case JSON -> TemplateFile.write(template.template(), TemplateFile.Format.JSON);
                default -> throw new TemplateException(format.label() + " holds resolved values, which depend on an instance's"
                        + " facts: add --instance ID (or export as yaml/json for the template itself)");
            };
        }
        Instance target = fleet.require(instance);
        ParameterCatalog catalog = catalogOf(target);
        List<ResolvedParameter> resolved = new ArrayList<>();
        List<String> serversOwn = new ArrayList<>();
        for (ResolvedParameter p : planner.resolve(template, target)) {
            if (p.comparable(catalog.find(p.name()).orElse(null))) {
                resolved.add(p);
            } else {
                serversOwn.add(p.name());
            }
        }
        String header = "Resolved from template " + template.name() + " v" + template.version() + " for " + target.name()
                + " (" + target.engine().displayName() + " " + target.version() + ") by Knobwright on " + clock.instant()
                + (serversOwn.isEmpty() ? "" : "\nNot written, the server keeps its own default: " + String.join(", ", serversOwn));
        return switch (format) {
            case POSTGRESQL_CONF -> ConfigWriter.postgresqlConf(header, resolved, catalog);
            case MY_CNF -> ConfigWriter.myCnf(header, resolved, catalog);
            case SQL -> ConfigWriter.sqlScript(catalog, header, resolved);
            case YAML, JSON -> {
                List<TemplateEntry> entries = resolved.stream()
                        .map(p -> TemplateEntry.literal(p.name(), Values.readable(catalog, p.name(), p.value()),
                                "resolved from " + p.template() + " v" + p.templateVersion()))
                        .toList();
                Template literal = new Template(template.name() + "-for-" + target.name(), target.engine(),
                        List.of(target.version()), null, entries, false, header);
                yield TemplateFile.write(literal, format == ConfigFormat.YAML ? TemplateFile.Format.YAML : TemplateFile.Format.JSON);
            }
        };
    }

    /**
     * Compares two configurations. A template against an instance is resolved for that instance and only
     * the template's parameters are compared; two templates compare their entries as written.
     */
    public List<DiffRow> diff(ConfigurationRef left, ConfigurationRef right) {
        ConfigurationView[] views = views(left, right);
        return diff.compare(views[0].values(), views[1].values(), views[0].catalog());
    }

    /** Both sides of a comparison, with titles for the diff view's column headers. */
    public ConfigurationView[] views(ConfigurationRef left, ConfigurationRef right) {
        Instance context = left instanceof ConfigurationRef.InstanceRef l ? fleet.require(l.idOrName())
                : right instanceof ConfigurationRef.InstanceRef r ? fleet.require(r.idOrName()) : null;
        if (left instanceof ConfigurationRef.TemplateRef && right instanceof ConfigurationRef.InstanceRef) {
            ConfigurationView a = view(left, context);
            return new ConfigurationView[] {a, instanceViewOf(context, a.values().keySet())};
        } else if (left instanceof ConfigurationRef.InstanceRef && right instanceof ConfigurationRef.TemplateRef) {
            ConfigurationView b = view(right, context);
            return new ConfigurationView[] {instanceViewOf(context, b.values().keySet()), b};
        }
        return new ConfigurationView[] {view(left, context), view(right, context)};
    }

    /** {@code context} is the instance a template is resolved for; when {@code ref} names it, it is not looked up again. */
    private ConfigurationView view(ConfigurationRef ref, Instance context) {
        return switch (ref) {
            case ConfigurationRef.InstanceRef i -> {
                Instance instance = context != null && context.name().equals(i.idOrName()) ? context
                        : fleet.require(i.idOrName());
                yield instanceView(instance, fleet.latestSnapshot(instance.id()));
            }
            case ConfigurationRef.TemplateRef t -> {
                TemplateVersion template = library.require(t.reference());
                yield templateView(template, template.name() + " v" + template.version(), context, resolver());
            }
        };
    }

    /**
     * A draft resolved for an instance, leaving out what does not resolve yet: while a value is being typed
     * the rest of the comparison stays on screen, and the editor's validation names the problem.
     */
    private ConfigurationView draftFor(TemplateVersion candidate, Instance context) {
        requireSameEngine(candidate, context);
        ParameterCatalog catalog = catalogOf(context);
        TemplateResolver.Resolution resolution = resolverWith(candidate).resolveAll(candidate, context.hardware(), catalog);
        String left = resolution.problems().isEmpty() ? "" : " (without " + String.join(", ", resolution.problems().keySet()) + ")";
        return comparedView("Draft of " + candidate.name() + " for " + context.name() + left, resolution.parameters(), catalog);
    }

    /**
     * What an instance is compared with: the resolved values, except resets to a default that differs from server
     * to server (ResolvedParameter#comparable), which the title names instead of reporting them as differences.
     */
    private static ConfigurationView comparedView(String title, List<ResolvedParameter> resolved, ParameterCatalog catalog) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> notCompared = new ArrayList<>();
        for (ResolvedParameter p : resolved) {
            if (p.comparable(catalog.find(p.name()).orElse(null))) {
                values.put(p.name(), p.value());
            } else {
                notCompared.add(p.name());
            }
        }
        String why = notCompared.isEmpty() ? ""
                : " (not compared: " + String.join(", ", notCompared) + ", whose default differs from server to server)";
        return new ConfigurationView(title + why, values, catalog);
    }

    /** A template's entries as written, or resolved for {@code context} when there is one. */
    private ConfigurationView templateView(TemplateVersion template, String title, Instance context, TemplateResolver resolver) {
        if (context != null) {
            requireSameEngine(template, context);
            ParameterCatalog catalog = catalogOf(context);
            return comparedView(title + " for " + context.name(),
                    MissingFactException.explained(context, () -> resolver.resolve(template, context.hardware(), catalog)), catalog);
        }
        Map<String, String> values = new LinkedHashMap<>();
        resolver.effectiveEntries(template).forEach(e -> values.put(e.entry().parameter(), e.display()));
        Engine engine = template.template().engine();
        return new ConfigurationView(title, values, catalogs.shipped().require(engine, template.template().targetVersions().getLast()));
    }

    /**
     * An instance's settings of the parameters a template sets: only those are read (a fraction of a snapshot, which
     * the editor re-reads after every edit), and matched to the template's spelling.
     */
    private ConfigurationView instanceViewOf(Instance instance, Set<String> parameters) {
        Optional<SettingsSnapshot> latest = Optional.ofNullable(
                fleet.latestSnapshots(List.of(instance.id()), parameters).get(instance.id()));
        return restrict(instanceView(instance, latest), parameters);
    }

    private ConfigurationView instanceView(Instance instance, Optional<SettingsSnapshot> latest) {
        SettingsSnapshot snapshot = latest.orElseThrow(() -> new TemplateException(
                "'" + instance.name() + "' has no settings snapshot yet: refresh it from its server first"));
        ParameterCatalog catalog = catalogOf(instance);
        Map<String, String> values = new LinkedHashMap<>();
        for (LiveSetting s : snapshot.settings()) {
            String value = equivalence.configured(catalog.find(s.name()).orElse(null), s);
            values.put(s.name(), value == null ? "" : value);
        }
        return new ConfigurationView(instance.name() + " (" + snapshot.takenAt() + ")", values, catalog);
    }

    private static ConfigurationView restrict(ConfigurationView view, Set<String> names) {
        Set<String> keys = new java.util.HashSet<>();
        names.forEach(n -> keys.add(ParameterCatalog.canonicalName(n)));
        Map<String, String> kept = new LinkedHashMap<>();
        view.values().forEach((k, v) -> {
            if (keys.contains(ParameterCatalog.canonicalName(k))) {
                kept.put(k, v);
            }
        });
        return new ConfigurationView(view.title(), kept, view.catalog());
    }

    public void assign(String instance, String reference) {
        Instance target = fleet.require(instance);
        TemplateVersion template = library.require(reference);
        requireSameEngine(template, target);
        Integer pinned = reference.contains("@") ? template.version() : null;
        assignments.assign(new TemplateAssignment(target.id(), template.name(), pinned));
    }

    public Optional<TemplateAssignment> assignment(long instanceId) {
        return assignments.find(instanceId);
    }

    /** Every assignment by instance id, in one query: the fleet table shows them all at once. */
    public Map<Long, TemplateAssignment> assignments() {
        return assignments.findAll();
    }

    /** The catalog in force for the instance: its server's own description once read, else the shipped one. */
    private ParameterCatalog catalogOf(Instance instance) {
        return planner.catalogFor(instance);
    }

    private TemplateResolver resolver() {
        return new TemplateResolver(library::latest);
    }

    /** A template applies only to instances of its engine: resolving it against another engine's catalog is meaningless. */
    private static void requireSameEngine(TemplateVersion template, Instance instance) {
        if (template.template().engine() != instance.engine()) {
            throw new TemplateException("Template '" + template.name() + "' is for " + template.template().engine().displayName()
                    + "; '" + instance.name() + "' runs " + instance.engine().displayName());
        }
    }

    /** Resolves {@code candidate} in place of the stored template of its name. */
    private TemplateResolver resolverWith(TemplateVersion candidate) {
        return new TemplateResolver(n -> n.equals(candidate.name()) ? Optional.of(candidate) : library.latest(n));
    }
}
