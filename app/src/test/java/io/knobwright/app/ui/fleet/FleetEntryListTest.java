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
    private final List<ListChangeListener.Change<? extends FleetEntry>> changes = new ArrayList<>();
    /** What a listener rebuilds from the changes alone, as TableView and the selection model do. */
    private final List<FleetEntry> mirror = new ArrayList<>();

    FleetEntryListTest() {
        list.addListener((ListChangeListener<FleetEntry>) c -> {
            changes.add(c);
            while (c.next()) {
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
            c.reset();
        });
    }

    @Test
    void narrowingAndWideningASearchNeverReplacesRows() {
        list.update(FLEET);
        changes.clear();
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
        assertThat(changes).isNotEmpty().noneMatch(FleetEntryListTest::replacesOrEmpties);
    }

    @Test
    void aNewOrderReplacesTheEntries() {
        list.update(FLEET.subList(0, 10));
        List<FleetEntry> reversed = new ArrayList<>(FLEET.subList(0, 10));
        Collections.reverse(reversed);
        changes.clear();

        list.update(reversed);

        assertThat(list).containsExactlyElementsOf(reversed);
        assertThat(mirror).containsExactlyElementsOf(reversed);
        assertThat(changes).hasSize(1);
    }

    @Test
    void unchangedEntriesFireNothing() {
        list.update(FLEET.subList(5, 50));
        changes.clear();

        list.update(new ArrayList<>(FLEET.subList(5, 50)));

        assertThat(changes).isEmpty();
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

    /** What makes TableView empty and refill every visible row: a replacement, or everything removed. */
    private static boolean replacesOrEmpties(ListChangeListener.Change<? extends FleetEntry> c) {
        boolean bad = false;
        while (c.next()) {
            bad |= c.wasReplaced() || c.getList().isEmpty() && c.wasRemoved();
        }
        c.reset();
        return bad;
    }
}
