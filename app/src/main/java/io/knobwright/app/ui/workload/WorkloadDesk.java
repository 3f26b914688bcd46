package io.knobwright.app.ui.workload;

import io.knobwright.app.AppContext;
import io.knobwright.app.workload.LogImportTasks;
import io.knobwright.app.workload.WorkloadReport;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.WorkloadClass;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the Workload screen reads and does: an instance's report (profile, top queries, rates), the log importer, and
 * each instance's latest class for the fleet table.
 */
public record WorkloadDesk(Function<Instance, WorkloadReport> reports, LogImportTasks importer,
                           Supplier<Map<Long, WorkloadClass>> classes) {

    public WorkloadDesk {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(classes, "classes");
    }

    /** The workbench's: the store's series and imported queries, and the real importer. */
    public static WorkloadDesk of(AppContext context) {
        WorkloadService workload = context.workload();
        return new WorkloadDesk(instance -> workload.report(instance, WorkloadService.DEFAULT_WINDOW, 50),
                context.logImports().importer(context.localUser()), workload::latestClasses);
    }

    /** No data and no importer: for tests of other screens. */
    public static WorkloadDesk none() {
        WorkloadService empty = new WorkloadService(new InMemoryMetricHistory(), instance -> List.of(), Clock.systemUTC(),
                ZoneId.systemDefault());
        return new WorkloadDesk(instance -> empty.report(instance, WorkloadService.DEFAULT_WINDOW, 50), LogImportTasks.NONE,
                Map::of);
    }
}
