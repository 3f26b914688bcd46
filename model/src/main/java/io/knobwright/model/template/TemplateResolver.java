package io.knobwright.model.template;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.template.expr.Dimension;
import io.knobwright.model.template.expr.Expr;
import io.knobwright.model.template.expr.ExpressionEvaluator;
import io.knobwright.model.template.expr.ExpressionException;
import io.knobwright.model.template.expr.ExpressionParser;
import io.knobwright.model.template.expr.Quantity;
import io.knobwright.model.value.InvalidValueException;
import io.knobwright.model.value.Values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a template chain plus an instance's facts into one value per parameter, each with its provenance.
 * Deterministic: the same templates, facts and catalog always give the same result in the same order
 * (parameters sorted by name).
 */
public final class TemplateResolver {

    /** Looks up the version of a template that resolution should use (newest, or a pinned one). */
    @FunctionalInterface
    public interface TemplateSource {
        Optional<TemplateVersion> find(String name);
    }

    private final TemplateSource templates;

    public TemplateResolver(TemplateSource templates) {
        this.templates = templates;
    }

    /** Resolves every entry, failing on the first problem (what plans and exports need). */
    public List<ResolvedParameter> resolve(TemplateVersion leaf, HardwareFacts facts, ParameterCatalog catalog) {
        Evaluation evaluation = new Evaluation(merge(chain(leaf)), facts, catalog);
        Resolution r = evaluation.run();
        if (!r.problems().isEmpty()) {
            // The failure itself, not only its message: callers look at its cause (a missing instance fact).
            throw evaluation.failures.get(r.problems().keySet().iterator().next());
        }
        return r.parameters();
    }

    /**
     * Resolves what can be resolved and collects a message per parameter that cannot (what validation and
     * the editor need). Chain problems (cycles, locks, foreign parents) still throw: nothing resolves then.
     */
    public Resolution resolveAll(TemplateVersion leaf, HardwareFacts facts, ParameterCatalog catalog) {
        Map<String, Layered> merged = merge(chain(leaf));
        return new Evaluation(merged, facts, catalog).run();
    }

