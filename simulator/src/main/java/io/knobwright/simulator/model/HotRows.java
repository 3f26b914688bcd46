package io.knobwright.simulator.model;

import java.util.Objects;

/**
 * Rows that every transaction locks one of, and holds until it commits: pgbench's branch row, a counter, a queue's
 * head. Transactions that pick the same row serialise on it for as long as the holder takes to commit, so a small
 * set of them caps throughput however many cores there are (decision 0158).
 *
 * @param name           what is locked, for the explanation ("UPDATE pgbench_branches ... WHERE bid = :bid")
 * @param rows           the effective number of rows picked from: 1 / Σ p², the inverse of the chance that two
 *                       transactions pick the same row (the row count when picked uniformly, fewer when skewed)
 * @param statementsHeld statements a transaction sends while it holds the lock, the locking one and the commit
 *                       included
 */
public record HotRows(String name, double rows, double statementsHeld) {

    public HotRows {
        Objects.requireNonNull(name, "name");
        if (!(rows >= 1) || !(statementsHeld >= 1)) {
            throw new IllegalArgumentException("A hot set has at least one row and is held for at least one statement: "
                    + name + " (" + rows + " rows, " + statementsHeld + " statements)");
        }
    }
}
