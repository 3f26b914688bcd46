package io.knobwright.app.ui.workload;

import io.knobwright.app.task.ProgressTask;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.app.workload.LogImportTasks;
import io.knobwright.app.workload.WorkloadReport;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.task.TaskRunner;
import io.knobwright.model.workload.Vote;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The Workload tab's view-model, driven without a toolkit: inline tasks, results on the calling thread. */
class WorkloadViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final Instance ORDERS = WorkloadUiTest.ORDERS;
    private final DemoWorkload demo = new DemoWorkload(NOW, 4, ZoneOffset.UTC, 7);
    private final WorkloadService service = new WorkloadService(demo.history(ORDERS.id()), i -> demo.queries(24),
            Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    private final List<String> bugs = new ArrayList<>();
    private int reads;

    private WorkloadViewModel vm(LogImportTasks importer) {
        Function<Instance, WorkloadReport> reports = i -> {
            reads++;
            return service.report(i, WorkloadService.DEFAULT_WINDOW, 25);
        };
        return new WorkloadViewModel(new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> bugs.add(a)),
                TaskRunner.inline(), reports, importer, () -> Optional.of(Path.of("pg.log")), ZoneOffset.UTC);
    }

    @Test
    void showingAnInstanceFillsTheClassTheWhyTheFiguresAndTheQueries() {
        WorkloadViewModel vm = vm(LogImportTasks.NONE);

        vm.show(ORDERS);

        assertThat(vm.classTextProperty().get()).isEqualTo("OLTP");
        assertThat(vm.features()).hasSize(5).extracting(FeatureRow::name).startsWith("mean statement time");
        assertThat(vm.features()).extracting(FeatureRow::vote).doesNotContain(Vote.OLAP);
        assertThat(vm.figures()).extracting(Figure::label).containsExactly("Transactions", "Reads / writes",
                "Active sessions", "Working set", "Temp spill", "Checkpoints", "WAL", "Connections");
        assertThat(vm.queries()).hasSize(12);
        assertThat(vm.shifts()).singleElement().asString().startsWith("Mon 30 Nov 15:00 · commits")
                .contains("moved alike");
        assertThat(vm.peakTextProperty().get()).startsWith("Peak hours 09:00–");
        assertThat(vm.emptyTextProperty().get()).isEmpty();
    }

    @Test
    void anImportReportsItsProgressThenReloadsTheTab() {
        List<Double> seen = new ArrayList<>();
        LogImportTasks importer = (target, file) -> progress -> {
            progress.report(0.5, "half");
            return new LogImportTasks.Result(10_000, 42, 1 << 20, "");
        };
        WorkloadViewModel vm = vm(importer);
        vm.show(ORDERS);
        vm.importProgressProperty().subscribe(v -> seen.add(v.doubleValue()));

        vm.importLog();

        assertThat(seen).contains(0.5);
        assertThat(vm.importingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Imported pg.log: 10000 statements in 42 fingerprints");
        assertThat(reads).as("read again after the import").isEqualTo(2);
    }

    @Test
    void aCancelledImportSaysSoAndAFailedOneSaysWhy() {
        WorkloadViewModel cancelled = vm((target, file) -> progress -> {
            throw new java.util.concurrent.CancellationException("cancelled");
        });
        cancelled.show(ORDERS);
        cancelled.importLog();
        assertThat(cancelled.messageProperty().get()).contains("cancelled");
        assertThat(cancelled.messageIsErrorProperty().get()).isFalse();

        WorkloadViewModel failed = vm((target, file) -> progress -> {
            throw UserError.input("pg.log is not a PostgreSQL log: no line matches the prefix '%m [%p] '");
        });
        failed.show(ORDERS);
        failed.importLog();
        assertThat(failed.messageProperty().get()).contains("not a PostgreSQL log");
        assertThat(failed.messageIsErrorProperty().get()).isTrue();
        assertThat(bugs).isEmpty();
    }

    @Test
    void progressFromAFastImporterIsCoalescedNotQueued() {
        List<Runnable> queued = new ArrayList<>();
        List<io.knobwright.app.task.ProgressRun.Update> delivered = new ArrayList<>();
        ProgressTask<String> chatty = progress -> {
            for (int i = 1; i <= 100_000; i++) {
                progress.report(i / 100_000.0, "line " + i);
            }
            return "done";
        };

        io.knobwright.app.task.ProgressRun.start(TaskRunner.inline(), chatty, queued::add, delivered::add);
        queued.forEach(Runnable::run);

        assertThat(queued).as("one UI update waiting at a time").hasSize(1);
        assertThat(delivered).singleElement().satisfies(u -> assertThat(u.message()).isEqualTo("line 100000"));
    }
}
