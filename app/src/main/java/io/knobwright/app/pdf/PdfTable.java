package io.knobwright.app.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A ruled table for {@link PageFlow}: columns with relative widths, an optional header row (repeated on every page
 * the table continues on) and rows of wrapped text. Built once, then laid out.
 *
 * @see PageFlow#table(PdfTable)
 */
final class PdfTable {

    /** How a cell's text is drawn. */
    enum Look { NORMAL, BOLD, MONO, MUTED, WARNING }

    /** @param weight the column's share of the table's width, relative to the other columns' weights */
    record Column(String header, float weight, Look look, boolean shaded) {
        Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(look, "look");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("A column's weight must be positive: " + weight);
            }
        }
    }

    /** @param look null: the column's */
    record Cell(String text, Look look) {
        Cell {
            text = text == null ? "" : text;
        }
    }

    /** @param flagged drawn on a tinted background: a row the reader must not miss */
    record Row(List<Cell> cells, boolean flagged) {
        Row {
            cells = List.copyOf(cells);
        }
    }

    private final String id;
    private final String caption;
    private final List<Column> columns = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private boolean header = true;
    private boolean zebra = true;

    /**
     * @param id      names the table in the layout's record of row placements ("changes:42")
     * @param caption printed above the table, and with "(continued)" above its continuation on later pages;
     *                empty for none
     */
    PdfTable(String id, String caption) {
        this.id = Objects.requireNonNull(id, "id");
        this.caption = caption == null ? "" : caption;
    }

    PdfTable column(String header, float weight) {
        return column(header, weight, Look.NORMAL);
    }

    PdfTable column(String header, float weight, Look look) {
        columns.add(new Column(header, weight, look, false));
        return this;
    }

    /** A column of labels: bold on a shaded background (a form's left column). */
    PdfTable labelColumn(String header, float weight) {
        columns.add(new Column(header, weight, Look.BOLD, true));
        return this;
    }

    /** No header row: a form of labels and values. */
    PdfTable withoutHeader() {
        header = false;
        return this;
    }

    PdfTable withoutZebra() {
        zebra = false;
        return this;
    }

    PdfTable row(String... texts) {
        return add(false, Arrays.stream(texts).map(t -> new Cell(t, null)).toList());
    }

    PdfTable row(Cell... cells) {
        return add(false, List.of(cells));
    }

    PdfTable add(boolean flagged, List<Cell> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("Table " + id + " has " + columns.size() + " columns, not " + cells.size());
        }
        rows.add(new Row(cells, flagged));
        return this;
    }

    static Cell cell(String text, Look look) {
        return new Cell(text, look);
    }

    String id() {
        return id;
    }

    String caption() {
        return caption;
    }

    List<Column> columns() {
        return List.copyOf(columns);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    boolean hasHeader() {
        return header;
    }

    boolean zebra() {
        return zebra;
    }

    /** The columns' widths in points for a table this wide. */
    float[] widths(float tableWidth) {
        float total = 0;
        for (Column c : columns) {
            total += c.weight();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = tableWidth * columns.get(i).weight() / total;
        }
        return widths;
    }
}
