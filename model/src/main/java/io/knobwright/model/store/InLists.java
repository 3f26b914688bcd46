package io.knobwright.model.store;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Conditions on many values at once, written so H2 can answer them quickly. jOOQ binds each value of an IN list as
 * {@code cast(? as bigint)}; H2 then checks every candidate row against the whole list, one cast at a time (reading
 * the settings of 1,000 snapshots cost seconds). Values written into the SQL as literals (numbers, or text quoted
 * and escaped by jOOQ) become a constant set that H2 looks rows up in.
 */
final class InLists {

    /** Keeps IN lists well below what H2 parses comfortably. */
    static final int CHUNK = 1000;

    private InLists() {
    }

    /** One value stays a bind value: the same SQL then runs again without H2 parsing it (a single instance's snapshot). */
    static <T> Condition in(Field<T> field, Collection<T> values) {
        if (values.size() == 1) {
            return field.eq(values.iterator().next());
        }
        List<Field<T>> literals = new ArrayList<>(values.size());
        for (T value : values) {
            literals.add(DSL.inline(value, field));
        }
        return field.in(literals);
    }

    /** {@code ids} without duplicates, in chunks of at most {@link #CHUNK}. */
    static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }
}
