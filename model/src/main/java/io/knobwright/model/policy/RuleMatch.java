package io.knobwright.model.policy;

import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.plan.PlannedChange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When an approval rule applies. Every condition given must hold; a condition left empty (or null) holds for
 * every plan, so an empty match is "any plan".
 *
 * @param engines        engine ids (postgresql, mariadb, ...)
 * @param tiers          tier names in lower case (production, staging, ...)
 * @param tags           every key=value must be on the instance
 * @param instances      instance names
 * @param minCriticality the instance's criticality at least this
 * @param minRisk        the plan's risk at least this
 * @param lockedOnly     true: only plans that touch a locked parameter
 * @param restartOnly    true: only plans that need a restart
 * @param parameters     the plan changes at least one of these
 */
public record RuleMatch(Set<String> engines, Set<String> tiers, Map<String, String> tags, Set<String> instances,
                        Criticality minCriticality, RiskLevel minRisk, boolean lockedOnly, boolean restartOnly,
                        List<ParameterPattern> parameters) {

    public static final RuleMatch ANY = new RuleMatch(Set.of(), Set.of(), Map.of(), Set.of(), null, null, false, false, List.of());

    public RuleMatch {
        engines = lower(engines);
        tiers = lower(tiers);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        instances = instances == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(instances));
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    private static Set<String> lower(Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        TreeSet<String> out = new TreeSet<>();
        values.forEach(v -> out.add(v.strip().toLowerCase(Locale.ROOT)));
        return java.util.Collections.unmodifiableSet(out);
    }

    public boolean matches(PlanFacts facts) {
        var instance = facts.instance();
        if (!instances.isEmpty() && !instances.contains(facts.plan().instanceName())) {
            return false;
        }
        if (!engines.isEmpty() && (instance == null || !engines.contains(instance.engine().id()))) {
            return false;
        }
        if (!tiers.isEmpty() && (instance == null || !tiers.contains(instance.tier().name().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!tags.isEmpty() && (instance == null || !instance.tags().entrySet().containsAll(tags.entrySet()))) {
            return false;
        }
        if (minCriticality != null && (instance == null || instance.criticality().compareTo(minCriticality) < 0)) {
            return false;
        }
        if (minRisk != null && facts.risk().level().compareTo(minRisk) < 0) {
            return false;
        }
        if (lockedOnly && !facts.touchesLocked()) {
            return false;
        }
        if (restartOnly && !facts.plan().restartNeeded()) {
            return false;
        }
        return parameters.isEmpty() || facts.plan().changes().stream().map(PlannedChange::parameter)
                .anyMatch(p -> parameters.stream().anyMatch(pattern -> pattern.matches(p)));
    }

    public boolean isAny() {
        return equals(ANY);
    }
}
