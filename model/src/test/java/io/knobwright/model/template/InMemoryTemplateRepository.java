package io.knobwright.model.template;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test double for the logic above the store; the H2 repository has its own tests. */
final class InMemoryTemplateRepository implements TemplateRepository {

    private final Map<String, List<TemplateVersion>> versions = new LinkedHashMap<>();

    @Override
    public List<TemplateVersion> latestVersions() {
        return versions.values().stream().map(List::getLast).sorted(Comparator.comparing(TemplateVersion::name)).toList();
    }

    @Override
    public Optional<TemplateVersion> latest(String name) {
        return Optional.ofNullable(versions.get(name)).map(List::getLast);
    }

    @Override
    public Optional<TemplateVersion> version(String name, int version) {
        return versions.getOrDefault(name, List.of()).stream().filter(v -> v.version() == version).findFirst();
    }

    @Override
    public List<TemplateVersion> history(String name) {
        return versions.getOrDefault(name, List.of()).reversed();
    }

    @Override
    public TemplateVersion save(Template template, String author, String comment) {
        List<TemplateVersion> list = versions.computeIfAbsent(template.name(), n -> new ArrayList<>());
        TemplateVersion v = new TemplateVersion(template, list.size() + 1, author, Instant.now(), comment);
        list.add(v);
        return v;
    }
}
