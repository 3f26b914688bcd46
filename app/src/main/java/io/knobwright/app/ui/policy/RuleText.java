package io.knobwright.app.ui.policy;

import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.RuleMatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Approval rules in words, as the policy screen and its before/after summary show them. */
final class RuleText {

    private RuleText() {
    }

    /** "tier production · engine postgresql · risk at least high"; "any plan" for an empty match. */
    static String match(RuleMatch m) {
        List<String> parts = new ArrayList<>();
        if (!m.tiers().isEmpty()) {
            parts.add("tier " + String.join(" or ", m.tiers()));
        }
        if (!m.engines().isEmpty()) {
            parts.add("engine " + String.join(" or ", m.engines()));
        }
        if (!m.tags().isEmpty()) {
            parts.add("tags " + String.join(", ", m.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (!m.instances().isEmpty()) {
            parts.add("instance " + String.join(" or ", m.instances()));
        }
        if (m.minCriticality() != null) {
            parts.add("criticality at least " + m.minCriticality().name().toLowerCase(Locale.ROOT));
        }
        if (m.minRisk() != null) {
            parts.add("risk at least " + m.minRisk().name().toLowerCase(Locale.ROOT));
        }
        if (m.lockedOnly()) {
            parts.add("touches a locked parameter");
        }
        if (m.restartOnly()) {
            parts.add("needs a restart");
        }
        if (!m.parameters().isEmpty()) {
            parts.add("changes " + String.join(" or ", m.parameters().stream().map(ParameterPattern::text).toList()));
        }
        return parts.isEmpty() ? "any plan" : String.join(" · ", parts);
    }

    /** "after 4h, admin may decide too"; "never". */
    static String escalation(ApprovalRule rule) {
        return rule.escalateAfter() == null ? "never" : "after " + duration(rule.escalateAfter()) + ", " + rule.escalateTo()
                + " may decide too";
    }

    /** "after 3d undecided"; "never". */
    static String expiry(ApprovalRule rule) {
        return rule.expireAfter() == null ? "never" : "after " + duration(rule.expireAfter()) + " undecided";
    }

    /** The whole rule on one line, for the before/after summary. */
    static String summary(ApprovalRule rule) {
        return match(rule.match()) + " → " + rule.chainText()
                + (rule.escalateAfter() == null ? "" : "; escalates " + escalation(rule))
                + (rule.expireAfter() == null ? "" : "; expires " + expiry(rule));
    }

    /** "4h", "3d", "90m", as a policy file writes them. */
    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
