package io.knobwright.app.ui.template;

import io.knobwright.model.UserError;
import io.knobwright.app.template.ConfigurationRef;
import io.knobwright.app.template.ConfigurationView;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.ValidationIssue;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The editor's two background checks of the draft: its validation against every engine version it targets,
 * and its comparison with the chosen target. Typing is checked once it pauses. Each kind keeps its own order:
 * an answer for a draft or target that something newer has replaced is dropped, so an older result never
 * shows after a newer one, and one kind finishing never drops or clears the other's result.
 */
final class DraftChecks {

    /** How long typing must pause before the draft is checked: long enough for a word, short enough to feel live. */
    static final Duration PAUSE = Duration.ofMillis(250);

    /** The draft as a template, or the problems that keep it from being one (an entry without a name). */
    record Draft(Template template, List<IssueLine> problems) {
    }

    /** Both sides of a comparison for the diff view, or a note saying why there is none. */
    record Comparison(String leftTitle, String rightTitle, List<DiffRow> rows, String note) {
    }

    private final TemplateService templates;
    private final BackgroundWork work;
    private final Supplier<Draft> draft;
    private final Supplier<CompareTarget> target;
    private final Consumer<List<IssueLine>> showIssues;
    private final Consumer<Comparison> showComparison;
    private final Consumer<String> failed;

    private Subscription waiting = Subscription.EMPTY;
    /** The newest validation and comparison asked for; an answer to an older one is dropped. */
    private int validation;
    private int comparison;

    DraftChecks(TemplateService templates, BackgroundWork work, Supplier<Draft> draft, Supplier<CompareTarget> target,
                Consumer<List<IssueLine>> showIssues, Consumer<Comparison> showComparison, Consumer<String> failed) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.work = Objects.requireNonNull(work, "work");
        this.draft = draft;
        this.target = target;
        this.showIssues = showIssues;
        this.showComparison = showComparison;
        this.failed = failed;
    }

    /** The draft changed: what is on its way describes an older draft; both kinds run once typing pauses. */
    void edited() {
        forget();
        waiting = work.after(PAUSE, this::checkNow);
    }

    /** Validates and compares the draft now (a template was opened, or typing paused). */
    void checkNow() {
        waiting.unsubscribe();
        Draft now = draft.get();
        validate(now);
        compare(now);
    }

    /** Only compares: the target changed, which says nothing new about the draft's validity. */
    void compareNow() {
        compare(draft.get());
    }

    /** Compares two stored versions of the template instead of the draft, until the next edit or target change. */
    void compareVersions(String name, int left, int right) {
        int ticket = ++comparison;
        work.io("Compare versions", () -> {
            ConfigurationView[] views = templates.views(new ConfigurationRef.TemplateRef(name + "@" + left),
                    new ConfigurationRef.TemplateRef(name + "@" + right));
            return new Comparison(views[0].title(), views[1].title(), templates.compare(views[0], views[1]),
                    "History: v" + left + " against v" + right + ". Edit or pick a comparison to go back to the draft.");
        }, result -> {
            if (ticket == comparison) {
                showComparison.accept(result);
            }
        }, failed);
    }

    /** Shows issues found elsewhere (a save refused for errors) as the newest validation. */
    void validated(Template template, List<ValidationIssue> found) {
        validation++;
        showIssues.accept(IssueLine.group(found, template.engine(), template.targetVersions()));
    }

    /** Drops what waits for a pause and what is on its way: another template is being opened. */
    void forget() {
        waiting.unsubscribe();
        validation++;
        comparison++;
    }

    private void validate(Draft now) {
        int ticket = ++validation;
        if (now.template() == null) {
            showIssues.accept(now.problems());
            return;
        }
        Template template = now.template();
        work.io("Check the template", () -> templates.validateDraft(template), found -> {
            if (ticket == validation) {
                showIssues.accept(IssueLine.group(found, template.engine(), template.targetVersions()));
            }
        }, failed);
    }

    private void compare(Draft now) {
        int ticket = ++comparison;
        if (now.template() == null) {
            // The last comparison stays on screen until every entry parses again; the issue list says what is wrong.
            return;
        }
        CompareTarget with = target.get();
        if (with == null) {
            showComparison.accept(new Comparison("", "", List.of(), "Choose what to compare the template with."));
            return;
        }
        Template template = now.template();
        work.io("Compare the template", () -> compare(template, with), result -> {
            if (ticket == comparison) {
                showComparison.accept(result);
            }
        }, failed);
    }

    private Comparison compare(Template template, CompareTarget with) {
        try {
            ConfigurationView[] views = templates.compareDraft(template, with.ref());
            return new Comparison(views[0].title(), views[1].title(), templates.compare(views[0], views[1]), "");
        } catch (UserError e) {
            // a bug is not a comparison result: it reaches the failure path and the bug dialog
            return new Comparison("", "", List.of(), "Cannot compare with " + with.label() + ": " + e.getMessage());
        }
    }
}
