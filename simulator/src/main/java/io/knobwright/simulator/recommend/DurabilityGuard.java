package io.knobwright.simulator.recommend;

import io.knobwright.model.policy.DurabilitySettings;

import java.util.Optional;

/**
 * Durability settings (fsync, synchronous_commit, full_page_writes; innodb_flush_log_at_trx_commit and sync_binlog
 * for MySQL and MariaDB) are never weakened unless the user allowed a durability trade.
 */
public final class DurabilityGuard implements Constraint {

    @Override
    public String name() {
        return "durability never weakened unless allowed";
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
        if (candidate.request().options().allowDurabilityTrade()) {
            return Optional.empty();
        }
        for (String parameter : candidate.changes()) {
            Optional<String> loss = DurabilitySettings.weakening(parameter, candidate.current().text(parameter),
                    candidate.proposed().text(parameter));
            if (loss.isPresent()) {
                return Optional.of(parameter + " = " + candidate.proposed().text(parameter) + " weakens durability ("
                        + loss.get() + "); it is proposed only when a durability trade is allowed.");
            }
        }
        return Optional.empty();
    }
}
