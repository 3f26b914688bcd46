package io.knobwright.app.template;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.config.ConfigWriter;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.diff.ConfigurationDiff;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.plan.TemplatePlanner;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateLibrary;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateValidator;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.ValidationIssue;
import io.knobwright.model.template.io.TemplateFile;

import java.nio.file.Path;
import java.time.Clock;
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
    private final CatalogRepository catalogs;
    private final FleetService fleet;
    private final TemplateImporter importer;
    private final TemplatePlanner planner;
    private final ConfigurationDiff diff = new ConfigurationDiff(new CatalogValueEquivalence());
    private final Clock clock;
    private final String author;

    public TemplateService(TemplateLibrary library, TemplateAssignmentRepository assignments, CatalogRepository catalogs,
                           FleetService fleet, TemplateImporter importer, Clock clock, String author) {
        this.library = library;
        this.assignments = assignments;
        this.catalogs = catalogs;
        this.fleet = fleet;
        this.importer = importer;
        this.clock = clock;
        this.author = author;
        this.planner = new TemplatePlanner(library::latest, catalogs, new CatalogValueEquivalence());
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

    /** Reads the file completely and checks it before anything is stored. */
    public TemplateVersion importFile(Path file, String name, Engine engine, String parent) {
        Template template = importer.read(file, name, engine, parent);
        return library.save(template, author, "Imported from " + file.getFileName());
    }

    public List<ValidationIssue> validate(String reference) {
        return new TemplateValidator(resolver(), catalogs).validate(library.require(reference));
    }

    /** Checks a template being edited (not stored yet) against every version it targets. */
    public List<ValidationIssue> validateDraft(Template draft) {
        TemplateVersion candidate = draftVersion(draft);
        return new TemplateValidator(resolverWith(candidate), catalogs).validate(candidate);
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
        return catalogs.require(template.engine(), template.targetVersions().getLast());
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
        Set<Long> using = instancesUsing(templateName);
        return fleet.list().stream().filter(i -> i.engine() == engine)
                .sorted(java.util.Comparator.comparing((Instance i) -> !using.contains(i.id())))
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
     * (expressions depend on its facts); YAML and JSON without one export the template itself.
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
        List<ResolvedParameter> resolved = planner.resolve(template, target);
        String header = "Resolved from template " + template.name() + " v" + template.version() + " for " + target.name()
                + " (" + target.engine().displayName() + " " + target.version() + ") by Knobwright on " + clock.instant();
        return switch (format) {
            case POSTGRESQL_CONF -> ConfigWriter.postgresqlConf(header, resolved);
            case MY_CNF -> ConfigWriter.myCnf(header, resolved);
            case SQL -> ConfigWriter.sqlScript(target.engine(), header, resolved);
            case YAML, JSON -> {
                List<TemplateEntry> entries = resolved.stream()
                        .map(p -> TemplateEntry.literal(p.name(), p.value(), "resolved from " + p.template() + " v" + p.templateVersion()))
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
        ParameterCatalog catalog = catalogs.require(context.engine(), context.version());
        TemplateResolver.Resolution resolution = resolverWith(candidate).resolveAll(candidate, context.hardware(), catalog);
        Map<String, String> values = new LinkedHashMap<>();
        resolution.parameters().forEach(p -> values.put(p.name(), p.value()));
        String left = resolution.problems().isEmpty() ? "" : " (without " + String.join(", ", resolution.problems().keySet()) + ")";
        return new ConfigurationView("Draft of " + candidate.name() + " for " + context.name() + left, values, catalog);
    }

    /** A template's entries as written, or resolved for {@code context} when there is one. */
    private ConfigurationView templateView(TemplateVersion template, String title, Instance context, TemplateResolver resolver) {
        Map<String, String> values = new LinkedHashMap<>();
        if (context != null) {
            requireSameEngine(template, context);
            ParameterCatalog catalog = catalogs.require(context.engine(), context.version());
            resolver.resolve(template, context.hardware(), catalog).forEach(p -> values.put(p.name(), p.value()));
            return new ConfigurationView(title + " for " + context.name(), values, catalog);
        }
        resolver.effectiveEntries(template).forEach(e -> values.put(e.entry().parameter(), e.display()));
        Engine engine = template.template().engine();
        return new ConfigurationView(title, values, catalogs.require(engine, template.template().targetVersions().getLast()));
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
        Map<String, String> values = new LinkedHashMap<>();
        for (LiveSetting s : snapshot.settings()) {
            values.put(s.name(), s.value() == null ? "" : s.value());
        }
        return new ConfigurationView(instance.name() + " (" + snapshot.takenAt() + ")", values,
                catalogs.require(instance.engine(), instance.version()));
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
