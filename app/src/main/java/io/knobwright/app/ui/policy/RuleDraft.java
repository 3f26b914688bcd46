package io.knobwright.app.ui.policy;

import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.policy.ApprovalLevel;
import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.RiskLevel;
import io.knobwright.model.policy.Role;
import io.knobwright.model.policy.RuleMatch;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The approval rule being edited, as the fields show it: lists as comma-separated text, the chain as it reads
 * ("1 reviewer, then 2 change-board"), durations as a policy file writes them ("4h", "3d"). {@link #build}
 * makes the rule or says in {@link #errorProperty} what is wrong. The fallback has no name or conditions.
 */
public final class RuleDraft {

    private static final Pattern LEVEL = Pattern.compile("(?:(\\d{1,3})\\s*(?:x|×)?\\s+)?([A-Za-z][A-Za-z0-9-]*)");

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty engines = new SimpleStringProperty(this, "engines", "");
    private final StringProperty tiers = new SimpleStringProperty(this, "tiers", "");
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final StringProperty instances = new SimpleStringProperty(this, "instances", "");
    private final ObjectProperty<Criticality> minCriticality = new SimpleObjectProperty<>(this, "minCriticality");
    private final ObjectProperty<RiskLevel> minRisk = new SimpleObjectProperty<>(this, "minRisk");
    private final BooleanProperty lockedOnly = new SimpleBooleanProperty(this, "lockedOnly");
    private final BooleanProperty restartOnly = new SimpleBooleanProperty(this, "restartOnly");
    private final StringProperty parameters = new SimpleStringProperty(this, "parameters", "");
    private final StringProperty levels = new SimpleStringProperty(this, "levels", "1 reviewer");
    private final StringProperty escalateAfter = new SimpleStringProperty(this, "escalateAfter", "");
    private final StringProperty escalateTo = new SimpleStringProperty(this, "escalateTo", "");
    private final StringProperty expireAfter = new SimpleStringProperty(this, "expireAfter", "");
    private final ReadOnlyBooleanWrapper fallback = new ReadOnlyBooleanWrapper(this, "fallback");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    RuleDraft() {
    }

    /** Fills the fields from a rule (null: a new, empty rule asking one reviewer). */
    void load(ApprovalRule rule, boolean isFallback) {
        fallback.set(isFallback);
        error.set("");
        RuleMatch m = rule == null ? RuleMatch.ANY : rule.match();
        name.set(rule == null ? "" : rule.name());
        engines.set(String.join(", ", m.engines()));
        tiers.set(String.join(", ", m.tiers()));
        tags.set(String.join(", ", m.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        instances.set(String.join(", ", m.instances()));
        minCriticality.set(m.minCriticality());
        minRisk.set(m.minRisk());
        lockedOnly.set(m.lockedOnly());
        restartOnly.set(m.restartOnly());
        parameters.set(String.join(", ", m.parameters().stream().map(ParameterPattern::text).toList()));
        levels.set(rule == null ? "1 reviewer" : rule.chainText());
        escalateAfter.set(rule == null ? "" : RuleText.duration(rule.escalateAfter()));
        escalateTo.set(rule == null || rule.escalateTo() == null ? "" : rule.escalateTo().name());
        expireAfter.set(rule == null ? "" : RuleText.duration(rule.expireAfter()));
    }

    /** The rule as typed, or null with the reason in {@link #errorProperty}. */
    ApprovalRule build() {
        try {
            RuleMatch match = fallback.get() ? RuleMatch.ANY : match();
            Duration escalate = PolicyFile.duration(escalateAfter.get(), "Escalate after");
            String to = escalateTo.get() == null ? "" : escalateTo.get().strip();
            if ((escalate == null) != to.isEmpty()) {
                throw new IllegalArgumentException("Escalation needs both a time (e.g. 4h) and a role to escalate to, or neither.");
            }
            ApprovalRule rule = new ApprovalRule(fallback.get() ? (name.get().isBlank() ? "fallback" : name.get().strip())
                    : name.get() == null ? "" : name.get().strip(), match, levels(levels.get()), escalate,
                    to.isEmpty() ? null : Role.of(to), PolicyFile.duration(expireAfter.get(), "Expire after"));
            if (fallback.get() && rule.levels().isEmpty()) {
                throw new IllegalArgumentException("The fallback must ask for at least one approval: plans that touch a locked"
                        + " parameter fall to it when their rule asks for none.");
            }
            error.set("");
            return rule;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    void fail(String why) {
        error.set(why);
    }

    private RuleMatch match() {
        Set<String> engineIds = new LinkedHashSet<>();
        for (String e : items(engines.get())) {
            engineIds.add(LockScope.parse("engine:" + e).value());
        }
        Set<String> tierNames = new LinkedHashSet<>();
        for (String t : items(tiers.get())) {
            tierNames.add(LockScope.parse("tier:" + t).value());
        }
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (String t : items(tags.get())) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Tag '" + t + "' must be key=value, e.g. team=payments");
            }
            tagMap.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
        }
        return new RuleMatch(engineIds, tierNames, tagMap, new LinkedHashSet<>(items(instances.get())), minCriticality.get(),
                minRisk.get(), lockedOnly.get(), restartOnly.get(), items(parameters.get()).stream().map(ParameterPattern::new).toList());
    }

    /** "1 reviewer, then 2 change-board" (also "reviewer, 2 change-board"); "no approval" or nothing for none. */
    static List<ApprovalLevel> levels(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("no approval") || t.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<ApprovalLevel> out = new ArrayList<>();
        for (String part : t.split("\\s*(?:,|;|\\bthen\\b)\\s*")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = LEVEL.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("Level '" + part.strip() + "' is not a role with an optional count:"
                        + " write e.g. \"1 reviewer, then 2 change-board\"");
            }
            out.add(new ApprovalLevel(Role.of(m.group(2)), m.group(1) == null ? 1 : Integer.parseInt(m.group(1))));
        }
        return out;
    }

    private static List<String> items(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty enginesProperty() {
        return engines;
    }

    public StringProperty tiersProperty() {
        return tiers;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty instancesProperty() {
        return instances;
    }

    public ObjectProperty<Criticality> minCriticalityProperty() {
        return minCriticality;
    }

    public ObjectProperty<RiskLevel> minRiskProperty() {
        return minRisk;
    }

    public BooleanProperty lockedOnlyProperty() {
        return lockedOnly;
    }

    public BooleanProperty restartOnlyProperty() {
        return restartOnly;
    }

    public StringProperty parametersProperty() {
        return parameters;
    }

    /** The chain as it reads: "1 reviewer, then 2 change-board". */
    public StringProperty levelsProperty() {
        return levels;
    }

    public StringProperty escalateAfterProperty() {
        return escalateAfter;
    }

    public StringProperty escalateToProperty() {
        return escalateTo;
    }

    public StringProperty expireAfterProperty() {
        return expireAfter;
    }

    /** The fallback has no name and no conditions: it takes every plan no rule matches. */
    public ReadOnlyBooleanProperty fallbackProperty() {
        return fallback.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
