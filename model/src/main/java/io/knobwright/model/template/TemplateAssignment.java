package io.knobwright.model.template;

/**
 * The template an instance follows.
 *
 * @param pinnedVersion a fixed version, or null to always follow the newest
 */
public record TemplateAssignment(long instanceId, String templateName, Integer pinnedVersion) {

    public TemplateAssignment {
        if (templateName == null || templateName.isBlank()) {
            throw new IllegalArgumentException("A template assignment needs a template name");
        }
        if (pinnedVersion != null && pinnedVersion < 1) {
            throw new IllegalArgumentException("Pinned template versions start at 1, got " + pinnedVersion);
        }
    }

    /** "name" or "name@3", the reference form TemplateLibrary.find understands. */
    public String reference() {
        return pinnedVersion == null ? templateName : templateName + "@" + pinnedVersion;
    }
}
