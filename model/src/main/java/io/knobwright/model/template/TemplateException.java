package io.knobwright.model.template;

/** A template that cannot be resolved: inheritance cycle, parent of another engine, override of a locked entry, bad expression. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
