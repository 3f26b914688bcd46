package io.knobwright.model.store;

import io.knobwright.model.approval.GovernanceRepository;
import io.knobwright.model.apply.journal.ApplyJournal;
import io.knobwright.model.audit.AuditRepository;
import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.hub.HubSyncRepository;
import io.knobwright.model.notify.WebhookOutbox;
import io.knobwright.model.plan.PlanRepository;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's repositories outside a transaction (the written-out delegates of decision 0118): every method of every
 * repository reaches the repository with its arguments, and runs as one unit of work, so it is tried again when
 * another process hands the store over.
 */
class EachCallAUnitTest {

    /** What a repository saw of one call: its arguments, and whether it ran inside a unit. */
    private record Call(List<Object> args, boolean inUnit) {
    }

    private final Map<Method, Call> calls = new HashMap<>();

    @Test
    void everyMethodOfEveryRepositoryReachesItWithItsArgumentsInsideOneUnit() throws Exception {
        JooqRepositories recording = new JooqRepositories(fake(InstanceRepository.class), fake(SnapshotRepository.class),
                fake(TemplateRepository.class), fake(TemplateAssignmentRepository.class), fake(PlanRepository.class),
                fake(ServerCatalogRepository.class), fake(GovernanceRepository.class), fake(AuditRepository.class),
                fake(WebhookOutbox.class), fake(HubSyncRepository.class), fake(ApplyJournal.class),
                fake(io.knobwright.model.override.OverrideRepository.class),
                fake(io.knobwright.model.apply.restart.PendingRestartRepository.class),
                fake(io.knobwright.model.workload.QueryRepository.class),
                fake(io.knobwright.model.workload.WorkloadSeriesRepository.class),
                fake(io.knobwright.model.workload.QueryHistoryRepository.class),
                fake(io.knobwright.model.workload.RelationSeriesRepository.class),
                fake(io.knobwright.model.health.ConnectionUseRepository.class),
                fake(io.knobwright.model.forecast.SizeSeriesRepository.class),
                fake(io.knobwright.model.health.AlertStateRepository.class),
                fake(io.knobwright.model.backup.BackupRepository.class),
                fake(io.knobwright.model.workload.PrometheusMappingRepository.class),
                fake(io.knobwright.model.health.ConnectionEventRepository.class),
                fake(io.knobwright.model.simulation.ObservationRepository.class),
                fake(io.knobwright.model.simulation.PlanSimulationRepository.class),
                fake(io.knobwright.model.simulation.ApplyOutcomeRepository.class));
        Repositories units = recording.eachCallAUnit(new StoreContention(null));

        int checked = 0;
        for (Method accessor : Repositories.class.getMethods()) {
            Object repository = accessor.invoke(units);
            assertThat(Proxy.isProxyClass(repository.getClass())).as(accessor.getName() + " is written out").isFalse();
            for (Method method : accessor.getReturnType().getMethods()) {
                Object[] args = distinctArguments(method);
                method.invoke(repository, args);

                assertThat(calls).as(method.toString()).containsEntry(method, new Call(Arrays.asList(args), true));
                checked++;
            }
        }
        assertThat(StoreContention.inUnit()).isFalse();
        assertThat(checked).isEqualTo(calls.size()).isGreaterThan(80);
    }

    private <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.put(method, new Call(args == null ? List.of() : Arrays.asList(args), StoreContention.inUnit()));
            return defaultOf(method.getReturnType());
        }));
    }

    /** Values that tell the arguments apart, so a delegate that swaps or drops one is caught. */
    private static Object[] distinctArguments(Method method) {
        List<Object> args = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            if (type == long.class) {
                args.add(100L + i);
            } else if (type == int.class) {
                args.add(200 + i);
            } else if (type == boolean.class) {
                args.add(i % 2 == 0);
            } else if (type == String.class) {
                args.add("argument " + i);
            } else {
                args.add(null);
            }
        }
        return args.toArray();
    }

    private static Object defaultOf(Class<?> type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }
}
