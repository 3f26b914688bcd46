package io.knobwright.app.template;

import io.knobwright.model.UserError;

/**
 * What the CLI and the diff view compare: "name" (a template's newest version), "name@3" (version 3), or
 * "instance:ID" / "instance:NAME" (an instance's newest settings snapshot).
 */
public sealed interface ConfigurationRef {

    record TemplateRef(String reference) implements ConfigurationRef { }

    record InstanceRef(String idOrName) implements ConfigurationRef { }

    static ConfigurationRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw UserError.input("Empty reference: use a template name, name@version, or instance:ID");
        }
        String t = text.strip();
        if (t.startsWith("instance:")) {
            String id = t.substring("instance:".length());
            if (id.isBlank()) {
                throw UserError.input("'" + text + "' names no instance: use instance:ID or instance:NAME");
            }
            return new InstanceRef(id);
        }
        return new TemplateRef(t);
    }
}
