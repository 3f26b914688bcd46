package io.knobwright.app.ui.fleet;

import io.knobwright.app.ui.Fixtures;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.WorkloadClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FleetMeasuredWorkloadTest {

    @Test
    void theMeasuredColumnShowsTheLatestProfilesClassAndADashWithoutOne() {
        List<Instance> fleet = Fixtures.smallFleet();
        Instance profiled = fleet.getFirst();

        List<FleetRow> rows = FleetViewModel.prepare(fleet, Map.of(), Map.of(),
                Map.of(profiled.id(), WorkloadClass.OLAP)).rows();

        assertThat(rows).filteredOn(r -> r.id() == profiled.id()).singleElement()
                .extracting(FleetRow::measuredText).isEqualTo("olap");
        assertThat(rows).filteredOn(r -> r.id() != profiled.id()).extracting(FleetRow::measuredText).containsOnly("—");
    }

    @Test
    void sortingByMeasuredPutsUnprofiledInstancesLast() {
        List<Instance> fleet = Fixtures.smallFleet();
        List<FleetRow> rows = new ArrayList<>(FleetViewModel.prepare(fleet, Map.of(), Map.of(),
                Map.of(fleet.get(1).id(), WorkloadClass.MIXED, fleet.get(2).id(), WorkloadClass.OLTP)).rows());

        rows.sort(FleetRow.BY_MEASURED);

        assertThat(rows.subList(0, 2)).extracting(FleetRow::measured).containsExactly(WorkloadClass.OLTP, WorkloadClass.MIXED);
        assertThat(rows.getLast().measured()).isNull();
    }
}
