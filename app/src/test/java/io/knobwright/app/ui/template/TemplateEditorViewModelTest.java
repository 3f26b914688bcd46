package io.knobwright.app.ui.template;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.HeldTaskRunner;
import io.knobwright.app.ui.ManualTimer;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.TemplateVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the editor checks the draft: once typing pauses, with the newest answer of each kind winning. Background
 * work is held until the test releases it and the clock moves only by hand, so no test sleeps or races.
 */
class TemplateEditorViewModelTest {

    private static final Duration KEYSTROKE = Duration.ofMillis(90);

    private final AppContext context = DemoWorkbench.context("template-editor-vm");
    private final HeldTaskRunner held = new HeldTaskRunner();
    private final ManualTimer clock = new ManualTimer();
    private final List<TemplateVersion> saved = new ArrayList<>();
    private final TemplateEditorViewModel editor = new TemplateEditorViewModel(context.templates(),
            new BackgroundWork(held, Runnable::run, (action, details) -> { }, clock), new ScreenMessage(), saved::add);
    private final Instance instance = DemoWorkbench.postgres16WithSettings(context).getFirst();

    TemplateEditorViewModelTest() {
        context.templates().save(new Template("payments-oltp", Engine.POSTGRESQL, List.of("15", "16", "17"),
                "postgresql-oltp", List.of(TemplateEntry.literal("work_mem", "32MB", "Payment batches sort large sets")),
                false, "OLTP for the payments services"), "first cut");
        context.templates().assign(Long.toString(instance.id()), "payments-oltp");
        editor.open("payments-oltp");
        held.completeAll();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private EntryRow workMem() {
        return editor.rows().stream().filter(r -> r.parameterProperty().get().equals("work_mem")).findFirst().orElseThrow();
    }

    private String draftWorkMem() {
        return editor.diff().rows().stream().filter(r -> r.name().equals("work_mem")).map(DiffRow::left)
                .findFirst().orElse("(not compared)");
    }

    /** Types {@code text} into the value one character at a time, a keystroke every 90 ms. */
    private void type(EntryRow row, String text) {
        for (int i = 1; i <= text.length(); i++) {
            row.textProperty().set(text.substring(0, i));
            clock.advance(KEYSTROKE);
        }
    }

    @Test
    void theDraftIsCheckedOnceTypingPausesNotOnEveryKeystroke() {
        assertThat(draftWorkMem()).isEqualTo("32MB");

        type(workMem(), "128MB");
        assertThat(held.waiting()).as("no check while typing").isZero();

        clock.advance(DraftChecks.PAUSE);
        assertThat(held.waiting()).as("one validation and one comparison").isEqualTo(2);
        held.completeAll();
        assertThat(draftWorkMem()).isEqualTo("128MB");
        assertThat(editor.validationSummaryProperty().get()).startsWith("Valid for PostgreSQL 15–17");
        assertThat(clock.waiting()).isZero();
    }

    @Test
    void anOlderCheckFinishingAfterANewerOneIsNotShown() {
        workMem().textProperty().set("9TB");
        clock.advance(DraftChecks.PAUSE);
        workMem().textProperty().set("64MB");
        clock.advance(DraftChecks.PAUSE);
        assertThat(held.waiting()).isEqualTo(4);

        // The checks of 64MB answer first, then those of 9TB.
        held.complete(3);
        held.complete(2);
        assertThat(draftWorkMem()).isEqualTo("64MB");
        assertThat(editor.hasErrorsProperty().get()).isFalse();
        held.completeAll();

        assertThat(draftWorkMem()).isEqualTo("64MB");
        assertThat(editor.hasErrorsProperty().get()).isFalse();
        assertThat(workMem().severityProperty().get()).isNull();
    }

    @Test
    void aCheckOvertakenByAnEditStillWaitingForItsPauseIsDropped() {
        workMem().textProperty().set("9TB");
        clock.advance(DraftChecks.PAUSE);
        workMem().textProperty().set("96MB");
        held.completeAll();

        // The answer about 9TB describes a draft that no longer exists.
        assertThat(editor.hasErrorsProperty().get()).isFalse();
        assertThat(draftWorkMem()).isEqualTo("32MB");
        clock.advance(DraftChecks.PAUSE);
        held.completeAll();
        assertThat(draftWorkMem()).isEqualTo("96MB");
    }

    @Test
    void aComparisonAndAValidationNeverDropEachOthersResult() {
        workMem().textProperty().set("9TB");
        clock.advance(DraftChecks.PAUSE);
        // While the draft's checks run, the user looks at two versions from the history.
        editor.compareVersions(1, 1);
        held.completeAll();

        assertThat(editor.hasErrorsProperty().get()).as("the validation of 9TB still shows").isTrue();
        assertThat(workMem().severityProperty().get()).isNotNull();
        assertThat(editor.diffNoteProperty().get()).startsWith("History: v1 against v1.");

        // Another target compares again but leaves the validation as it is.
        editor.compareTargetProperty().set(new CompareTarget.Parent("postgresql-oltp"));
        assertThat(held.waiting()).isEqualTo(1);
        held.completeAll();
        assertThat(editor.hasErrorsProperty().get()).isTrue();
        assertThat(editor.diff().rightTitleProperty().get()).startsWith("postgresql-oltp");
    }

    @Test
    void savingValidatesTheDraftItselfWhenItsCheckHasNotRunYet() {
        workMem().textProperty().set("9TB");
        editor.save("too big");
        held.completeAll();

        assertThat(saved).isEmpty();
        assertThat(context.templates().require("payments-oltp").version()).isEqualTo(1);
        assertThat(editor.hasErrorsProperty().get()).isTrue();
        assertThat(editor.issues()).first().extracting(IssueLine::parameter).isEqualTo("work_mem");

        workMem().textProperty().set("64MB");
        editor.save("64MB is enough");
        held.completeAll();
        assertThat(saved).extracting(TemplateVersion::version).containsExactly(2);
    }
}
