package io.knobwright.app.pdf;

import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.RiskLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;

import static io.knobwright.app.pdf.PdfTable.Look.BOLD;
import static io.knobwright.app.pdf.PdfTable.Look.MUTED;
import static io.knobwright.app.pdf.PdfTable.Look.WARNING;
import static io.knobwright.app.pdf.PdfTable.cell;

/**
 * Writes change plans as a PDF for a change board to read on paper (decision 0114): one plan, or a report of many
 * that opens with a list of them and the page each starts on. Every page's footer says "Page N of M", which plan it
 * belongs to and when the document was made.
 */
public final class PlanPdfExport {

    /**
     * What was written.
     *
     * @param pages      the page count
     * @param firstPages the page each plan starts on, by plan id
     * @param rows       where every table row went, header rows included
     */
    public record Result(int pages, Map<Long, Integer> firstPages, List<RowPlacement> rows) {
        public Result {
            firstPages = Collections.unmodifiableMap(new LinkedHashMap<>(firstPages));
            rows = List.copyOf(rows);
        }
    }

    private final Optional<PdfFontFiles> fontFiles;

    /** With the fonts installed on this machine (DejaVu Sans first), else the Standard 14 fonts. */
    public PlanPdfExport() {
        this(PdfFontFiles.installed());
    }

    /** @param fontFiles the TrueType faces to embed; empty: the Standard 14 fonts (WinAnsi characters only) */
    public PlanPdfExport(Optional<PdfFontFiles> fontFiles) {
        this.fontFiles = Objects.requireNonNull(fontFiles, "fontFiles");
    }

    /**
     * Writes the reviews, in the order given, to {@code out} (left open).
     *
     * @param catalogs the parameter catalog of each plan's instance, by instance id, for values as a DBA writes them
     *                 ("16GB"); a missing one shows values in the unit the server reported
     * @param clock    when the document is made, and the time zone its times are shown in
     */
    public Result write(List<PlanReview> reviews, Map<Long, ParameterCatalog> catalogs, Clock clock, OutputStream out)
            throws IOException {
        Objects.requireNonNull(out, "out");
        if (reviews.isEmpty()) {
            throw new IllegalArgumentException("A PDF of change plans needs at least one plan");
        }
        Map<Long, Integer> firstPages = Map.of();
        if (reviews.size() > 1) {
            // The list of plans names the page each starts on; a first layout finds those pages. The second lays out
            // the same rows (the page column is one line either way), so the pages it names are the pages they are.
            firstPages = render(reviews, catalogs, clock, Map.of(), null).firstPages();
        }
        return render(reviews, catalogs, clock, firstPages, out);
    }

    private Result render(List<PlanReview> reviews, Map<Long, ParameterCatalog> catalogs, Clock clock,
                          Map<Long, Integer> knownFirstPages, OutputStream out) throws IOException {
        Instant now = clock.instant();
        ReportText text = new ReportText(clock.getZone());
        try (PDDocument document = new PDDocument()) {
            PageFlow flow = new PageFlow(document, PdfFonts.load(document, fontFiles));
            if (reviews.size() > 1) {
                index(flow, reviews, knownFirstPages, text, now);
            }
            Map<Long, Integer> firstPages = new LinkedHashMap<>();
            for (PlanReview review : reviews) {
                ChangePlan plan = review.plan();
                firstPages.putIfAbsent(plan.id(), flow.pageNumber() + 1); // each plan starts on a new page
                new PlanReport(flow, review, Optional.ofNullable(catalogs.get(plan.instanceId())), text).write();
            }
            flow.finish(new PageFlow.Footer("Generated " + text.time(now) + " by Knobwright from its store; the store's"
                    + " audit trail is the record."));
            describe(document, reviews, now);
            if (out != null) {
                document.save(out);
            }
            return new Result(document.getNumberOfPages(), firstPages, flow.placements());
        }
    }

    private static void index(PageFlow flow, List<PlanReview> reviews, Map<Long, Integer> firstPages, ReportText text,
                              Instant now) {
        flow.newPage("Change plans for review: " + ReportText.plural(reviews.size(), "plan"));
        flow.muted("Knobwright · change plans for review");
        flow.title("Change plans for review: " + ReportText.plural(reviews.size(), "plan"));
        Map<RiskLevel, Long> byRisk = reviews.stream().collect(Collectors.groupingBy(r -> r.risk().level(),
                () -> new java.util.EnumMap<>(RiskLevel.class), Collectors.counting()));
        String risks = String.join(", ", Arrays.stream(RiskLevel.values()).sorted(java.util.Comparator.reverseOrder())
                .filter(byRisk::containsKey).map(l -> byRisk.get(l) + " " + l.name().toLowerCase(Locale.ROOT)).toList());
        long restart = reviews.stream().filter(r -> r.plan().restartNeeded()).count();
        long noTicket = reviews.stream().filter(r -> r.plan().ticket().isEmpty()).count();
        flow.paragraph("Generated " + text.time(now) + ". Risk: " + risks + ". " + restart + " of "
                + ReportText.plural(reviews.size(), "plan") + " need a server restart"
                + (noTicket == 0 ? "; every plan has a change ticket." : "; " + noTicket + " without a change ticket."));
        flow.paragraph("Each plan starts on a new page with its summary, changes, risk, approvals, rollback plan and audit"
                + " trail.");
        PdfTable table = new PdfTable("index", "Plans in this document")
                .column("Plan", 7, BOLD).column("Instance", 22).column("State", 11).column("Risk", 10)
                .column("Ticket", 16).column("Changes", 9).column("Restart", 8).column("Page", 7);
        for (PlanReview r : reviews) {
            ChangePlan p = r.plan();
            Integer page = firstPages.get(p.id());
            table.row(cell(String.valueOf(p.id()), null), cell(p.instanceName(), null), cell(ReportText.state(p.state()), null),
                    cell(ReportText.risk(r.risk().level()), r.risk().level().compareTo(RiskLevel.HIGH) >= 0 ? WARNING : null),
                    p.ticket().isEmpty() ? cell("none", MUTED) : cell(p.ticket(), null),
                    cell(String.valueOf(p.changes().size()), null),
                    cell(ReportText.yesNo(p.changes().stream().anyMatch(PlannedChange::restartNeeded)), null),
                    cell(page == null ? "" : String.valueOf(page), null));
        }
        flow.table(table);
    }

    private static void describe(PDDocument document, List<PlanReview> reviews, Instant now) {
        PDDocumentInformation info = document.getDocumentInformation();
        ChangePlan first = reviews.getFirst().plan();
        info.setTitle(reviews.size() == 1 ? "Change plan " + first.id() + " for " + first.instanceName()
                + (first.ticket().isEmpty() ? "" : " (" + first.ticket() + ")")
                : "Change plans for review (" + reviews.size() + ")");
        info.setCreator("Knobwright");
        info.setProducer("Knobwright with Apache PDFBox");
        GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        created.setTimeInMillis(now.toEpochMilli());
        info.setCreationDate(created);
    }
}