    /** Resolved parameters sorted by name, and problems by parameter name. */
    public record Resolution(List<ResolvedParameter> parameters, Map<String, String> problems) {
        public Resolution {
            parameters = List.copyOf(parameters);
            problems = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(problems));
        }
    }

    /** Refuses a template whose chain has a cycle, a parent of another engine, or an override of a locked entry. */
    public void check(TemplateVersion leaf) {
        merge(chain(leaf));
    }

    /** The chain from the root down to {@code leaf}, refusing cycles and parents of another engine. */
    public List<TemplateVersion> chain(TemplateVersion leaf) {
        List<TemplateVersion> chain = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        TemplateVersion current = leaf;
        while (current != null) {
            if (!seen.add(current.name())) {
                throw new TemplateException("Template inheritance cycle: " + String.join(" -> ", seen) + " -> " + current.name());
            }
            chain.addFirst(current);
            String parentName = current.template().parent();
            if (parentName == null) {
                break;
            }
            TemplateVersion parent = templates.find(parentName).orElseThrow(() -> new TemplateException(
                    "Template '" + seen.getLast() + "' has parent '" + parentName + "', which does not exist"));
            if (parent.template().engine() != current.template().engine()) {
                throw new TemplateException("Template '" + current.name() + "' (" + current.template().engine().displayName()
                        + ") cannot inherit from '" + parent.name() + "' (" + parent.template().engine().displayName() + ")");
            }
            current = parent;
        }
        return chain;
    }

    /** An entry and the template version that set it. */
    /** The entries in force after inheritance, sorted by name, each with the template version that set it. */
    public List<EffectiveEntry> effectiveEntries(TemplateVersion leaf) {
        return merge(chain(leaf)).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new EffectiveEntry(e.getValue().entry(), e.getValue().from(), e.getValue().lockedBy() != null))
                .toList();
    }

    /** An entry in force for a template, and where it comes from. */
    public record EffectiveEntry(TemplateEntry entry, TemplateVersion from, boolean locked) {

        /** The entry as a person reads it: "8GB", "= 25% of RAM", "(engine default)". */
        public String display() {
            return switch (entry.value()) {
                case EntryValue.Literal l -> l.text();
                case EntryValue.Expression x -> "= " + x.source();
                case EntryValue.ResetToDefault r -> "(engine default)";
            };
        }
    }

    record Layered(TemplateEntry entry, TemplateVersion from, TemplateVersion lockedBy) {
    }

    private static Map<String, Layered> merge(List<TemplateVersion> chain) {
        Map<String, Layered> merged = new LinkedHashMap<>();
        for (TemplateVersion layer : chain) {
            for (TemplateEntry entry : layer.template().entries()) {
                String key = ParameterCatalog.canonicalName(entry.parameter());
                Layered previous = merged.get(key);
                if (previous != null && previous.lockedBy() != null) {
                    throw new TemplateException("Template '" + layer.name() + "' cannot override " + entry.parameter()
                            + ": it is locked by '" + previous.lockedBy().name() + "' v" + previous.lockedBy().version());
                }
                merged.put(key, new Layered(entry, layer, entry.locked() ? layer : null));
            }
        }
        return merged;
    }

    /** One resolution run: memoises evaluated entries and detects cycles between expressions. */
    private static final class Evaluation {
        private final Map<String, Layered> entries;
        private final HardwareFacts facts;
        private final ParameterCatalog catalog;
        private final Map<String, Quantity> values = new LinkedHashMap<>();
        private final Map<String, ResolvedParameter> resolved = new LinkedHashMap<>();
        private final LinkedHashSet<String> inProgress = new LinkedHashSet<>();
        private final Map<String, TemplateException> failures = new LinkedHashMap<>();

        Evaluation(Map<String, Layered> entries, HardwareFacts facts, ParameterCatalog catalog) {
            this.entries = entries;
            this.facts = facts;
            this.catalog = catalog;
        }

        Resolution run() {
            for (String key : entries.keySet().stream().sorted().toList()) {
                try {
                    resolveEntry(key);
                } catch (TemplateException e) {
                    failures.putIfAbsent(key, e);
                }
            }
            Map<String, String> problems = new LinkedHashMap<>();
            failures.forEach((key, failure) -> problems.put(key, failure.getMessage()));
            return new Resolution(resolved.keySet().stream().sorted().map(resolved::get).toList(), problems);
        }

        private Quantity resolveEntry(String key) {
            if (values.containsKey(key)) {
                return values.get(key);
            }
            if (failures.containsKey(key)) {
                throw failures.get(key);
            }
            Layered layered = entries.get(key);
            TemplateEntry entry = layered.entry();
            ParameterSpec spec = catalog.find(entry.parameter()).orElseThrow(() -> new TemplateException(
                    "Template '" + layered.from().name() + "' sets " + entry.parameter() + ", which "
                            + catalog.engineVersion() + " does not know"));
            if (!inProgress.add(key)) {
                throw new TemplateException("Expressions refer to each other in a circle: "
                        + String.join(" -> ", inProgress) + " -> " + key);
            }
            try {
                return evaluateEntry(key, layered, entry, spec);
            } catch (TemplateException e) {
                failures.putIfAbsent(key, e);
                throw e;
            } finally {
                inProgress.remove(key);
            }
        }

        private Quantity evaluateEntry(String key, Layered layered, TemplateEntry entry, ParameterSpec spec) {
            ValueAndNote result = switch (entry.value()) {
                case EntryValue.ResetToDefault ignored -> new ValueAndNote(spec.defaultValue(),
                        spec.defaultIsHostDependent() ? ResolvedParameter.notComparedNote(spec) : "");
                case EntryValue.Literal literal -> literal(spec, literal.text(), layered);
                case EntryValue.Expression expression -> expression(spec, expression.source(), layered);
            };
            String expressionText = entry.value() instanceof EntryValue.Expression e ? e.source() : null;
            resolved.put(key, new ResolvedParameter(spec.name(), result.value(), spec.unit(), layered.from().name(),
                    layered.from().version(), expressionText, entry.value() instanceof EntryValue.ResetToDefault, result.note()));
            Quantity q = quantityOf(spec, result.value());
            values.put(key, q);
            return q;
        }

        /** Literals are read exactly as the engine would read them: its units, its spellings, its range. */
        private ValueAndNote literal(ParameterSpec spec, String text, Layered layered) {
            try {
                return new ValueAndNote(Values.plain(spec, Values.parse(spec, text)), "");
            } catch (InvalidValueException e) {
                throw new TemplateException("Template '" + layered.from().name() + "': " + e.getMessage(), e);
            }
        }

        private ValueAndNote expression(ParameterSpec spec, String source, Layered layered) {
            if (!isNumeric(spec)) {
                throw new TemplateException("Template '" + layered.from().name() + "' uses an expression for " + spec.name()
                        + ", which is not numeric (" + spec.type().name().toLowerCase(Locale.ROOT) + ")");
            }
            Quantity q;
            try {
                Expr expr = ExpressionParser.parse(source);
                q = new ExpressionEvaluator(this::name).evaluate(expr);
            } catch (ExpressionException e) {
                throw new TemplateException("Template '" + layered.from().name() + "', " + spec.name() + ": " + e.getMessage(), e);
            }
            return toBaseUnit(spec, q, layered);
        }

        private ValueAndNote toBaseUnit(ParameterSpec spec, Quantity q, Layered layered) {
            Quantity unit = SpecUnit.of(spec);
            BigDecimal amount;
            if (q.dimension() == Dimension.NUMBER) {
                amount = q.amount();
            } else if (q.dimension() == unit.dimension()) {
                amount = q.amount().divide(unit.amount(), java.math.MathContext.DECIMAL128);
            } else {
                throw new TemplateException("Template '" + layered.from().name() + "', " + spec.name() + ": the result " + q
                        + " is " + q.dimension().description() + ", but " + spec.name() + " is "
                        + (unit.dimension() == Dimension.NUMBER ? "a plain number" : unit.dimension().description()));
            }
            amount = spec.type() == ParameterType.INTEGER
                    ? amount.setScale(0, RoundingMode.HALF_UP)
                    : amount.round(new java.math.MathContext(12)).stripTrailingZeros();
            String note = "";
            if (spec.min() != null && amount.compareTo(spec.min()) < 0) {
                note = "clamped from " + plain(amount) + " to the minimum " + plain(spec.min());
                amount = spec.min();
            } else if (spec.max() != null && amount.compareTo(spec.max()) > 0) {
                note = "clamped from " + plain(amount) + " to the maximum " + plain(spec.max());
                amount = spec.max();
            }
            return new ValueAndNote(plain(amount), note.isEmpty() ? "" : note + (spec.unit() == null ? "" : " (unit " + spec.unit() + ")"));
        }

        /** Value of a name inside an expression: an instance fact or another parameter. */
        private Quantity name(String name, int column) {
            switch (name.toUpperCase(Locale.ROOT)) {
                case "RAM", "MEMORY" -> {
                    return requireFact(HardwareFact.RAM, name, facts.memoryBytes(), Dimension.BYTES);
                }
                case "CPUS", "CPU", "CORES" -> {
                    return requireFact(HardwareFact.CPUS, name, facts.cpus(), Dimension.NUMBER);
                }
                case "DISK" -> {
                    return requireFact(HardwareFact.DISK_SIZE, name, facts.diskBytes(), Dimension.BYTES);
                }
                default -> {
                    String key = ParameterCatalog.canonicalName(name);
                    if (entries.containsKey(key)) {
                        return resolveEntry(key);
                    }
                    ParameterSpec spec = catalog.find(name).orElseThrow(() -> new ExpressionException(
                            "column " + column + ": '" + name + "' is neither an instance fact (RAM, CPUS, DISK) nor a "
                                    + catalog.engineVersion() + " parameter"));
                    if (!isNumeric(spec) || spec.defaultValue() == null) {
                        throw new ExpressionException("column " + column + ": " + name + " has no numeric value to compute with");
                    }
                    if (spec.defaultIsHostDependent()) {
                        throw new ExpressionException("column " + column + ": the default of " + name + " depends on "
                                + spec.defaultDependsOn() + ", so it differs from server to server: set " + name
                                + " in the template or compute from the instance's facts (RAM, CPUS, DISK)");
                    }
                    return quantityOf(spec, spec.defaultValue());
                }
            }
        }

        private static Quantity requireFact(HardwareFact fact, String name, long value, Dimension dimension) {
            if (value <= 0) {
                throw new MissingFactException(fact, name);
            }
            return new Quantity(BigDecimal.valueOf(value), dimension);
        }

        private static Quantity quantityOf(ParameterSpec spec, String value) {
            if (!isNumeric(spec) || value == null) {
                return Quantity.number(0);
            }
            try {
                Quantity unit = SpecUnit.of(spec);
                return new Quantity(new BigDecimal(value.trim()).multiply(unit.amount()), unit.dimension());
            } catch (NumberFormatException e) {
                return Quantity.number(0);
            }
        }

        private static boolean isNumeric(ParameterSpec spec) {
            return spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.REAL;
        }

        private static String plain(BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
    }

    private record ValueAndNote(String value, String note) {
    }
}
