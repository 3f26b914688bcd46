package io.knobwright.app.ui.policy;

import io.knobwright.model.policy.ApprovalRule;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What saving would change, one line per change, so that an admin reads before and after before confirming:
 * locks added, removed or given another reason; rules added, removed, changed or moved; the fallback changed.
 */
final class PolicyChanges {

    private PolicyChanges() {
    }

    static List<String> between(Policy before, Policy after) {
        List<String> lines = new ArrayList<>();
        for (LockRule lock : after.locks()) {
            Optional<LockRule> old = before.locks().stream().filter(lock::sameLockAs).findFirst();
            if (old.isEmpty()) {
                lines.add("Lock added: " + lock);
            } else if (!old.get().reason().equals(lock.reason())) {
                lines.add("Lock reason changed: " + lock.parameter() + " on " + lock.scope() + ": \"" + old.get().reason()
                        + "\" → \"" + lock.reason() + "\"");
            }
        }
        for (LockRule lock : before.locks()) {
            if (after.locks().stream().noneMatch(lock::sameLockAs)) {
                lines.add("Lock removed: " + lock);
            }
        }
        Map<String, ApprovalRule> old = before.rules().stream().collect(Collectors.toMap(ApprovalRule::name, Function.identity()));
        Map<String, ApprovalRule> now = after.rules().stream().collect(Collectors.toMap(ApprovalRule::name, Function.identity()));
        for (ApprovalRule rule : after.rules()) {
            ApprovalRule was = old.get(rule.name());
            if (was == null) {
                lines.add("Rule added: " + rule.name() + ": " + RuleText.summary(rule));
            } else if (!was.equals(rule)) {
                lines.add("Rule changed: " + rule.name() + ": " + RuleText.summary(was) + "  ⟶  " + RuleText.summary(rule));
            }
        }
        for (ApprovalRule rule : before.rules()) {
            if (!now.containsKey(rule.name())) {
                lines.add("Rule removed: " + rule.name() + ": " + RuleText.summary(rule));
            }
        }
        List<String> keptBefore = before.rules().stream().map(ApprovalRule::name).filter(now::containsKey).toList();
        List<String> keptAfter = after.rules().stream().map(ApprovalRule::name).filter(old::containsKey).toList();
        if (!keptBefore.equals(keptAfter)) {
            lines.add("Rule order: " + String.join(", ", keptBefore) + "  ⟶  " + String.join(", ", keptAfter));
        }
        if (!before.webhooks().equals(after.webhooks())) {
            lines.add("Webhooks changed: " + before.webhooks().size() + " ⟶ " + after.webhooks().size() + " subscriptions");
        }
        if (!before.fallback().equals(after.fallback())) {
            lines.add("Fallback changed: " + RuleText.summary(before.fallback()) + "  ⟶  " + RuleText.summary(after.fallback()));
        }
        return lines;
    }
}
