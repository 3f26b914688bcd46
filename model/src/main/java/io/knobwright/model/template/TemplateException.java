package io.knobwright.model.template;

import io.knobwright.model.UserError;

/**
 * A template that cannot be read, stored or resolved: inheritance cycle, parent of another engine, override of a
 * locked entry, bad expression, missing instance fact. A user error: the template or the instance needs fixing.
 */
public class TemplateException extends UserError {

    public TemplateException(String message) {
        super(Kind.INPUT, message);
    }

    public TemplateException(String message, Throwable cause) {
        super(Kind.INPUT, message, cause);
    }
}
