package io.knobwright.app.ui.template;

import io.knobwright.model.template.TemplateVersion;

import java.util.Locale;

/** A line of the template list: a template's newest version and whether it ships with Knobwright. */
public record TemplateItem(TemplateVersion latest, boolean builtIn) {

    public String name() {
        return latest.name();
    }

    public String parent() {
        return latest.template().parent() == null ? "" : latest.template().parent();
    }

    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return name().toLowerCase(Locale.ROOT).contains(q) || parent().toLowerCase(Locale.ROOT).contains(q)
                || latest.template().engine().displayName().toLowerCase(Locale.ROOT).contains(q)
                || latest.template().description().toLowerCase(Locale.ROOT).contains(q);
    }
}
