package io.knobwright.app.cli;

import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Recommendations for many instances on a bounded pool: the search is CPU work (~0.1-0.5 s each), so more threads
 * than cores only queue. Each instance's failure is its own line; the rest go on. Results keep the fleet's order.
 */
final class FleetRecommendations {

    private FleetRecommendations() {
    }

    /** One instance's answer, or why it has none. */
    record Item(Instance instance, RecommendationService.Outcome outcome, String error, boolean bug) {
    }

    record Result(List<Item> items, Duration elapsed) {
        Result {
            items = List.copyOf(items);
        }

        long failed() {
            return items.stream().filter(i -> i.outcome() == null).count();
        }

        boolean bug() {
            return items.stream().anyMatch(Item::bug);
        }

        String summary() {
            return String.format(Locale.ROOT, "knobwright: %d instances in %.1f s; %d answered, %d could not be.",
                    items.size(), elapsed.toMillis() / 1000.0, items.size() - failed(), failed());
        }
    }

    /**
     * @param progress receives one line per finished instance ("[12/1000] orders: 2 changes"), from pool threads
     */
    static Result run(List<Instance> instances, Function<Instance, RecommendationService.Outcome> recommend,
                      int threads, Consumer<String> progress) {
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        int total = instances.size();
        List<Future<Item>> futures = new ArrayList<>(total);
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total))) {
            for (Instance instance : instances) {
                futures.add(pool.submit(() -> {
                    Item item = one(instance, recommend);
                    String answer = item.outcome() == null ? "could not be answered: " + item.error()
                            : item.outcome().set().noChange() ? "no change"
                            : item.outcome().set().recommendations().size() + " change"
                                    + (item.outcome().set().recommendations().size() == 1 ? "" : "s");
                    synchronized (progress) {
                        progress.accept("[" + done.incrementAndGet() + "/" + total + "] " + Table.cell(instance.name())
                                + ": " + answer);
                    }
                    return item;
                }));
            }
        }
        List<Item> items = new ArrayList<>(total);
        for (Future<Item> f : futures) {
            try {
                items.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while recommending", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());   // one() catches everything; this is a bug
            }
        }
        return new Result(items, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Item one(Instance instance, Function<Instance, RecommendationService.Outcome> recommend) {
        try {
            return new Item(instance, recommend.apply(instance), null, false);
        } catch (RuntimeException e) {
            return UserError.of(e).map(u -> new Item(instance, null, u.getMessage(), false))
                    .orElseGet(() -> new Item(instance, null, "a bug in Knobwright: " + e, true));
        }
    }
}
