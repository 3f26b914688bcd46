package io.knobwright.app.ui.template;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.ValidationIssue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the editor's problem list: a validation issue (the same one on several engine versions is
 * one line naming them), or a problem of the draft itself such as an entry without a name.
 * {@code parameter} lets the list jump to the entry's line.
 */
public record IssueLine(ValidationIssue.Severity severity, String parameter, String text) {

    private record Key(ValidationIssue.Severity severity, String parameter, String message) {
    }

    private static final String VERSIONS = "\u0000versions\u0000";

    /**
     * Errors first, then warnings, then notes; an issue found on several engine versions is one line naming
     * them ("work_mem on PostgreSQL 15, 16: …", or without names when it holds for every targeted version).
     */
    static List<IssueLine> group(List<ValidationIssue> issues, Engine engine, List<String> targetVersions) {
        Map<Key, List<String>> versions = new LinkedHashMap<>();
        for (ValidationIssue issue : issues) {
            String named = engine.displayName() + " " + issue.version();
            String message = issue.version().isEmpty() ? issue.message()
                    : issue.message().replace(named, engine.displayName() + " " + VERSIONS);
            versions.computeIfAbsent(new Key(issue.severity(), issue.parameter(), message), k -> new ArrayList<>())
                    .add(issue.version());
        }
        List<IssueLine> lines = new ArrayList<>();
        versions.forEach((key, on) -> {
            List<String> named = on.stream().filter(v -> !v.isEmpty()).distinct().toList();
            String list = String.join(", ", named);
            String text = key.message().contains(VERSIONS) ? key.message().replace(VERSIONS, list)
                    : named.isEmpty() || (targetVersions.size() > 1 && named.containsAll(targetVersions)) ? key.message()
                    : engine.displayName() + " " + list + ": " + key.message();
            lines.add(new IssueLine(key.severity(), key.parameter(), text));
        });
        lines.sort(Comparator.comparing(IssueLine::severity));
        return lines;
    }
}
