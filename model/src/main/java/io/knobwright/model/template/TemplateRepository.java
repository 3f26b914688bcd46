package io.knobwright.model.template;

import java.util.List;
import java.util.Optional;

/**
 * User templates and their immutable versions. Built-in templates are not stored: they ship with
 * Knobwright (see TemplateLibrary, which combines both).
 */
public interface TemplateRepository {

    /** Newest version of every stored template, sorted by name. */
    List<TemplateVersion> latestVersions();

    Optional<TemplateVersion> latest(String name);

    Optional<TemplateVersion> version(String name, int version);

    /** Every version of a template, newest first. */
    List<TemplateVersion> history(String name);

    /** Stores the template as a new version (1 for a new name) and returns it. */
    TemplateVersion save(Template template, String author, String comment);
}
