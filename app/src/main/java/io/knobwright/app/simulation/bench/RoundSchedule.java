package io.knobwright.app.simulation.bench;

/**
 * Which of a bench's interleaved rounds measure a configuration (decision 0160). The calibration configurations run in
 * more rounds than the predicted ones, because their noise goes into every prediction; a configuration with fewer runs
 * takes rounds spread evenly over all of them, from the first to the last, so a drift of the machine during the bench
 * falls on the calibration and the predicted runs alike (their runs share the same mean round).
 */
record RoundSchedule(int rounds) {

    RoundSchedule {
        if (rounds < 1) {
            throw new IllegalArgumentException("A bench has at least one round, not " + rounds + ".");
        }
    }

    /** The schedule for configurations measured {@code runs} times each: as many rounds as the most runs. */
    static RoundSchedule of(int... runs) {
        int most = 0;
        for (int r : runs) {
            most = Math.max(most, r);
        }
        return new RoundSchedule(most);
    }

    /** True when a configuration measured {@code runs} times runs in round {@code round} (0-based). */
    boolean measures(int runs, int round) {
        if (runs < 1 || runs > rounds) {
            throw new IllegalArgumentException(runs + " runs do not fit in " + rounds + " rounds.");
        }
        if (runs == 1) {
            return round == (rounds - 1) / 2;
        }
        for (int i = 0; i < runs; i++) {
            if (Math.round(i * (rounds - 1) / (double) (runs - 1)) == round) {
                return true;
            }
        }
        return false;
    }
}
