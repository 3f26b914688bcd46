package io.knobwright.model.template.expr;

import io.knobwright.model.UserError;

/**
 * A template expression that cannot be parsed or evaluated. The message says where (column) and
 * what is wrong in words a DBA understands: "column 9: cannot add RAM (a size) to 3 (a plain number)".
 */
public class ExpressionException extends UserError {

    public ExpressionException(String message) {
        super(Kind.INPUT, message);
    }
}
