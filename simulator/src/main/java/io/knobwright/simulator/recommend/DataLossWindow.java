package io.knobwright.simulator.recommend;

import io.knobwright.model.policy.DurabilitySettings;

import java.util.Optional;

/**
 * What a crash can lose after a durability trade, spelled out for the DBA who allowed it. synchronous_commit = off
 * is a bounded window: "the maximum delay is three times wal_writer_delay" (PostgreSQL documentation, Asynchronous
 * Commit), and the database stays consistent. The other settings are not windows of lost commits but risks of
 * corruption; their text comes from {@link DurabilitySettings}.
 */
final class DataLossWindow {

    private DataLossWindow() {
    }

    /** Empty when the change does not weaken durability. */
    static Optional<String> of(String parameter, String from, String to, Configuration after) {
        Optional<String> loss = DurabilitySettings.weakening(parameter, from, to);
        if (loss.isEmpty()) {
            return loss;
        }
        if (parameter.equals("synchronous_commit") && to.equalsIgnoreCase("off")) {
            double delay = after.value("wal_writer_delay");
            double seconds = Double.isNaN(delay) ? 0.2 : delay;
            return Optional.of("A crash of the server or the OS can lose the transactions committed in the last 3 x "
                    + "wal_writer_delay = " + Texts.number(3 * seconds * 1000) + " ms before it, though clients were"
                    + " told they committed; the database stays consistent (nothing is corrupted).");
        }
        return Optional.of(Character.toUpperCase(loss.get().charAt(0)) + loss.get().substring(1) + ".");
    }
}
