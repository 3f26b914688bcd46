package io.knobwright.app.ui.fleet;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FleetEntryListTest {

    private static final List<FleetEntry> FLEET = IntStream.range(0, 300)
            .mapToObj(i -> (FleetEntry) new FleetGroupHeader("k" + i, "entry " + i, i, false)).toList();

    private final FleetEntryList list = new FleetEntryList();
    /** How many change events the list fired. */
    private int events;
    /** Events that would make TableView empty and refill every visible row, described when they happened. */
    private final List<String> refills = new ArrayList<>();
    /** What a listener rebuilds from the changes alone, as TableView and the selection model do. */
    private final List<FleetEntry> mirror = new ArrayList<>();

    FleetEntryListTest() {
        list.addListener((ListChangeListener<FleetEntry>) c -> {
            events++;
            int sizeBefore = mirror.size();
            while (c.next()) {
                if (c.wasReplaced() || c.wasRemoved() && c.getRemovedSize() == sizeBefore) {
                    refills.add((c.wasReplaced() ? "replaced " : "removed all ") + c.getRemovedSize() + " of " + sizeBefore);
                }
                if (c.wasPermutated()) {
                    throw new AssertionError("no permutations expected");
                }
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    mirror.remove(c.getFrom());
                }
                if (c.wasAdded()) {
                    mirror.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        });
    }

    @Test
    void narrowingAndWideningASearchNeverReplacesRows() {
        list.update(FLEET);
        events = 0;
        refills.clear();
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<FleetEntry> next = subsequence(random, 0.2 + random.nextDouble() * 0.8);
            if (next.isEmpty()) {
                continue;
            }
            list.update(next);
            assertThat(list).containsExactlyElementsOf(next);
            assertThat(mirror).containsExactlyElementsOf(next);
        }
        assertThat(events).isPositive();
        assertThat(refills).isEmpty();
    }

    @Test
    void aNewOrderReplacesTheEntries() {
        list.update(FLEET.subList(0, 10));
        List<FleetEntry> reversed = new ArrayList<>(FLEET.subList(0, 10));
        Collections.reverse(reversed);
        events = 0;

        list.update(reversed);

        assertThat(list).containsExactlyElementsOf(reversed);
        assertThat(mirror).containsExactlyElementsOf(reversed);
        assertThat(events).isEqualTo(1);
    }

    @Test
    void unchangedEntriesFireNothing() {
        list.update(FLEET.subList(5, 50));
        events = 0;

        list.update(new ArrayList<>(FLEET.subList(5, 50)));

        assertThat(events).isZero();
    }

    @Test
    void disjointResultsAndTheEmptyResultStillEndRight() {
        list.update(FLEET.subList(0, 20));
        list.update(FLEET.subList(100, 120));
        assertThat(list).containsExactlyElementsOf(FLEET.subList(100, 120));
        list.update(List.of());
        assertThat(list).isEmpty();
        list.update(FLEET.subList(3, 4));
        assertThat(list).containsExactlyElementsOf(FLEET.subList(3, 4));
        assertThat(mirror).containsExactlyElementsOf(FLEET.subList(3, 4));
    }

    private static List<FleetEntry> subsequence(Random random, double keep) {
        return FLEET.stream().filter(e -> random.nextDouble() < keep).toList();
    }
}
