package io.knobwright.model.template;

import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.expr.ExpressionException;

import java.util.Objects;
import java.util.function.Supplier;

/** A template expression uses a hardware fact (RAM, CPUS, DISK) that nobody has probed or entered for the instance. */
public final class MissingFactException extends ExpressionException {

    private final HardwareFact fact;

    /** @param spelled the name as the expression wrote it ("RAM", "memory") */
    public MissingFactException(HardwareFact fact, String spelled) {
        super(spelled + " is not known for this instance");
        this.fact = Objects.requireNonNull(fact, "fact");
    }

    public HardwareFact fact() {
        return fact;
    }

    /**
     * Runs a resolution for {@code instance}. When it fails for want of a hardware fact, the message goes on to say
     * how to set that fact for this instance; every other failure passes unchanged.
     */
    public static <T> T explained(Instance instance, Supplier<T> resolution) {
        try {
            return resolution.get();
        } catch (TemplateException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof MissingFactException missing) {
                    throw new TemplateException(e.getMessage() + ". Enter the " + missing.fact.label() + " of '"
                            + instance.name() + "' with Edit in the workbench or with: "
                            + missing.fact.editCommand(instance.name()), e);
                }
            }
            throw e;
        }
    }
}
