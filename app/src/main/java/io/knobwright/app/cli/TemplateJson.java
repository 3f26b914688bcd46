package io.knobwright.app.cli;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.app.template.CheckedAgainst;
import io.knobwright.app.template.ImportReport;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.ValidationIssue;
import io.knobwright.model.value.Values;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** JSON shapes of the template and plan commands; field order is the records' order. */
final class TemplateJson {

    private TemplateJson() {
    }

    record TemplateSummary(String name, String engine, String parent, int version, boolean builtIn, String author,
                           String savedAt, String comment, String description) {
        static TemplateSummary of(TemplateVersion v) {
            return new TemplateSummary(v.name(), v.template().engine().id(), v.template().parent(), v.version(),
                    v.template().builtIn(), v.author(), v.savedAt().toString(), v.comment(), v.template().description());
        }
    }

    /** TemplateSummary's fields, then what an import checked the file against and what it left out. */
    record ImportJson(String name, String engine, String parent, int version, boolean builtIn, String author,
                      String savedAt, String comment, String description, CheckedJson checkedAgainst,
                      List<SkippedJson> skipped) {
        static ImportJson of(ImportReport report) {
            TemplateSummary s = TemplateSummary.of(report.saved());
            CheckedAgainst c = report.checkedAgainst();
            return new ImportJson(s.name(), s.engine(), s.parent(), s.version(), s.builtIn(), s.author(), s.savedAt(),
                    s.comment(), s.description(), c == null ? null
                    : new CheckedJson(c.version().engine().id(), c.version().major(), c.basis(), c.guessed()),
                    report.skipped().stream().map(k -> new SkippedJson(k.name(), k.file(), k.line(), k.reason())).toList());
        }
    }

    record CheckedJson(String engine, String version, String basis, boolean guessed) {
    }

    record SkippedJson(String parameter, String file, int line, String reason) {
    }

    record EntryJson(String parameter, String value, String expression, boolean reset, boolean locked, String rationale,
                     String setBy) {
        static EntryJson of(TemplateResolver.EffectiveEntry e) {
            EntryValue v = e.entry().value();
            return new EntryJson(e.entry().parameter(), v instanceof EntryValue.Literal l ? l.text() : null,
                    v instanceof EntryValue.Expression x ? x.source() : null, v instanceof EntryValue.ResetToDefault,
                    e.locked(), e.entry().rationale(), e.from().name() + " v" + e.from().version());
        }
    }

    record TemplateDetail(TemplateSummary template, List<String> targetVersions, List<EntryJson> entries) {
    }

    /** @param display the value as a DBA writes it ("16GB" for 2097152 x 8kB) */
    record ResolvedJson(String name, String value, String unit, String source, String expression, String note,
                        String display) {
        static ResolvedJson of(ResolvedParameter p, ParameterCatalog catalog) {
            return new ResolvedJson(p.name(), p.value(), p.unit(), p.template() + " v" + p.templateVersion()
                    + (p.reset() ? " (reset to engine default)" : ""), p.expression(), p.note(),
                    Values.readable(catalog, p.name(), p.value()));
        }
    }

    record DiffJson(String name, String left, String right, String change, String category, String applyMode,
                    boolean restartNeeded) {
        static DiffJson of(DiffRow r) {
            return new DiffJson(r.name(), r.left(), r.right(), r.change().name().toLowerCase(Locale.ROOT), r.category(),
                    r.applyMode() == null ? null : r.applyMode().name().toLowerCase(Locale.ROOT), r.restartNeeded());
        }
    }

    record IssueJson(String severity, String version, String parameter, String message) {
        static IssueJson of(ValidationIssue i) {
            return new IssueJson(i.severity().name().toLowerCase(Locale.ROOT), i.version(), i.parameter(), i.message());
        }
    }

    /** @param fromDisplay {@code from} as a DBA writes it ("128MB"), null like {@code from}; toDisplay likewise */
    record ChangeJson(String parameter, String from, String to, String unit, String applyMode, boolean restartNeeded,
                      String provenance, String note, String fromDisplay, String toDisplay) {
        static ChangeJson of(PlannedChange c, Optional<ParameterCatalog> catalog) {
            ParameterSpec spec = catalog.flatMap(k -> k.find(c.parameter())).orElse(null);
            return new ChangeJson(c.parameter(), c.from(), c.to(), c.unit(), c.applyMode().name().toLowerCase(Locale.ROOT),
                    c.restartNeeded(), c.provenance(), c.note(), Values.readableWithUnit(spec, c.from(), c.unit()),
                    Values.readableWithUnit(spec, c.to(), c.unit()));
        }
    }

    record PlanJson(long id, long instanceId, String instance, String template, int templateVersion, String createdAt,
                    String author, String state, String baseline, boolean restartNeeded, List<ChangeJson> changes,
                    boolean hasBaseline, String uid, String ticket) {
        /** @param catalog the instance's catalog, for the display fields; empty when it is gone */
        static PlanJson of(ChangePlan p, Optional<ParameterCatalog> catalog) {
            return new PlanJson(p.id(), p.instanceId(), p.instanceName(), p.template(), p.templateVersion(), p.createdAt().toString(),
                    p.author(), p.state().name().toLowerCase(Locale.ROOT), p.baseline(), p.restartNeeded(),
                    p.changes().stream().map(c -> ChangeJson.of(c, catalog)).toList(), p.hasBaseline(), p.uid(), p.ticket());
        }
    }
}
