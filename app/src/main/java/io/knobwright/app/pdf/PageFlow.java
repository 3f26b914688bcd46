package io.knobwright.app.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flows text and tables down A4 pages, starting a new page when the next line or table row does not fit. A table
 * row is never cut: it moves whole to the next page, under a repeated header row. A cell's text is wrapped within
 * its column and capped at {@link #MAX_CELL_LINES} lines, so no row is taller than a page. Footers are drawn last,
 * when the page count is known.
 */
final class PageFlow {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN_X = 42f;
    static final float TOP = SIZE.getHeight() - 42f;
    /** Content ends here; the footer lives below. */
    static final float BOTTOM = 62f;
    static final float BODY = 9.5f;
    static final float TABLE = 8f;
    static final float SMALL = 7.5f;
    static final float CAPTION = 9.5f;
    static final int MAX_CELL_LINES = 40;

    private static final float LEADING = 1.3f;
    private static final float CELL_PAD_X = 3.5f;
    private static final float CELL_PAD_Y = 2.5f;
    private static final float[] INK = {0.08f, 0.08f, 0.08f};
    private static final float[] MUTED = {0.38f, 0.38f, 0.38f};
    private static final float[] WARNING = {0.62f, 0.1f, 0.05f};

    /** A page's footer: what it belongs to, left; "Page N of M" right; when and by what it was made below. */
    record Footer(String generated) {
        Footer {
            Objects.requireNonNull(generated, "generated");
        }
    }

    private final PDDocument document;
    private final PdfFonts fonts;
    private final List<PDPage> pages = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<RowPlacement> placements = new ArrayList<>();
    private PDPageContentStream content;
    private String label = "";
    private float y;

    PageFlow(PDDocument document, PdfFonts fonts) {
        this.document = Objects.requireNonNull(document, "document");
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    PdfFonts fonts() {
        return fonts;
    }

    /** 1-based number of the page being filled; 0 before the first. */
    int pageNumber() {
        return pages.size();
    }

    List<RowPlacement> placements() {
        return List.copyOf(placements);
    }

    static float width() {
        return SIZE.getWidth() - 2 * MARGIN_X;
    }

    /** Starts a page whose footer (and that of the pages it continues on) names {@code footerLabel}. */
    void newPage(String footerLabel) {
        if (pending != null) {
            block(0);
        }
        startPage(footerLabel);
    }

    private void startPage(String footerLabel) {
        label = footerLabel == null ? "" : footerLabel;
        try {
            closeContent();
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            pages.add(page);
            labels.add(label);
            content = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void continuePage() {
        startPage(label);
    }

    /** Room below the cursor on this page, in points. */
    private float room() {
        return y - BOTTOM;
    }

    /** Moves to a new page unless {@code height} points still fit on this one. */
    void keep(float height) {
        // on a page still empty a new page would gain nothing but a blank sheet
        if (content == null || room() < height && y < TOP) {
            continuePage();
        }
    }

    /** Keeps the next {@code height} points (and a heading waiting above them) on one page. */
    void keepTogether(float height) {
        block(height);
    }

    void space(float points) {
        y -= points;
    }

    // ---- text ----

    void title(String text) {
        lines(text, fonts.bold(), 17f, INK);
        space(4);
    }

    /** A heading waits to be drawn with the block that follows it, so it never ends a page alone. */
    private record Heading(String text, float size, float spaceBefore, boolean rule, float spaceAfter) {
    }

    private Heading pending;

    /** A section's heading, with a rule under it; kept on the page of what follows it. */
    void heading(String text) {
        pending = new Heading(text, 13f, 12, true, 7);
    }

    void subheading(String text) {
        pending = new Heading(text, 10.5f, 6, false, 2);
    }

    /** Makes room for the next block ({@code height} points) and any heading waiting to go above it. */
    private void block(float height) {
        Heading heading = pending;
        if (heading == null) {
            keep(height);
            return;
        }
        pending = null;
        List<String> lines = TextWrap.lines(heading.text(), fonts.bold(), heading.size(), width());
        float headingHeight = heading.spaceBefore() + lines.size() * heading.size() * LEADING + heading.spaceAfter();
        keep(headingHeight + height);
        if (y < TOP) {
            space(heading.spaceBefore()); // at the top of a page the margin is space enough
        }
        for (String line : lines) {
            drawLine(line, fonts.bold(), heading.size(), INK, MARGIN_X, y - heading.size());
            y -= heading.size() * LEADING;
        }
        if (heading.rule()) {
            draw(() -> {
                content.setStrokingColor(0.3f);
                content.setLineWidth(0.8f);
                content.moveTo(MARGIN_X, y - 1.5f);
                content.lineTo(MARGIN_X + width(), y - 1.5f);
                content.stroke();
            });
        }
        space(heading.spaceAfter());
    }

    void paragraph(String text) {
        lines(text, fonts.regular(), BODY, INK);
        space(3);
    }

    void muted(String text) {
        lines(text, fonts.regular(), SMALL + 0.5f, MUTED);
        space(3);
    }

    /** A paragraph the reader must not miss (no baseline, a bypass), in bold. */
    void warning(String text) {
        lines(text, fonts.bold(), BODY, WARNING);
        space(3);
    }

    /**
     * A value to copy by hand (an audit hash): the label in bold and the value in the monospaced face, on one line
     * when both fit.
     */
    void labelledCode(String label, String value) {
        PdfFont bold = fonts.bold();
        PdfFont mono = fonts.mono();
        String shownLabel = bold.printable(label);
        String shownValue = mono.printable(value);
        float labelWidth = bold.width(shownLabel + " ", BODY);
        float valueSize = BODY - 0.5f;
        if (labelWidth + mono.width(shownValue, valueSize) <= width()) {
            block(BODY * LEADING);
            drawLine(shownLabel, bold, BODY, INK, MARGIN_X, y - BODY);
            drawLine(shownValue, mono, valueSize, INK, MARGIN_X + labelWidth, y - BODY);
            y -= BODY * LEADING;
        } else {
            lines(label, bold, BODY, INK);
            lines(value, mono, BODY, INK);
        }
        space(3);
    }

    /** A framed box with a small label and a large value: the change ticket on a plan's first page. */
    void banner(String label, String value, float valueSize) {
        float width = width();
        List<String> valueLines = TextWrap.lines(value, fonts.bold(), valueSize, width - 20, 4);
        float height = 8 + SMALL * LEADING + valueLines.size() * valueSize * LEADING + 6;
        block(height + 4);
        float top = y;
        draw(() -> {
            content.setNonStrokingColor(0.93f);
            content.addRect(MARGIN_X, top - height, width, height);
            content.fill();
            content.setStrokingColor(0.35f);
            content.setLineWidth(1f);
            content.addRect(MARGIN_X, top - height, width, height);
            content.stroke();
        });
        float baseline = top - 8 - SMALL;
        drawLine(fonts.regular().printable(label), fonts.regular(), SMALL, MUTED, MARGIN_X + 10, baseline);
        baseline -= SMALL * 0.35f;
        for (String line : valueLines) {
            baseline -= valueSize * LEADING;
            drawLine(line, fonts.bold(), valueSize, INK, MARGIN_X + 10, baseline + valueSize * 0.25f);
        }
        y = top - height - 8;
    }

    private void lines(String text, PdfFont font, float size, float[] color) {
        float leading = size * LEADING;
        List<String> lines = TextWrap.lines(text, font, size, width());
        block(Math.min(lines.size(), 2) * leading);
        for (String line : lines) {
            keep(leading);
            drawLine(line, font, size, color, MARGIN_X, y - size);
            y -= leading;
        }
    }

    // ---- tables ----

    private record Prepared(List<List<String>> cells, List<PdfTable.Look> looks, float height) {
    }

    private enum Shade { NONE, ZEBRA, HEADER, FLAGGED }

    /** Lays out a table; its caption, header row and first row stay together. */
    void table(PdfTable table) {
        float[] widths = table.widths(width());
        List<PdfTable.Column> columns = table.columns();
        Prepared header = table.hasHeader() ? prepare(columns.stream().map(PdfTable.Column::header).toList(), widths,
                columns.stream().map(c -> PdfTable.Look.BOLD).toList()) : null;
        List<PdfTable.Row> rows = table.rows();
        List<Prepared> prepared = new ArrayList<>(rows.size());
        for (PdfTable.Row row : rows) {
            List<PdfTable.Look> looks = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                PdfTable.Look look = row.cells().get(i).look();
                looks.add(look == null ? columns.get(i).look() : look);
            }
            prepared.add(prepare(row.cells().stream().map(PdfTable.Cell::text).toList(), widths, looks));
        }
        float captionHeight = table.caption().isEmpty() ? 0 : CAPTION * LEADING + 2;
        float headerHeight = header == null ? 0 : header.height();
        block(captionHeight + headerHeight + (prepared.isEmpty() ? 0 : prepared.getFirst().height()) + 2);
        caption(table, false);
        drawHeader(table, header, widths);
        for (int r = 0; r < prepared.size(); r++) {
            Prepared row = prepared.get(r);
            if (room() < row.height()) {
                continuePage();
                caption(table, true);
                drawHeader(table, header, widths);
            }
            Shade shade = rows.get(r).flagged() ? Shade.FLAGGED : table.zebra() && r % 2 == 1 ? Shade.ZEBRA : Shade.NONE;
            drawRow(table, row, widths, shade);
            placements.add(new RowPlacement(table.id(), r, pageNumber(), y + row.height(), y));
        }
        space(8);
    }

    private void caption(PdfTable table, boolean continued) {
        if (table.caption().isEmpty()) {
            return;
        }
        String text = continued ? table.caption() + " (continued)" : table.caption();
        drawLine(TextWrap.firstLine(text, fonts.bold(), CAPTION, width()), fonts.bold(), CAPTION, continued ? MUTED : INK,
                MARGIN_X, y - CAPTION);
        y -= CAPTION * LEADING + 2;
    }

    private void drawHeader(PdfTable table, Prepared header, float[] widths) {
        if (header == null) {
            return;
        }
        drawRow(table, header, widths, Shade.HEADER);
        placements.add(new RowPlacement(table.id(), -1, pageNumber(), y + header.height(), y));
    }

    private Prepared prepare(List<String> texts, float[] widths, List<PdfTable.Look> looks) {
        List<List<String>> cells = new ArrayList<>(texts.size());
        int most = 1;
        for (int i = 0; i < texts.size(); i++) {
            List<String> lines = TextWrap.lines(texts.get(i), font(looks.get(i)), TABLE, widths[i] - 2 * CELL_PAD_X,
                    MAX_CELL_LINES);
            cells.add(lines);
            most = Math.max(most, lines.size());
        }
        return new Prepared(cells, looks, most * TABLE * LEADING + 2 * CELL_PAD_Y);
    }

    private void drawRow(PdfTable table, Prepared row, float[] widths, Shade shade) {
        float top = y;
        float bottom = y - row.height();
        draw(() -> {
            float x = MARGIN_X;
            for (int i = 0; i < widths.length; i++) {
                boolean shadedColumn = table.columns().get(i).shaded();
                switch (shade) {
                    case HEADER -> content.setNonStrokingColor(0.85f);
                    case FLAGGED -> content.setNonStrokingColor(1f, 0.89f, 0.8f);
                    case ZEBRA -> content.setNonStrokingColor(shadedColumn ? 0.91f : 0.955f);
                    case NONE -> content.setNonStrokingColor(shadedColumn ? 0.93f : 1f);
                }
                if (shade != Shade.NONE || shadedColumn) {
                    content.addRect(x, bottom, widths[i], row.height());
                    content.fill();
                }
                x += widths[i];
            }
        });
        float x = MARGIN_X;
        for (int i = 0; i < widths.length; i++) {
            PdfTable.Look look = row.looks().get(i);
            float baseline = top - CELL_PAD_Y - TABLE * 0.95f;
            for (String line : row.cells().get(i)) {
                drawLine(line, font(look), TABLE, color(look), x + CELL_PAD_X, baseline);
                baseline -= TABLE * LEADING;
            }
            x += widths[i];
        }
        draw(() -> {
            content.setStrokingColor(0.45f);
            content.setLineWidth(0.5f);
            float cx = MARGIN_X;
            for (float w : widths) {
                content.addRect(cx, bottom, w, row.height());
                cx += w;
            }
            content.stroke();
        });
        y = bottom;
    }

    private PdfFont font(PdfTable.Look look) {
        return switch (look) {
            case BOLD, WARNING -> fonts.bold();
            case MONO -> fonts.mono();
            case NORMAL, MUTED -> fonts.regular();
        };
    }

    private static float[] color(PdfTable.Look look) {
        return switch (look) {
            case MUTED -> MUTED;
            case WARNING -> WARNING;
            default -> INK;
        };
    }

    // ---- drawing ----

    @FunctionalInterface
    private interface Drawing {
        void run() throws IOException;
    }

    private void draw(Drawing drawing) {
        try {
            drawing.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws one line already made printable by its font (as {@link TextWrap} returns them). */
    private void drawLine(String line, PdfFont font, float size, float[] color, float x, float baseline) {
        if (line.isBlank()) {
            return;
        }
        draw(() -> {
            content.beginText();
            content.setFont(font.pdFont(), size);
            content.setNonStrokingColor(color[0], color[1], color[2]);
            content.newLineAtOffset(x, baseline);
            content.showText(TextWrap.visual(line));
            content.endText();
        });
    }

    /** Closes the last page and draws every page's footer: its label, "Page N of M", and when it was made. */
    void finish(Footer footer) {
        if (pending != null) {
            block(0);
        }
        try {
            closeContent();
            int total = pages.size();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream stream = new PDPageContentStream(document, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    content = stream;
                    drawFooter(labels.get(i), "Page " + (i + 1) + " of " + total, footer.generated());
                }
            }
            content = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawFooter(String pageLabel, String pageText, String generated) {
        float rule = BOTTOM - 14;
        draw(() -> {
            content.setStrokingColor(0.55f);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN_X, rule);
            content.lineTo(MARGIN_X + width(), rule);
            content.stroke();
        });
        PdfFont bold = fonts.bold();
        String page = bold.printable(pageText);
        float pageWidth = bold.width(page, SMALL + 0.5f);
        drawLine(page, bold, SMALL + 0.5f, INK, MARGIN_X + width() - pageWidth, rule - 11);
        drawLine(TextWrap.firstLine(pageLabel, fonts.regular(), SMALL, width() - pageWidth - 16), fonts.regular(), SMALL,
                MUTED, MARGIN_X, rule - 11);
        drawLine(TextWrap.firstLine(generated, fonts.regular(), SMALL, width()), fonts.regular(), SMALL, MUTED, MARGIN_X,
                rule - 21);
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
