package io.knobwright.app.cli;

import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.template.EntryValue;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.ValidationIssue;

import java.util.List;
import java.util.Locale;

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

    record ResolvedJson(String name, String value, String unit, String source, String expression, String note) {
        static ResolvedJson of(ResolvedParameter p) {
            return new ResolvedJson(p.name(), p.value(), p.unit(), p.template() + " v" + p.templateVersion()
                    + (p.reset() ? " (reset to engine default)" : ""), p.expression(), p.note());
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

    record ChangeJson(String parameter, String from, String to, String unit, String applyMode, boolean restartNeeded,
                      String provenance, String note) {
        static ChangeJson of(PlannedChange c) {
            return new ChangeJson(c.parameter(), c.from(), c.to(), c.unit(), c.applyMode().name().toLowerCase(Locale.ROOT),
                    c.restartNeeded(), c.provenance(), c.note());
        }
    }

    record PlanJson(long id, long instanceId, String instance, String template, int templateVersion, String createdAt,
                    String author, String state, String baseline, boolean hasBaseline, boolean restartNeeded,
                    List<ChangeJson> changes) {
        static PlanJson of(ChangePlan p) {
            return new PlanJson(p.id(), p.instanceId(), p.instanceName(), p.template(), p.templateVersion(), p.createdAt().toString(),
                    p.author(), p.state().name().toLowerCase(Locale.ROOT), p.baseline(), p.hasBaseline(), p.restartNeeded(),
                    p.changes().stream().map(ChangeJson::of).toList());
        }
    }
}
