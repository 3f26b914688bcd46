package io.knobwright.model.template.expr;

import java.util.LinkedHashSet;
import java.util.Set;

/** The names an expression refers to, so a resolver can evaluate entries in dependency order. */
public final class ExpressionReferences {

    private ExpressionReferences() {
    }

    public static Set<String> of(Expr expr) {
        Set<String> names = new LinkedHashSet<>();
        collect(expr, names);
        return names;
    }

    private static void collect(Expr expr, Set<String> names) {
        switch (expr) {
            case Expr.Literal ignored -> { }
            case Expr.Reference ref -> names.add(ref.name());
            case Expr.Negate n -> collect(n.operand(), names);
            case Expr.Binary b -> {
                collect(b.left(), names);
                collect(b.right(), names);
            }
            case Expr.Call c -> c.arguments().forEach(a -> collect(a, names));
        }
    }
}
