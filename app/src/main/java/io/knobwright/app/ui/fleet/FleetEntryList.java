package io.knobwright.app.ui.fleet;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The fleet table's entries. Going from one search result to the next is reported as removals, then
 * additions, never as one replacement: on a replacement (or a removal of everything) TableView empties and
 * refills every visible row, which costs more than the filtering itself on each keystroke. Removals and
 * additions only update the rows whose entry changed. When the kept entries change order (a new sort),
 * the list is replaced as usual.
 */
final class FleetEntryList extends ModifiableObservableListBase<FleetEntry> {

    private List<FleetEntry> items = new ArrayList<>();

    /** Makes this list hold {@code next}, in its order, with as few changes as the two orders allow. */
    void update(List<? extends FleetEntry> next) {
        Set<FleetEntry> wanted = identitySet(next);
        List<FleetEntry> kept = new ArrayList<>(Math.min(items.size(), next.size()));
        for (FleetEntry e : items) {
            if (wanted.contains(e)) {
                kept.add(e);
            }
        }
        if (kept.isEmpty() || !isInOrderWithin(kept, next)) {
            setAll(next);
            return;
        }
        removeAllBut(wanted, kept);
        addMissing(next);
    }

    /** One change of removal sub-changes; afterwards the list holds {@code kept}. */
    private void removeAllBut(Set<FleetEntry> wanted, List<FleetEntry> kept) {
        if (kept.size() == items.size()) {
            return;
        }
        beginChange();
        try {
            List<FleetEntry> run = new ArrayList<>();
            int position = 0;
            for (FleetEntry e : items) {
                if (wanted.contains(e)) {
                    position = flushRemoved(run, position) + 1;
                } else {
                    run.add(e);
                }
            }
            flushRemoved(run, position);
            items = kept;
        } finally {
            endChange();
        }
    }

    /** Reports a run of removed entries at {@code position} of the list as it is after earlier runs. */
    private int flushRemoved(List<FleetEntry> run, int position) {
        if (!run.isEmpty()) {
            nextRemove(position, List.copyOf(run));
            run.clear();
        }
        return position;
    }

    /** One change of addition sub-changes; afterwards the list holds {@code next}. */
    private void addMissing(List<? extends FleetEntry> next) {
        if (items.size() == next.size()) {
            return;
        }
        beginChange();
        try {
            Set<FleetEntry> present = identitySet(items);
            int runStart = -1;
            for (int i = 0; i < next.size(); i++) {
                boolean added = !present.contains(next.get(i));
                if (added && runStart < 0) {
                    runStart = i;
                } else if (!added && runStart >= 0) {
                    nextAdd(runStart, i);
                    runStart = -1;
                }
            }
            if (runStart >= 0) {
                nextAdd(runStart, next.size());
            }
            items = new ArrayList<>(next);
        } finally {
            endChange();
        }
    }

    /** True when {@code kept} appears in {@code next} in the same order (not necessarily next to each other). */
    private static boolean isInOrderWithin(List<FleetEntry> kept, List<? extends FleetEntry> next) {
        int k = 0;
        for (FleetEntry e : next) {
            if (k < kept.size() && kept.get(k) == e) {
                k++;
            }
        }
        return k == kept.size();
    }

    private static Set<FleetEntry> identitySet(List<? extends FleetEntry> entries) {
        Set<FleetEntry> set = Collections.newSetFromMap(new IdentityHashMap<>(entries.size() * 2));
        set.addAll(entries);
        return set;
    }

    @Override
    public FleetEntry get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected void doAdd(int index, FleetEntry element) {
        items.add(index, element);
    }

    @Override
    protected FleetEntry doSet(int index, FleetEntry element) {
        return items.set(index, element);
    }

    @Override
    protected FleetEntry doRemove(int index) {
        return items.remove(index);
    }
}
