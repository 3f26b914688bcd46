package io.knobwright.model.template;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.BuildVariants;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a template against the catalog of every engine version it targets: unknown or removed parameters,
 * values out of range or of the wrong type or unit, read-only parameters, and which changes need a restart.
 * Expressions are evaluated on a small and a large reference machine, so a formula that only breaks (or
 * gets clamped) at one end of the fleet is still found.
 */
public final class TemplateValidator {

    /** A 2-CPU/4 GB VM and a 64-CPU/512 GB server: the ends of a typical fleet. */
    static final List<Machine> REFERENCE_MACHINES = List.of(
            new Machine("a 2-CPU/4GB machine", new HardwareFacts(2, 4L << 30, DiskType.SSD, 50L << 30)),
            new Machine("a 64-CPU/512GB machine", new HardwareFacts(64, 512L << 30, DiskType.NVME, 4L << 40)));

    record Machine(String label, HardwareFacts facts) {
    }

    private final TemplateResolver resolver;
    private final CatalogRepository catalogs;
    private final BuildVariants variants;

    /** Judges values by the shipped catalogs and the engines' documented build options. */
    public TemplateValidator(TemplateResolver resolver, CatalogRepository catalogs) {
        this(resolver, catalogs, BuildVariants.curated());
    }

    /**
     * @param variants values some builds of a version accept beyond its shipped catalog: such a value is a
     *                 warning for the version (a given server's own description decides, see {@link #validateAgainst})
     */
    public TemplateValidator(TemplateResolver resolver, CatalogRepository catalogs, BuildVariants variants) {
        this.resolver = resolver;
        this.catalogs = catalogs;
        this.variants = variants;
    }

    /** Checks every engine version the template targets. */
    public List<ValidationIssue> validate(TemplateVersion template) {
        return validate(template, template.template().targetVersions());
    }

    /** Checks only the given engine versions, e.g. the one an instance runs before a plan is made for it. */
    public List<ValidationIssue> validate(TemplateVersion template, List<String> versions) {
        Set<ValidationIssue> issues = new LinkedHashSet<>();
        Optional<List<TemplateVersion>> chain = chain(template, issues);
        if (chain.isEmpty()) {
            return new ArrayList<>(issues);
        }
        Set<String> parameters = new java.util.HashSet<>();
        chain.get().forEach(layer -> layer.template().entries().forEach(e -> parameters.add(e.parameter())));
        for (String version : versions) {
            EngineVersion ev = new EngineVersion(template.template().engine(), version);
            Optional<ParameterCatalog> catalog = catalogs.find(ev);
            if (catalog.isEmpty()) {
                issues.add(new ValidationIssue(ValidationIssue.Severity.ERROR, version, "", "No catalog for " + ev));
                continue;
            }
            if (!variants.affects(ev, parameters)) {
                validate(chain.get(), template, version, catalog.get(), issues);
                continue;
            }
            ParameterCatalog widened = variants.widen(catalog.get());
            validate(chain.get(), template, version, widened, issues);
            warnAboutBuildVariants(template, version, catalog.get(), widened, issues);
        }
        return new ArrayList<>(issues);
    }

    /**
     * Checks the template against one server's own description of its parameters (or whatever catalog is in
     * force for an instance): what that server refuses is an error, whatever other builds accept.
     *
     * @param server names the server in messages ("pg-orders-1 (PostgreSQL 15.20)")
     */
    public List<ValidationIssue> validateAgainst(TemplateVersion template, ParameterCatalog catalog, String server) {
        Set<ValidationIssue> issues = new LinkedHashSet<>();
        Optional<List<TemplateVersion>> chain = chain(template, issues);
        if (chain.isEmpty()) {
            return new ArrayList<>(issues);
        }
        String version = catalog.engineVersion().major();
        if (template.template().engine() != catalog.engineVersion().engine()) {
            return List.of(error(version, "", "Template '" + template.name() + "' is for "
                    + template.template().engine().displayName() + "; " + server + " runs " + catalog.engineVersion()));
        }
        validate(chain.get(), template, version, catalog, issues);
        return issues.stream()
                .map(i -> i.severity() == ValidationIssue.Severity.ERROR
                        ? new ValidationIssue(i.severity(), i.version(), i.parameter(), "Refused by " + server + ": " + i.message())
                        : i)
                .toList();
    }

    /**
     * What keeps the template's own entries from resolving against {@code catalog} on either reference machine
     * (a value out of range, an expression that does not parse, divides by zero or refers to itself), by
     * parameter as the template spells it; a broken chain (cycle, missing parent, locked override) under "".
     * What an import checks before anything is stored; problems of the parents' entries are theirs.
     */
    public Map<String, String> resolutionProblems(TemplateVersion template, ParameterCatalog catalog) {
        Map<String, String> own = new java.util.LinkedHashMap<>();
        template.template().entries().forEach(e -> own.put(ParameterCatalog.canonicalName(e.parameter()), e.parameter()));
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (Machine machine : REFERENCE_MACHINES) {
            TemplateResolver.Resolution r;
            try {
                r = resolver.resolveAll(template, machine.facts(), catalog);
            } catch (TemplateException e) {
                return Map.of("", e.getMessage());
            }
            r.problems().forEach((key, message) -> {
                String parameter = own.get(ParameterCatalog.canonicalName(key));
                if (parameter != null) {
                    problems.putIfAbsent(parameter, message);
                }
            });
        }
        return problems;
    }

