package io.knobwright.model.template;

/**
 * One finding of template validation.
 *
 * @param version   engine major version the finding applies to ("13"), empty when it applies to all
 * @param parameter the parameter concerned, empty for template-level findings (cycles, locks)
 */
public record ValidationIssue(Severity severity, String version, String parameter, String message) {

    public enum Severity { ERROR, WARNING, INFO }

    public ValidationIssue {
        version = version == null ? "" : version;
        parameter = parameter == null ? "" : parameter;
    }
}
