package io.knobwright.model.template;

import java.time.Instant;
import java.util.Objects;

/** One immutable saved version of a template. Every save makes a new one; rollback saves an old one again. */
public record TemplateVersion(Template template, int version, String author, Instant savedAt, String comment) {

    public TemplateVersion {
        Objects.requireNonNull(template, "template");
        if (version < 1) {
            throw new IllegalArgumentException("Template versions start at 1, got " + version);
        }
        author = author == null ? "" : author;
        Objects.requireNonNull(savedAt, "savedAt");
        comment = comment == null ? "" : comment;
    }

    public String name() {
        return template.name();
    }
}