    /** The template and its parents; empty, with the reason added to {@code issues}, when the chain is broken. */
    private Optional<List<TemplateVersion>> chain(TemplateVersion template, Set<ValidationIssue> issues) {
        try {
            return Optional.of(resolver.chain(template));
        } catch (TemplateException e) {
            issues.add(new ValidationIssue(ValidationIssue.Severity.ERROR, "", "", e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * A value only some builds accept: a warning naming who accepts it, so the template stays valid for the
     * version and each server is checked against its own description.
     */
    private void warnAboutBuildVariants(TemplateVersion template, String version, ParameterCatalog upstream,
                                        ParameterCatalog widened, Set<ValidationIssue> issues) {
        HardwareFacts machine = REFERENCE_MACHINES.getFirst().facts();
        Set<String> refusedUpstream = new java.util.HashSet<>();
        resolver.resolveAll(template, machine, upstream).problems().keySet()
                .forEach(name -> refusedUpstream.add(ParameterCatalog.canonicalName(name)));
        for (ResolvedParameter p : resolver.resolveAll(template, machine, widened).parameters()) {
            if (!refusedUpstream.contains(ParameterCatalog.canonicalName(p.name()))) {
                continue;
            }
            variants.acceptedBy(upstream.engineVersion(), p.name(), p.value()).ifPresent(who ->
                    issues.add(new ValidationIssue(ValidationIssue.Severity.WARNING, version, p.name(),
                            p.name() + " = " + p.value() + ": accepted only by " + who + "; the upstream build of "
                                    + upstream.engineVersion() + " (the shipped catalog) refuses it. Check a server with"
                                    + " 'template validate " + template.name() + " --instance NAME'")));
        }
    }

    private void validate(List<TemplateVersion> chain, TemplateVersion template, String version, ParameterCatalog catalog,
                          Set<ValidationIssue> issues) {
        for (TemplateVersion layer : chain) {
            for (TemplateEntry entry : layer.template().entries()) {
                Optional<ParameterSpec> spec = catalog.find(entry.parameter());
                if (spec.isEmpty()) {
                    issues.add(error(version, entry.parameter(), "'" + layer.name() + "' sets " + entry.parameter() + ", which "
                            + catalog.engineVersion() + " does not know" + suggestion(entry.parameter(), catalog)));
                } else if (spec.get().applyMode() == ApplyMode.READ_ONLY) {
                    issues.add(error(version, entry.parameter(), entry.parameter() + " is read-only on " + catalog.engineVersion()
                            + ": it is fixed when the server is built or initialised"));
                }
            }
        }
        for (Machine machine : REFERENCE_MACHINES) {
            TemplateResolver.Resolution r;
            try {
                r = resolver.resolveAll(template, machine.facts(), catalog);
            } catch (TemplateException e) {
                issues.add(error(version, "", e.getMessage()));
                return;
            }
            for (Map.Entry<String, String> problem : r.problems().entrySet()) {
                if (catalog.contains(problem.getKey())) {
                    issues.add(error(version, problem.getKey(), problem.getValue()));
                }
            }
            for (ResolvedParameter p : r.parameters()) {
                if (p.clamped()) {
                    issues.add(new ValidationIssue(ValidationIssue.Severity.WARNING, version, p.name(),
                            "On " + machine.label() + ", " + p.name() + " is " + p.note()));
                }
                ParameterSpec spec = catalog.find(p.name()).orElse(null);
                if (spec != null && spec.requiresRestart()) {
                    issues.add(info(version, p.name(), p.name() + " takes effect only after a restart"));
                } else if (spec != null && spec.applyMode() == ApplyMode.NEW_SESSIONS) {
                    issues.add(info(version, p.name(), p.name() + " reaches only sessions opened after the change;"
                            + " open ones keep the old value until they reconnect"));
                }
                if (!p.comparable(spec)) {
                    issues.add(info(version, p.name(), "The default of " + p.name() + " depends on "
                            + spec.defaultDependsOn() + ": instances are not compared with it"));
                }
            }
        }
    }

    private static ValidationIssue info(String version, String parameter, String message) {
        return new ValidationIssue(ValidationIssue.Severity.INFO, version, parameter, message);
    }

    private static ValidationIssue error(String version, String parameter, String message) {
        return new ValidationIssue(ValidationIssue.Severity.ERROR, version, parameter, message);
    }

    /** "Did you mean ...?" from the nearest catalog names, so a typo is fixed in one go. */
    static String suggestion(String name, ParameterCatalog catalog) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ParameterSpec spec : catalog.parameters()) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), spec.name().toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = spec.name();
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? ". Did you mean " + best + "?" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
