package io.knobwright.model.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ordered approval rule: when {@link #match} holds (the first matching rule wins), a plan needs its
 * {@link #levels} in order. A rule with no levels lets a plan through without approval (e.g. development
 * instances), except a plan that touches a locked parameter, which then falls to the policy's fallback.
 *
 * @param escalateAfter how long a level may wait before holders of {@code escalateTo} may decide it too; null: never
 * @param expireAfter   how long a submitted plan waits in all before it expires; null: never
 */
public record ApprovalRule(String name, RuleMatch match, List<ApprovalLevel> levels, Duration escalateAfter,
                           Role escalateTo, Duration expireAfter) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}");

    public ApprovalRule {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Rule name '" + name + "' is not valid: letters, digits, ' ', '_', '.', '-',"
                    + " at most 80 characters");
        }
        Objects.requireNonNull(match, "match");
        levels = List.copyOf(levels);
        if (levels.size() > 10) {
            throw new IllegalArgumentException("Rule '" + name + "' has " + levels.size() + " levels; at most 10 are allowed");
        }
        if ((escalateAfter == null) != (escalateTo == null)) {
            throw new IllegalArgumentException("Rule '" + name + "' needs both escalateAfter and escalateTo, or neither");
        }
        positive(name, "escalateAfter", escalateAfter);
        positive(name, "expireAfter", expireAfter);
    }

    private static void positive(String rule, String what, Duration d) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("Rule '" + rule + "': " + what + " must be a positive duration, not " + d);
        }
    }

    /** What a store with no policy asks: one approval by a reviewer who is not the author. */
    public static ApprovalRule defaultFallback() {
        return new ApprovalRule("default", RuleMatch.ANY, List.of(new ApprovalLevel(Role.REVIEWER, 1)), null, null, null);
    }

    /** "1 senior-dba, then 2 change-board"; "no approval" for an empty chain. */
    public String chainText() {
        return levels.isEmpty() ? "no approval" : String.join(", then ", levels.stream().map(ApprovalLevel::toString).toList());
    }
}
