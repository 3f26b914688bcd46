package io.knobwright.app.ui.template;

import io.knobwright.app.template.ConfigurationRef;

/** What the template being edited is compared with in the editor's diff view. */
public sealed interface CompareTarget {

    /** The label the compare box shows. */
    String label();

    ConfigurationRef ref();

    /** A stored version of the same template; the newest one shows what saving would change. */
    record Version(String template, int version, boolean newest) implements CompareTarget {
        public String label() {
            return newest ? "Saved v" + version + " (what Save changes)" : "Version " + version;
        }

        public ConfigurationRef ref() {
            return new ConfigurationRef.TemplateRef(template + "@" + version);
        }
    }

    /** The parent template's effective entries. */
    record Parent(String template) implements CompareTarget {
        public String label() {
            return "Parent: " + template;
        }

        public ConfigurationRef ref() {
            return new ConfigurationRef.TemplateRef(template);
        }
    }

    /** Another template of the same engine, e.g. the built-in profile the team's copy started from. */
    record OtherTemplate(String template) implements CompareTarget {
        public String label() {
            return "Template: " + template;
        }

        public ConfigurationRef ref() {
            return new ConfigurationRef.TemplateRef(template);
        }
    }

    /** An instance's newest settings, against the draft resolved for its hardware. */
    record Instance(long id, String name, boolean usesTemplate) implements CompareTarget {
        public String label() {
            return "Instance: " + name + (usesTemplate ? " · uses this template" : "");
        }

        public ConfigurationRef ref() {
            return new ConfigurationRef.InstanceRef(Long.toString(id));
        }
    }
}
