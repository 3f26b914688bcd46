package io.knobwright.model.template;

import io.knobwright.model.text.Names;
import io.knobwright.model.text.ShownText;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * All templates a user can pick: the built-in ones (read-only, version 1, shipped with Knobwright) and the
 * user's own from the store. Saving refuses built-in names and checks the chain before anything is stored,
 * so a cycle or a locked override never reaches the store.
 */
public final class TemplateLibrary {

    private final Supplier<List<Template>> builtInTemplates;
    private final TemplateRepository repository;
    private volatile Map<String, TemplateVersion> builtIns;

    public TemplateLibrary(List<Template> builtInTemplates, TemplateRepository repository) {
        this(supplying(List.copyOf(builtInTemplates)), repository);
    }

    /**
     * @param builtInTemplates read on first use: parsing the shipped YAML costs a CLI command that never looks at a
     *                         template (fleet list, policy list) a noticeable part of its start (decision 0118)
     */
    public TemplateLibrary(Supplier<List<Template>> builtInTemplates, TemplateRepository repository) {
        this.builtInTemplates = Objects.requireNonNull(builtInTemplates, "builtInTemplates");
        this.repository = repository;
    }

    private static Supplier<List<Template>> supplying(List<Template> templates) {
        return () -> templates;
    }

    private Map<String, TemplateVersion> builtIns() {
        Map<String, TemplateVersion> read = builtIns;
        if (read == null) {
            synchronized (this) {
                read = builtIns;
                if (read == null) {
                    Map<String, TemplateVersion> byName = new LinkedHashMap<>();
                    for (Template t : builtInTemplates.get()) {
                        byName.put(t.name(), new TemplateVersion(t, 1, "Knobwright", Instant.EPOCH, "built-in"));
                    }
                    read = Collections.unmodifiableMap(byName);
                    builtIns = read;
                }
            }
        }
        return read;
    }

    /** Newest versions, built-ins first then the user's, each group sorted by engine and name. */
    public List<TemplateVersion> all() {
        List<TemplateVersion> all = new ArrayList<>(builtIns().values());
        all.sort(Comparator.comparing((TemplateVersion v) -> v.template().engine()).thenComparing(TemplateVersion::name));
        List<TemplateVersion> user = new ArrayList<>(repository.latestVersions());
        user.sort(Comparator.comparing((TemplateVersion v) -> v.template().engine()).thenComparing(TemplateVersion::name));
        all.addAll(user);
        return all;
    }

    public Optional<TemplateVersion> latest(String name) {
        TemplateVersion builtIn = builtIns().get(name);
        return builtIn != null ? Optional.of(builtIn) : repository.latest(name);
    }

    /** "name" for the newest version, "name@3" for version 3. */
    public Optional<TemplateVersion> find(String reference) {
        int at = reference.lastIndexOf('@');
        if (at < 0) {
            return latest(reference);
        }
        String name = reference.substring(0, at);
        int version;
        try {
            version = Integer.parseInt(reference.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new TemplateException("'" + reference + "': the part after @ must be a version number");
        }
        TemplateVersion builtIn = builtIns().get(name);
        if (builtIn != null) {
            return version == 1 ? Optional.of(builtIn) : Optional.empty();
        }
        return repository.version(name, version);
    }

    public TemplateVersion require(String reference) {
        return find(reference).orElseThrow(() -> new TemplateException("No template '" + reference
                + "'. List them with: knobwright template list"));
    }

    public List<TemplateVersion> history(String name) {
        TemplateVersion builtIn = builtIns().get(name);
        return builtIn != null ? List.of(builtIn) : repository.history(name);
    }

    public boolean isBuiltIn(String name) {
        return builtIns().containsKey(name);
    }

    /** Saves a user template as its next version after checking that its chain resolves. */
    public TemplateVersion save(Template template, String author, String comment) {
        if (builtIns().containsKey(template.name())) {
            throw new TemplateException("'" + template.name() + "' is a built-in template and cannot be changed. "
                    + "Save a copy under another name (e.g. " + template.name() + "-custom) and make it your own.");
        }
        requireVisibleNames(template);
        int next = repository.latest(template.name()).map(v -> v.version() + 1).orElse(1);
        TemplateVersion candidate = new TemplateVersion(template, next, author, Clock.systemUTC().instant(), comment);
        new TemplateResolver(name -> name.equals(template.name()) ? Optional.of(candidate) : latest(name)).check(candidate);
        return repository.save(template, author, comment);
    }

    /** Every way a template is saved (editor, import, copy, rollback) meets this check: see {@link Names}. */
    private static void requireVisibleNames(Template template) {
        Names.problem("The template name", template.name()).ifPresent(p -> {
            throw new TemplateException(p);
        });
        for (TemplateEntry entry : template.entries()) {
            Names.problem("The parameter name", entry.parameter()).ifPresent(p -> {
                throw new TemplateException("Template '" + ShownText.excerpt(template.name(), ShownText.EXCERPT) + "': " + p);
            });
        }
    }

    /** Rolling back saves an old version again as the newest, so history stays append-only. */
    public TemplateVersion rollback(String name, int version, String author) {
        TemplateVersion old = repository.version(name, version).orElseThrow(() ->
                new TemplateException("Template '" + name + "' has no version " + version));
        return save(old.template(), author, "Rolled back to version " + version);
    }

    /** Copies any template (built-in or not) under a new name, as the starting point of a customisation. */
    public TemplateVersion copy(String source, String newName, String author) {
        TemplateVersion from = require(source);
        Template t = from.template();
        return save(new Template(newName, t.engine(), t.targetVersions(), t.parent(), t.entries(), false, t.description()),
                author, "Copied from " + from.name() + " v" + from.version());
    }
}
