package io.knobwright.model.template.io;

import io.knobwright.model.template.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only templates shipped in the resources module (templates/index.txt lists them, one YAML file
 * per engine and profile). Users copy them to customise, as with RDS default parameter groups.
 */
public final class BuiltInTemplates {

    private static final String INDEX = "/templates/index.txt";

    private BuiltInTemplates() {
    }

    public static List<Template> load() {
        List<Template> templates = new ArrayList<>();
        for (String path : read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            Template parsed;
            try {
                parsed = TemplateFile.read(read("/templates/" + path), TemplateFile.Format.YAML);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Built-in template " + path + " is broken: " + e.getMessage(), e);
            }
            templates.add(new Template(parsed.name(), parsed.engine(), parsed.targetVersions(), parsed.parent(),
                    parsed.entries(), true, parsed.description()));
        }
        return List.copyOf(templates);
    }

    private static String read(String resource) {
        try (InputStream in = BuiltInTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Built-in template resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
