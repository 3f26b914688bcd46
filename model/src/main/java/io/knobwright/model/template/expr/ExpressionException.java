package io.knobwright.model.template.expr;

/**
 * A template expression that cannot be parsed or evaluated. The message says where (column) and
 * what is wrong in words a DBA understands: "column 9: cannot add RAM (a size) to 3 (a plain number)".
 */
public class ExpressionException extends RuntimeException {

    public ExpressionException(String message) {
        super(message);
    }
}
