package io.knobwright.simulator.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

/**
 * The order of an experiment's runs: randomised multiple interleaved trials (RMIT, Abedi and Brecht, ICPE'17).
 * Every round runs each configuration once, in a freshly shuffled order, so a drift of the machine (a neighbour's
 * backup, a warming disk cache) falls on all configurations alike instead of on whichever ran last: A B, B A, A B ...
 * The first rounds are warm-up, run the same way and discarded.
 *
 * @param runs in the order to run them
 */
public record RunSchedule(List<Run> runs) {

    /**
     * One run.
     *
     * @param order     0-based position in the schedule
     * @param round     1-based round among the warm-up rounds, or among the measured rounds
     * @param warmUp    run only to warm caches: its result is discarded
     */
    public record Run(int order, String configuration, int round, boolean warmUp) {
    }

    public RunSchedule {
        runs = List.copyOf(runs);
    }

    /**
     * @param configurations distinct names ("A", "B", or the scenarios' names)
     * @param replicates     measured runs of each configuration, at least 1
     * @param warmUpRounds   rounds run first and discarded, 0 or more
     * @param seed           the shuffle's seed: the same seed gives the same order (a plan can be shown, then run)
     */
    public static RunSchedule interleaved(List<String> configurations, int replicates, int warmUpRounds, long seed) {
        if (configurations.isEmpty()) {
            throw new IllegalArgumentException("An experiment runs at least one configuration");
        }
        if (new HashSet<>(configurations).size() != configurations.size()) {
            throw new IllegalArgumentException("Each configuration is named once: " + configurations);
        }
        if (replicates < 1 || warmUpRounds < 0) {
            throw new IllegalArgumentException("An experiment has at least one measured run per configuration and no "
                    + "negative warm-up: " + replicates + " runs, " + warmUpRounds + " warm-up rounds");
        }
        Random random = new Random(seed);
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= warmUpRounds; round++) {
            addRound(runs, configurations, round, true, random);
        }
        for (int round = 1; round <= replicates; round++) {
            addRound(runs, configurations, round, false, random);
        }
        return new RunSchedule(runs);
    }

    private static void addRound(List<Run> runs, List<String> configurations, int round, boolean warmUp, Random random) {
        List<String> order = new ArrayList<>(configurations);
        Collections.shuffle(order, random);
        for (String configuration : order) {
            runs.add(new Run(runs.size(), configuration, round, warmUp));
        }
    }

    /** The runs whose results count. */
    public List<Run> measured() {
        return runs.stream().filter(r -> !r.warmUp()).toList();
    }

    /** The measured runs of one configuration, in order. */
    public List<Run> of(String configuration) {
        return measured().stream().filter(r -> r.configuration().equals(configuration)).toList();
    }

    /** "A B | B A A B" with the warm-up before the bar, for a plan shown before it runs. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        boolean warm = true;
        for (Run r : runs) {
            if (warm && !r.warmUp() && r.order() > 0) {
                out.append("| ");
            }
            warm = r.warmUp();
            out.append(r.configuration()).append(' ');
        }
        return out.toString().strip();
    }
}
