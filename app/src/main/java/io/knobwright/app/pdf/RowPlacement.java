package io.knobwright.app.pdf;

/**
 * Where the layout put one row of a table: what lets a test (or a curious reader) check that no row was cut by a
 * page break and that the header row was repeated on every page a table continues on.
 *
 * @param table  the table's id ("changes:42", "rollback:42", "audit:42", "index")
 * @param row    the row's index among the table's data rows; -1 for a header row
 * @param page   1-based page number
 * @param top    the row's top edge, in points from the bottom of the page
 * @param bottom its bottom edge, likewise; always on the same page as its top
 */
public record RowPlacement(String table, int row, int page, float top, float bottom) {

    public boolean header() {
        return row < 0;
    }
}
