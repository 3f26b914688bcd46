package io.knobwright.app.ui.policy;

import io.knobwright.model.policy.ApprovalRule;

import java.util.Objects;

/**
 * One line of the ordered rules list: a rule at its position (first match wins), or the fallback, which always
 * comes last and takes every plan no rule matches.
 *
 * @param position 1 for the first rule; 0 for the fallback
 */
public record RuleItem(ApprovalRule rule, int position) {

    public RuleItem {
        Objects.requireNonNull(rule, "rule");
    }

    public boolean fallback() {
        return position == 0;
    }

    /** "1. production" or "fallback". */
    public String title() {
        return fallback() ? "Fallback: every other plan" : position + ". " + rule.name();
    }

    /** "tier production → 1 reviewer, then 1 admin". */
    public String line() {
        return (fallback() ? "any plan no rule matches" : RuleText.match(rule.match())) + " → " + rule.chainText();
    }

    public String when() {
        return fallback() ? "any plan no rule above matches (and plans touching a lock whose rule needs no approval)"
                : RuleText.match(rule.match());
    }

    public String escalation() {
        return RuleText.escalation(rule);
    }

    public String expiry() {
        return RuleText.expiry(rule);
    }
}
